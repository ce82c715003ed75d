/**
 * Highlighted titles and snippets for search results (issue 5: "Highlighted matches in titles and
 * snippets"). Pure. Matching is done on normalized text (NFKC, lower case, simplified) and mapped back
 * to the original characters; output is a list of parts, never HTML from the document.
 */
import { normalizeText } from './tokenizer.rules.js';

/** A piece of text, marked when it matches the query. */
export interface Part {
  t: string;
  m: boolean;
}

/**
 * Characters normalized one by one (a text whose normalization changes its length, e.g. with `…` or `⑴`),
 * remembered: each conversion of a lone character otherwise costs a whole 繁简 conversion call.
 */
const CHARS = new Map<string, string>();
function normalizeChar(ch: string): string {
  let n = CHARS.get(ch);
  if (n === undefined) {
    n = normalizeText(ch);
    if (CHARS.size < 50_000) CHARS.set(ch, n);
  }
  return n;
}

/**
 * Normalized text with, for each normalized UTF-16 index, the original index it comes from (null when they
 * are the same throughout). `known`: the text's normalization when the caller has it (the index stores it:
 * search_texts.norm_text).
 */
function normMap(text: string, known?: string): { norm: string; orig: number[] | null } {
  const whole = known ?? normalizeText(text);
  // One-to-one (the usual case): every normalized index is its original index; no map to build.
  if (whole.length === text.length) return { norm: whole, orig: null };
  let norm = '';
  const orig: number[] = [];
  let i = 0;
  for (const ch of text) {
    const n = normalizeChar(ch);
    for (let k = 0; k < n.length; k++) orig.push(i);
    norm += n;
    i += ch.length;
  }
  orig.push(text.length);
  return { norm, orig };
}

/** Original-text ranges [from, to) where any needle occurs, merged and sorted. */
function ranges(text: string, needles: readonly string[], known?: string): Array<[number, number]> {
  if (!needles.some((n) => n)) return [];
  const { norm, orig } = normMap(text, known);
  const found: Array<[number, number]> = [];
  for (const n of needles) {
    if (!n) continue;
    for (let at = norm.indexOf(n); at >= 0; at = norm.indexOf(n, at + n.length))
      found.push(orig ? [orig[at]!, orig[at + n.length] ?? text.length] : [at, at + n.length]);
  }
  found.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Characters normalized at a time when looking for the first match (normalizing is mostly 繁简 conversion). */
const CHUNK = 240;

/**
 * The first range where a needle occurs: the text is normalized a chunk at a time (each overlapping the
 * next by twice the longest needle) and the search stops at the first chunk holding a match, so a long
 * body with an early match is not converted whole.
 */
function firstRange(text: string, needles: readonly string[], known?: string): [number, number] | undefined {
  if (!needles.some((n) => n)) return undefined; // nothing to find (a 文号 or 索引号 alone): nothing to normalize
  const overlap = 2 * Math.max(0, ...needles.map((n) => n.length)) + 2;
  for (let from = 0; from < text.length; from += CHUNK) {
    const to = from + CHUNK + overlap;
    const r = ranges(text.slice(from, to), needles, known?.slice(from, to))[0];
    if (r) return [r[0] + from, r[1] + from];
  }
  return undefined;
}

/** Splits text into marked and unmarked parts (`known`: its normalization, as Normalized gives it). */
export function highlight(text: string, needles: readonly string[], known?: string): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const [a, b] of ranges(text, needles, known)) {
    if (a > at) parts.push({ t: text.slice(at, a), m: false });
    parts.push({ t: text.slice(a, b), m: true });
    at = b;
  }
  if (at < text.length) parts.push({ t: text.slice(at), m: false });
  return parts;
}

/** Where a document's own text ends and its attachments' text begins (set by the search sources). */
export const ATTACHMENTS_MARK = '【附件内容】';

/** True when the body's first match lies in the attachments' text (after ATTACHMENTS_MARK), not in the document itself. */
export function matchInAttachment(body: string, needles: readonly string[], known?: string): boolean {
  const mark = body.indexOf(ATTACHMENTS_MARK);
  if (mark < 0) return false;
  const first = firstRange(body, needles, known);
  return !!first && first[0] > mark;
}

/** A window of the body around the first match (or its beginning), highlighted. */
export function snippet(body: string, needles: readonly string[], width = 120, known?: string): Part[] {
  const flat = body.replace(/\s+/g, ' ').trim();
  const flatKnown = known?.replace(/\s+/g, ' ').trim();
  const norm = flatKnown?.length === flat.length ? flatKnown : undefined;
  const first = firstRange(flat, needles, norm);
  const start = first ? Math.max(0, first[0] - Math.floor(width / 3)) : 0;
  const end = Math.min(flat.length, start + width);
  const parts = highlight(flat.slice(start, end), needles, norm?.slice(start, end));
  if (start > 0) parts.unshift({ t: '…', m: false });
  if (end < flat.length) parts.push({ t: '…', m: false });
  return parts;
}

/**
 * A document's title and body as the index normalized them (`norm_text`: normalized title, line break,
 * normalized body), each given only where it is exactly as long as the original — where normalization
 * kept every character in place, the case normMap reads as one-to-one — so highlighting need not convert
 * them again (繁简 conversion was a tenth of a search's time).
 */
export function storedNormalization(title: string, body: string, norm: string | null | undefined): Normalized {
  if (!norm || norm.length !== title.length + 1 + body.length || norm[title.length] !== '\n') return {};
  return { title: norm.slice(0, title.length), body: norm.slice(title.length + 1) };
}

/** What storedNormalization found. */
export interface Normalized {
  title?: string;
  body?: string;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes the text first, then wraps matches in `<mark>`: safe to embed in HTML. */
export function partsToHtml(parts: readonly Part[]): string {
  return parts.map((p) => (p.m ? `<mark>${esc(p.t)}</mark>` : esc(p.t))).join('');
}

/** HTML-escapes text. */
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]);
