/**
 * A form whose CSRF token has expired (a session that timed out while someone typed a long request)
 * must not lose what was typed: the error page offers the same fields again with a fresh token.
 * Only for same-site form posts (never for a cross-site request, which would let another site fill
 * our forms), never for passwords or tokens. Files cannot be kept: a multipart form's text is kept, its
 * files are named and chosen again on the page.
 */
import type { FastifyRequest } from 'fastify';
import { FROM_LIST } from './validation-messages.js';

/** What the expired-form page re-posts and shows. */
export interface Resubmit {
  action: string;
  fields: Array<[string, string]>;
  /** What the page lists: each filled field by its label (a choice from a list of ids is not shown as a number). */
  shown: Array<{ label: string; value: string }>;
  /** A multipart form, posted again as one, with a file field for each field whose files were dropped. */
  multipart: boolean;
  reselect: Array<{ field: string; names: string[] }>;
}

/** The schema of one body field, as far as the page needs it. */
interface FieldSchema {
  title?: string;
  description?: string;
  enum?: unknown[];
  allOf?: Array<{ description?: string }>;
}

/** A field whose value is a code or an id picked from a list (not worth showing as typed). */
const picked = (f: FieldSchema | undefined): boolean =>
  f !== undefined && (f.enum !== undefined || [f, ...(f.allOf ?? [])].some((s) => s.description === FROM_LIST));

const SECRET = /pass|secret|token|csrf|otp/i;

/** Whether a refused form post may be kept: a POST from one of our own pages. */
export const keepsExpiredForm = (req: FastifyRequest, publicUrl: string): boolean =>
  req.method === 'POST' && sameSite(req, publicUrl);

function sameSite(req: FastifyRequest, publicUrl: string): boolean {
  // Browsers say where a request comes from in Sec-Fetch-Site, which no page can set. Our pages send
  // no Referer (Referrer-Policy: no-referrer), so a browser's form post carries `Origin: null`.
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const from = req.headers.origin ?? req.headers.referer;
  if (!from || from === 'null') return false;
  try {
    // Compared as URL hosts (a default port is dropped: `localhost:80` and `http://localhost` agree).
    const own = [publicUrl, ...(req.headers.host ? [`${req.protocol}://${req.headers.host}`] : [])].map(
      (u) => new URL(u).host,
    );
    return own.includes(new URL(from).host);
  } catch {
    return false;
  }
}

/** The fields to offer again, or null when the request does not qualify; `upload` is a multipart form as read. */
export function resubmittable(
  req: FastifyRequest,
  publicUrl: string,
  upload: { dropped: Record<string, string[]> } | null,
): Resubmit | null {
  const urlencoded = String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
  if (!(urlencoded || upload) || !keepsExpiredForm(req, publicUrl)) return null;
  if (typeof req.body !== 'object' || req.body === null) return null;
  const schema = req.routeOptions.schema?.body as { properties?: Record<string, FieldSchema> } | undefined;
  const fields: Array<[string, string]> = [];
  const shown: Resubmit['shown'] = [];
  for (const [k, v] of Object.entries(req.body)) {
    if (SECRET.test(k)) continue;
    const field = schema?.properties?.[k];
    for (const x of Array.isArray(v) ? v : [v]) {
      if (typeof x !== 'string') continue;
      fields.push([k, x]);
      if (!x.trim()) continue;
      shown.push({ label: field?.title ?? k, value: picked(field) ? '（已选择）' : x });
    }
  }
  const reselect = Object.entries(upload?.dropped ?? {}).map(([field, names]) => ({ field, names }));
  return { action: req.url, fields, shown, multipart: Boolean(upload), reselect };
}
