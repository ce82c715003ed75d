/**
 * SQLite implementation: an external-content FTS5 table (`search_fts`, unicode61 tokenizer) over the
 * space-separated bigram tokens; phrases are FTS5 phrase queries, ranking is bm25 with the title
 * column weighted 10 : 1.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../platform/db/schema.js';
import { caseless, phraseProvenByTokens, type ParsedQuery, type PhraseQuery } from './tokenizer.rules.js';
import { makeProvider, WINDOW_COLUMNS, type DialectSearch, type WindowRow } from './search-engine.js';
import type { SearchProvider } from './search.types.js';

/** The FTS5 query for phrases: `"信息 息公 公开" AND "预算"` (a final lone character as a prefix). */
export function fts5Query(phrases: readonly PhraseQuery[]): string {
  return phrases.map((p) => `"${p.tokens.join(' ')}"${p.lastIsPrefix ? ' *' : ''}`).join(' AND ');
}

/**
 * The quoted phrases' exact checks on the normalized text of the FTS5 row (none when no phrase is quoted,
 * or when FTS5's phrase match already proves each one: Han letters only, see phraseProvenByTokens —
 * reading the text of every match was most of a quoted search's time).
 */
function exactChecks(parsed: ParsedQuery, id = 'search_fts.rowid') {
  const exact = parsed.phrases.filter((p) => p.exact && p.text && !phraseProvenByTokens(p));
  return exact.length
    ? sql`and exists (select 1 from search_texts t where t.id = ${sql.raw(id)}${sql.join(
        exact.map((p) => sql` and instr(t.norm_text, ${p.text}) > 0`),
        sql``,
      )})`
    : sql``;
}

/**
 * A window row's score past the window: the phrases found in its title, shorter titles first (as bm25
 * weighs them), then (score 0) newest first — postgres-page.ts's titleScore. On the stored title `d.title`,
 * not normalized (a title in traditional characters scores 0 here; the title index still finds it).
 */
function windowTitleScore(parsed: ParsedQuery): RawBuilder<number> {
  const found = parsed.phrases.map(
    (p) => sql`(instr(${caseless(p.text) ? sql`d.title` : sql`lower(d.title)`}, ${p.text}) > 0)`,
  );
  return sql<number>`(${sql.join(found, sql` + `)}) * (1 + 1.0 / (1 + length(d.title)))`;
}

const asRows = (rows: WindowRow[]): WindowRow[] =>
  rows.map((r) => ({ ...r, id: Number(r.id), score: Number(r.score) }));

const sqliteSearch: DialectSearch = {
  name: 'sqlite-fts5',
  match(q, parsed) {
    const joined = q
      .innerJoin('search_fts', 'search_fts.rowid', 'search_docs.id')
      .where(sql<boolean>`search_fts match ${fts5Query(parsed.phrases)}`);
    return joined as unknown as typeof q;
  },
  score: () => sql<number>`-bm25(search_fts, 10.0, 1.0)`,
  // On the FTS5 rowid, so FTS5 walks only that part of the doclists (on search_docs.id it walks them all).
  idIn: (ids) => sql<boolean>`search_docs.id in (${sql.join(ids)})`,
  since: (q, minId) => q.where(sql<boolean>`search_fts.rowid >= ${minId}`),
  read: (db, fn) => fn(db),
  contains: (needle) =>
    sql<boolean>`exists (select 1 from search_texts t where t.id = search_docs.id and instr(t.norm_text, ${needle}) > 0)`,
  // Its FTS5 phrase queries prove a quoted phrase of Han letters (phraseProvenByTokens).
  matchProves: phraseProvenByTokens,
  async afterReindex(db: Db) {
    await sql`insert into search_fts(search_fts) values ('rebuild')`.execute(db);
    await sql`insert into search_fts(search_fts) values ('optimize')`.execute(db);
    // The title index is contentless: refilled whole (whatever it held), keyed as migration 202612052130 does.
    await sql`insert into search_title_fts(search_title_fts) values ('delete-all')`.execute(db);
    await sql`insert into search_title_fts(rowid, title_tokens) select (1048576 - (case when title_tokens = '' then 0 else length(title_tokens) - length(replace(title_tokens, ' ', '')) + 1 end)) * 4294967296 + id, title_tokens from search_texts`.execute(
      db,
    );
    await sql`insert into search_title_fts(search_title_fts) values ('optimize')`.execute(db);
  },
  // FTS5 walks a doclist in rowid order and stops at the limit: cost proportional to `cap`, bm25 included
  // (a rowid range instead would make FTS5 walk every match: 65 ms at 1,000,000 documents). Quoted
  // phrases are checked in the walk (once); the engine runs it in one statement with the facets and the
  // ranking's rows (window-pass.ts).
  // bm25 first walks every phrase's whole doclist (its IDF: 3 ms for a word in 70 % of 100,000
  // documents, ten times that at 1,000,000), so it is computed only when every match fits in the window
  // (an unscored probe of cap + 1 matches decides, once per statement; CASE calls bm25 only then). Past
  // the window the score is the title's (windowTitleScore), as on PostgreSQL.
  windowWalk: (parsed, cap, score, words = parsed) => {
    const walk = (cols: RawBuilder<unknown>) =>
      sql`select ${cols} from search_fts where search_fts match ${fts5Query(parsed.phrases)} ${exactChecks(parsed)} order by search_fts.rowid desc limit ${cap + 1}`;
    // null: scored by title when the pass reads the row's search_docs columns.
    const scored =
      score === 'none'
        ? sql`0`
        : score === 'title'
          ? sql`null`
          : sql`case when (select count(*) from (${walk(sql`search_fts.rowid`)})) > ${cap} then null else -bm25(search_fts, 10.0, 1.0) end`;
    return { sql: walk(sql`search_fts.rowid as id, ${scored} as score`), titleScore: windowTitleScore(words) };
  },
  async window(h, parsed, cap) {
    const r = await sql<{ id: number }>`${sqliteSearch.windowWalk!(parsed, cap, 'fits').sql}`.execute(h);
    if (r.rows.length <= cap) return null;
    const ids = r.rows.slice(0, cap).map((x) => Number(x.id));
    return { start: ids[cap - 1]!, ids, exactChecked: true };
  },
  // The title-only FTS5 table is keyed by title length, then id (migration 202612052130): its first k
  // matches in rowid order are the shortest titles holding the words, newest first (the order of a
  // title-only bm25 for words found once), read without walking the other title matches.
  // Without filters only the id and the date (ties) are read.
  async titleMatches(h, text, _match, k, filtered = true) {
    const cols = filtered ? WINDOW_COLUMNS : 'd.published_on';
    const r =
      await sql<WindowRow>`select d.id as id, 0 as score, ${sql.raw(cols)} from search_title_fts join search_docs d on d.id = (search_title_fts.rowid & 4294967295) where search_title_fts match ${fts5Query(text.phrases)} ${exactChecks(text, 'd.id')} order by search_title_fts.rowid desc limit ${k}`.execute(
        h,
      );
    const rows = asRows(r.rows);
    return { ids: rows.map((x) => x.id), rows };
  },
  // Estimated from the window's density over the id range (ids grow by one per indexed document): O(1)
  // (min and max in separate subqueries: together in one select SQLite scans the table).
  // An exact FTS5 count walks the whole doclist (25 ms for a word in 700,000 of 1,000,000 documents).
  async count(h, start, cap) {
    const r = await sql<{
      lo: number;
      hi: number;
    }>`select (select min(id) from search_docs) as lo, (select max(id) from search_docs) as hi`.execute(h);
    const hi = Number(r.rows[0]?.hi ?? 0);
    const all = hi - Number(r.rows[0]?.lo ?? 0) + 1;
    return Math.round((cap / Math.max(cap, hi - start + 1)) * all);
  },
};

/** The SQLite FTS5 search provider bound to a handle. */
export const sqliteSearchProvider = (db: Db, window?: number): SearchProvider => makeProvider(db, sqliteSearch, window);
