/** A results page's rows as the hits shown to readers: titles and snippets highlighted, scores rounded. */
import type { PageRow } from './search-dialect.js';
import type { SearchHit } from './search.types.js';
import { highlight, matchInAttachment, snippet, storedNormalization } from './highlight.rules.js';

/** The hits of `rows` for the query's phrases (`needles`), highlighted in the text the index normalized. */
export function searchHits(rows: readonly PageRow[], needles: readonly string[]): SearchHit[] {
  return rows.map((r) => {
    const norm = storedNormalization(r.title, r.body, r.norm_text);
    return {
      id: Number(r.id),
      docType: r.doc_type,
      docId: r.doc_id,
      url: r.url,
      title: highlight(r.title, needles, norm.title),
      snippet: snippet(r.body, needles, 120, norm.body),
      score: Math.round(Number(r.score) * 1e6) / 1e6,
      publishedOn: r.published_on,
      orgName: r.org_name,
      categoryName: r.category_name,
      docNo: r.doc_no,
      indexNo: r.index_no,
      validity: r.validity,
      inAttachment: matchInAttachment(r.body, needles, norm.body),
    };
  });
}
