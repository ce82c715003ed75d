/** Form input as pages send it (url-encoded bodies, multipart fields, query strings): text only. */
import { DIGITS } from './validation-messages.js';

/** Direction overrides, embeddings and isolates: kept, they show stored text reversed to the next reader. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
/** Blank at either end: white space and the invisible zero-width characters (a field of nothing else is empty). */
const EDGE_BLANK = /^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$/g;

/** Only blank: white space and zero-width characters, or nothing. */
const ALL_BLANK = /^[\s\u200b-\u200d\u2060\ufeff]*$/;

/**
 * A text value of any body (forms and JSON alike): without direction controls, and '' when nothing but
 * blank is left, so a required field of invisible characters is refused as empty. JSON keeps its other
 * white space as sent.
 */
export const withoutInvisible = (v: string): string => {
  const t = v.replace(BIDI_CONTROLS, '');
  return ALL_BLANK.test(t) ? '' : t;
};

/** A text value as stored: without direction controls, blank trimmed from both ends ('' when nothing else). */
export const cleanText = (v: string): string => v.replace(BIDI_CONTROLS, '').replace(EDGE_BLANK, '');

/** Cleans every text value (cleanText) and drops empty ones (an empty form field is an absent one). */
export function normalizeFormInput(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
    if (typeof v === 'string') {
      const t = cleanText(v);
      if (t) out[k] = t;
    } else if (Array.isArray(v)) {
      const list = v.map((x) => (typeof x === 'string' ? cleanText(x) : x)).filter((x) => x !== '');
      if (list.length) out[k] = list;
    } else if (v !== undefined) out[k] = v;
  }
  return out;
}

/** The highest page number a list takes (schemas.ts `Page`). */
const LAST_PAGE = 100_000;

/**
 * A public page's query string with its page number made one a list takes: a hand-edited `page=0`, `-1` or
 * `abc` shows the first page and a page past the end the list's own "no page N" (as the search page
 * does), instead of an error page.
 */
export function withPageNumber(query: unknown): unknown {
  if (!query || typeof query !== 'object' || !('page' in query) || typeof query.page !== 'string') return query;
  const { page, ...rest } = query;
  if (!/^[0-9]+$/.test(page) || !Number(page)) return rest;
  return { ...rest, page: String(Math.min(LAST_PAGE, Number(page))) };
}

/** Full-width digits, as Chinese input methods often type them (０–９). */
const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/g;

/**
 * Whole-number fields of a form or query string (schemas.ts `Int`: a pattern of digits) with full-width
 * digits read as digits: “１５” is 15, not a refusal to type “0–9”. Other fields keep what was typed.
 */
export function withAsciiDigits(input: unknown, schema: unknown): unknown {
  const props = (schema as { properties?: Record<string, { allOf?: Array<{ pattern?: string }> }> } | undefined)
    ?.properties;
  if (!props || !input || typeof input !== 'object' || Array.isArray(input)) return input;
  const out: Record<string, unknown> = { ...input };
  for (const [k, v] of Object.entries(out)) {
    if (typeof v !== 'string' || !props[k]?.allOf?.some((s) => s.pattern === DIGITS)) continue;
    out[k] = v.replace(FULL_WIDTH_DIGIT, (d) => String(d.charCodeAt(0) - 0xff10));
  }
  return out;
}
