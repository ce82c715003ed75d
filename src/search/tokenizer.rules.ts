/**
 * Our own Chinese tokenizer for the full-text index (issue 5 "Search"; 《政府信息公开条例》第二十三条:
 * 公开的政府信息应便于公众检索、查阅). Pure: no I/O.
 *
 * - radical-supplement forms folded (cjk-radicals.rules.ts), NFKC normalization, case folding, traditional → simplified folding (opencc-js, tw → cn);
 * - a run of Han characters becomes overlapping bigrams plus its last character as a unigram
 *   (a lone character is itself), so a 1-character query can match by prefix and a 2-character
 *   query is one index term;
 * - letters and digits (Han EXCLUDED from that class) become words: `69号文件精神` → `69` + bigrams.
 */
import { traditionalToSimplified as toSimplified } from '../platform/chinese-script.js';
import { foldCjkRadicals } from './cjk-radicals.rules.js';

const HAN = /\p{Script=Han}/u;
/** One Han character, or one run of letters/digits that are not Han. */
const PIECE = /(\p{Script=Han})|((?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+)/gu;

/** Radical forms folded (PDF text), NFKC, lower case, traditional → simplified. Used at index and query time. */
export function normalizeText(text: string): string {
  return toSimplified(foldCjkRadicals(text).normalize('NFKC').toLowerCase());
}

/** True when the character is a Han ideograph. */
export const isHan = (ch: string): boolean => HAN.test(ch);

/** Text without cased letters (Han characters, digits): looked for as it is, without lower() (titleScore). */
export const caseless = (t: string): boolean => t === t.toLowerCase() && t === t.toUpperCase();

/** A token of the index with the kind of run it comes from. */
export interface Token {
  text: string;
  /** `han-tail`: the trailing unigram of a Han run of 2+ characters; `han-single`: a lone Han character. */
  kind: 'word' | 'bigram' | 'han-tail' | 'han-single';
}

/** Tokens of already-normalized text, in order. */
export function tokenizeNormalized(norm: string): Token[] {
  const out: Token[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length === 1) out.push({ text: run[0], kind: 'han-single' });
    else if (run.length > 1) {
      for (let i = 0; i + 1 < run.length; i++) out.push({ text: run[i] + run[i + 1], kind: 'bigram' });
      out.push({ text: run[run.length - 1], kind: 'han-tail' });
    }
    run = [];
  };
  let last = -1;
  for (const m of norm.matchAll(PIECE)) {
    const at = m.index ?? 0;
    if (m[1]) {
      if (at !== last) flush();
      run.push(m[1]);
      last = at + m[1].length;
    } else {
      flush();
      out.push({ text: m[2], kind: 'word' });
      last = -1;
    }
  }
  flush();
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** The class of each code point met so far (0 not yet known, 1 Han, 2 letter/digit/mark, 3 other). */
let classes: Uint8Array | undefined;
function classOf(cp: number): number {
  classes ??= new Uint8Array(0x110000);
  let c = classes[cp]!;
  if (!c) {
    const ch = String.fromCodePoint(cp);
    c = HAN.test(ch) ? 1 : WORD_CHAR.test(ch) ? 2 : 3;
    classes[cp] = c;
  }
  return c;
}

/**
 * The space-separated token string of already-normalized text: `tokenizeNormalized(norm)`'s texts
 * joined by spaces (the same pieces as PIECE finds), read a code point at a time without the token
 * objects or regular-expression matches (the index writes one per document).
 */
export function tokensOfNormalized(norm: string): string {
  const out: string[] = [];
  let prev = '';
  let run = 0;
  let word = -1;
  for (let i = 0; i < norm.length;) {
    const cp = norm.codePointAt(i)!;
    const n = cp > 0xffff ? 2 : 1;
    const c = classOf(cp);
    if (c === 2) {
      if (word < 0) {
        if (run) out.push(prev);
        run = 0;
        word = i;
      }
    } else {
      if (word >= 0) out.push(norm.slice(word, i));
      word = -1;
      if (c === 1) {
        const ch = n === 1 ? norm[i]! : norm.slice(i, i + 2);
        if (run) out.push(prev + ch);
        prev = ch;
        run++;
      } else {
        if (run) out.push(prev);
        run = 0;
      }
    }
    i += n;
  }
  if (word >= 0) out.push(norm.slice(word));
  if (run) out.push(prev);
  return out.join(' ');
}

/** Normalizes then tokenizes; returns the space-separated token string stored in the index. */
export function indexTokens(text: string): string {
  return tokensOfNormalized(normalizeText(text));
}

/** A phrase as the index sees it: consecutive tokens, the last one possibly a prefix. */
export interface PhraseQuery {
  /** The normalized text of the term, for the exactness check and highlighting. */
  text: string;
  tokens: string[];
  /** The last token matches by prefix (a query ending in a lone Han character). */
  lastIsPrefix: boolean;
  /** Quoted by the user: exact substring check on the normalized text as well. */
  exact: boolean;
}

/**
 * The index tokens of one query term. A run ending the term drops its trailing unigram (the document
 * may continue the run); a lone Han character at the end matches any bigram starting with it.
 */
export function phraseOf(raw: string, exact: boolean): PhraseQuery | null {
  const text = normalizeText(raw).trim();
  const toks = tokenizeNormalized(text);
  if (!toks.length) return null;
  const lastTok = toks[toks.length - 1];
  let lastIsPrefix = false;
  if (lastTok.kind === 'han-tail') toks.pop();
  else if (lastTok.kind === 'han-single') lastIsPrefix = true;
  return { text, tokens: toks.map((t) => t.text), lastIsPrefix, exact };
}

/** Two or more Han letters (\p{L}: what FTS5's unicode61 keeps inside a token, as it must here). */
const HAN_LETTERS = /^(?:(?=\p{L})\p{Script=Han}){2,}$/u;

/**
 * Whether a phrase's tokens found consecutively in a document prove its text is there, with no substring
 * check: Han letters only, two or more. Its tokens are then the bigrams ab, bc, …; in a document's tokens
 * (tokensOfNormalized) two bigrams stand next to each other only inside one run of Han characters, where
 * they overlap by a character (a run ends with its last character alone, which no bigram equals) — so the
 * run, a stretch of the normalized text, holds abc… itself. Letters, digits, punctuation or a lone
 * character in the phrase still need the check (`"信息，公开"` has the tokens of `信息公开`).
 */
export function phraseProvenByTokens(p: PhraseQuery): boolean {
  return !p.lastIsPrefix && HAN_LETTERS.test(p.text) && p.tokens.length === [...p.text].length - 1;
}

const DOC_NO =
  /([\p{Script=Han}A-Za-z]{1,20})?\s*[〔［[(（【{｛]\s*((?:19|20)\d{2})\s*[〕］\])）】}｝]\s*(?:第\s*)?(\d{1,5})\s*号/u;

/**
 * One form for a 发文字号 (文号): `湛府办〔2009〕69号`, `湛府办[2009]69号`, `湛府办（2009）69号` and
 * half-width variants all become `湛府办〔2009〕69号` (GB/T 9704-2012 7.2.4 writes the year in 〔〕).
 */
export function normalizeDocNo(raw: string): string | null {
  const m = DOC_NO.exec(normalizeText(raw).replace(/\s+/g, ''));
  if (!m) return null;
  return `${m[1] ?? ''}〔${m[2]}〕${Number(m[3])}号`;
}

/** 索引号 such as `000014349/2018-00222` or `11440800007217xxxx/2019-00012`: matched exactly. */
const INDEX_NO = /^[0-9A-Za-z-]{6,30}\/\d{4}-\d{3,6}$/;

/** A parsed search query. */
export interface ParsedQuery {
  phrases: PhraseQuery[];
  /** Normalized 文号 found in the query (matched against the doc-number column). */
  docNo: string | null;
  /** 索引号 when the whole query is one (upper case; full-width folded, spaces dropped). */
  indexNo: string | null;
  /** Nothing to search for (only filters). */
  empty: boolean;
}

/**
 * Parses what a person typed: plain terms are ANDed, "quoted phrases" (ASCII or Chinese quotes)
 * match exactly, a 文号 anywhere is taken out and matched on its own column, a query that is an
 * 索引号 matches that column exactly.
 */
export function parseQuery(input: string): ParsedQuery {
  let q = (input ?? '').normalize('NFKC').trim().slice(0, 200);
  const compact = q.replace(/\s+/g, '');
  if (INDEX_NO.test(compact)) return { phrases: [], docNo: null, indexNo: compact.toUpperCase(), empty: false };
  let docNo: string | null = null;
  const dm = DOC_NO.exec(q);
  if (dm) {
    docNo = normalizeDocNo(dm[0]);
    q = q.replace(dm[0], ' ');
  }
  const phrases: PhraseQuery[] = [];
  q = q.replace(/["“”「」『』]([^"“”「」『』]*)["“”「」『』]/g, (_, inner: string) => {
    const p = phraseOf(inner, true);
    if (p) phrases.push(p);
    return ' ';
  });
  for (const term of q.split(/[\s,，;；、+]+/)) {
    const p = phraseOf(term.replace(/["“”「」『』]/g, ''), false);
    if (p && !phrases.some((x) => x.text === p.text && x.exact === p.exact)) phrases.push(p);
  }
  return { phrases: phrases.slice(0, 10), docNo, indexNo: null, empty: phrases.length === 0 && !docNo };
}
