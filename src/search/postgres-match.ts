/**
 * How a parsed query matches on PostgreSQL: the bigram tokens as a tsquery on `search_texts.tsv` (GIN),
 * each phrase by `<->` or, quoted, as an exact substring of the normalized text.
 */
import { sql, type RawBuilder } from 'kysely';
import type { ParsedQuery, PhraseQuery } from './tokenizer.rules.js';

const lexeme = (t: string, prefix: boolean): string => `'${t.replace(/'/g, "''")}'${prefix ? ':*' : ''}`;

/** The tsquery text of one phrase, with `<->` (phrase) or `&` (all tokens) between tokens. */
export function tsPhrase(p: PhraseQuery, op: '<->' | '&'): string {
  return `(${p.tokens.map((t, i) => lexeme(t, p.lastIsPrefix && i === p.tokens.length - 1)).join(` ${op} `)})`;
}

/** The tsquery of every phrase. */
export const tsq = (phrases: readonly PhraseQuery[], op: '<->' | '&'): RawBuilder<unknown> =>
  sql`to_tsquery('simple', ${phrases.map((p) => tsPhrase(p, op)).join(' & ')})`;

/** The index part of a query on `search_texts`: all tokens (the GIN index answers it exactly). */
export const allTokens = (parsed: ParsedQuery, t = 'search_texts'): RawBuilder<boolean> =>
  sql<boolean>`${sql.ref(`${t}.tsv`)} @@ ${tsq(parsed.phrases, '&')}`;

/**
 * The phrase checks on the rows of `t` (null when none): each phrase of several tokens by `<->` or as a
 * substring, each quoted phrase as a substring.
 */
export function phraseChecks(parsed: ParsedQuery, t = 'search_texts'): RawBuilder<boolean> | null {
  const parts: RawBuilder<boolean>[] = [];
  const norm = sql.ref(`${t}.norm_text`);
  for (const p of parsed.phrases) {
    if (p.exact && p.text) {
      parts.push(sql<boolean>`strpos(${norm}, ${p.text}) > 0`);
      continue;
    }
    if (p.tokens.length < 2) continue;
    // The substring test first: norm_text is stored inline, the tsvector is TOASTed (detoasting it costs).
    parts.push(
      sql<boolean>`(strpos(${norm}, ${p.text}) > 0 or ${sql.ref(`${t}.tsv`)} @@ to_tsquery('simple', ${tsPhrase(p, '<->')}))`,
    );
  }
  return parts.length ? sql<boolean>`${sql.join(parts, sql` and `)}` : null;
}

/** A query's match on `search_texts`: all tokens (GIN), and each phrase by `<->` or as a substring. */
export function matches(parsed: ParsedQuery): RawBuilder<boolean> {
  const checks = phraseChecks(parsed);
  return checks ? sql<boolean>`${allTokens(parsed)} and ${checks}` : allTokens(parsed);
}

/**
 * A title holding every phrase (the title-only tsvector), quoted phrases exactly: looked for at the
 * start of the normalized text (title, newline, body), as far as the title's tokens reach (they are
 * longer than the title), so a long body is not decompressed (substr reads a prefix): 100 candidates of
 * `"营商环境"` took 5 ms with the whole text.
 */
export function titleMatches(parsed: ParsedQuery): RawBuilder<boolean> {
  const exact = parsed.phrases.filter((p) => p.exact && p.text);
  return sql<boolean>`search_texts.title_tsv @@ ${tsq(parsed.phrases, '<->')}${sql.join(
    exact.map(
      (p) =>
        sql` and strpos(substr(search_texts.norm_text, 1, char_length(search_texts.title_tokens) + ${p.text.length + 16}), ${p.text}) > 0`,
    ),
    sql``,
  )}`;
}

/**
 * Relevance of a matching row of `t` (every match fits in the window): ts_rank (title weight A 1.0, body
 * D 0.1) divided by 1 + log(document length), as bm25 normalizes by length. Without it a long body
 * repeating the word outranked short titled documents: the top 10 of `河长` (334 matches) held none of the
 * exact bm25 top 10 (SQLite FTS5, title 10 : body 1); with it 10/10, `通知` filtered by agency and year 9/10.
 */
export const tsRank = (parsed: ParsedQuery, t = 'search_texts'): RawBuilder<number> =>
  sql<number>`ts_rank(${sql.ref(`${t}.tsv`)}, ${tsq(parsed.phrases, '<->')}, 1)`;
