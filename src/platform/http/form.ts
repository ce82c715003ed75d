/** Helpers to read url-encoded form bodies and query strings safely. */
export type FormBody = Record<string, string | string[] | undefined>;

/** A single trimmed string field ('' when absent). */
export function str(body: unknown, key: string): string {
  if (!body || typeof body !== 'object') return '';
  const v: unknown = (body as FormBody)[key];
  if (Array.isArray(v)) return scalar(v[0]);
  return scalar(v);
}

/** A form value as text; objects and arrays (only a JSON body can send them) count as empty. */
const scalar = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');

/** A multi-valued field (checkboxes, repeated selects). */
export function list(body: unknown, key: string): string[] {
  if (!body || typeof body !== 'object') return [];
  const v = (body as FormBody)[key];
  if (v == null || v === '') return [];
  return (Array.isArray(v) ? v : [v]).map(scalar).filter(Boolean);
}

/** An optional positive integer; undefined when empty or malformed. */
export function intOrUndef(body: unknown, key: string): number | undefined {
  const s = str(body, key);
  if (!/^\d{1,9}$/.test(s)) return undefined;
  return Number(s);
}

/** Page number from the query (1-based, at least 1). */
export function pageParam(query: unknown): number {
  const n = intOrUndef(query, 'page');
  return n && n > 0 ? n : 1;
}
