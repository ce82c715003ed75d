/** Form input as pages send it (url-encoded bodies, multipart fields, query strings): text only. */

/** Trims every text value and drops empty ones (an empty form field is an absent one). */
export function normalizeFormInput(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
    if (typeof v === 'string') {
      const t = v.trim();
      if (t) out[k] = t;
    } else if (Array.isArray(v)) {
      const list = v.map((x) => (typeof x === 'string' ? x.trim() : x)).filter((x) => x !== '');
      if (list.length) out[k] = list;
    } else if (v !== undefined) out[k] = v;
  }
  return out;
}
