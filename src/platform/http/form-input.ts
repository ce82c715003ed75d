/** Form input as pages send it (url-encoded bodies, multipart fields, query strings): text only. */

/** Direction overrides, embeddings and isolates: kept, they show stored text reversed to the next reader. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
/** Blank at either end: white space and the invisible zero-width characters (a field of nothing else is empty). */
const EDGE_BLANK = /^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$/g;

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
