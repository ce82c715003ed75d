/**
 * A form whose CSRF token has expired (a session that timed out while someone typed a long request)
 * must not lose what was typed: the error page offers the same fields again with a fresh token.
 * Only for same-site form posts (never for a cross-site request, which would let another site fill
 * our forms), never for passwords or tokens, and never for file uploads (files cannot be kept).
 */
import type { FastifyRequest } from 'fastify';

/** What the expired-form page re-posts. */
export interface Resubmit {
  action: string;
  fields: Array<[string, string]>;
}

const SECRET = /pass|secret|token|csrf|otp/i;

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

/** The fields to offer again, or null when the request does not qualify. */
export function resubmittable(req: FastifyRequest, publicUrl: string): Resubmit | null {
  if (
    req.method !== 'POST' ||
    !String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
  )
    return null;
  if (!sameSite(req, publicUrl) || typeof req.body !== 'object' || req.body === null) return null;
  const fields: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(req.body as Record<string, unknown>)) {
    if (SECRET.test(k)) continue;
    for (const x of Array.isArray(v) ? v : [v]) if (typeof x === 'string') fields.push([k, x]);
  }
  return { action: req.url, fields };
}
