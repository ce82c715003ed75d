/**
 * Redirect targets taken from the request (`back`, `next`) are followed only when they are
 * a path on this site. Browsers treat `\` as `/` and drop tabs and newlines, so `/\evil.com`
 * or `/\t/evil.com` would leave the site: anything with a backslash, a control character or a
 * scheme/authority after parsing is refused and the fallback is used instead.
 */
const BASE = 'http://same-site.invalid';

export function sameSitePath(target: string | undefined | null, fallback = '/'): string {
  const s = target ?? '';
  if (!s.startsWith('/') || s.startsWith('//') || s.includes('\\')) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(s)) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(s);
  } catch {
    return fallback;
  }
  if (decoded.startsWith('//') || decoded.includes('\\')) return fallback;
  try {
    const u = new URL(s, BASE);
    if (u.origin !== BASE) return fallback;
    return u.pathname + u.search + u.hash;
  } catch {
    return fallback;
  }
}
