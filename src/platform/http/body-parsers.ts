import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { withoutInvisible } from './form-input.js';

/** Deepest JSON accepted (objects and arrays); real API bodies stay under 6. */
export const MAX_JSON_DEPTH = 32;

/** Deepest nesting of a JSON text, by a linear scan outside strings (before parsing it). */
export function jsonTextDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92)
        i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) {
      if (++depth > max) max = depth;
    } else if (ch === 93 || ch === 125) depth--;
  }
  return max;
}

const isApi = (req: FastifyRequest) => req.url.startsWith('/api/');
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Removes NUL and other control characters (not tab, line feed, carriage return) and direction controls
 * from every string, in place; a string of nothing but blank becomes '' (form-input.ts `withoutInvisible`).
 */
function clean(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return withoutInvisible(value.replace(CONTROL, ''));
  if (!value || typeof value !== 'object' || depth > 40 || Buffer.isBuffer(value)) return value;
  const o = value as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (typeof v === 'string' || (v && typeof v === 'object')) o[k] = clean(v, depth + 1);
  }
  return value;
}

/**
 * Public and staff HTML forms accept only form encodings (urlencoded, multipart); JSON is for /api/v1 and
 * is refused there above MAX_JSON_DEPTH levels, before any handler or validator walks it.
 */
export function registerBodyParsers(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' || isApi(req)) return;
    const type = req.headers['content-type'];
    if (type && !FORM_TYPES.test(type))
      throw new AppError('unsupported_media', {
        code: 'form_encoding_required',
        message: '此页面只接受表单提交，请通过网页表单填写后提交。',
      });
  });
  // Text input never carries NUL or other control characters (PostgreSQL refuses NUL in text; terminals and
  // spreadsheets misread the others): they are removed from query strings and bodies before any handler.
  app.addHook('preValidation', async (req) => {
    if (req.query && typeof req.query === 'object') clean(req.query);
    if (req.body && typeof req.body === 'object') clean(req.body);
  });
  app.addHook('preHandler', async (req) => {
    if (req.body && typeof req.body === 'object') clean(req.body); // bodies set by upload readers (route preValidation)
  });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    if (jsonTextDepth(text) > MAX_JSON_DEPTH)
      return done(
        new AppError('invalid', { code: 'json_too_deep', message: `JSON 嵌套层数过多（最多 ${MAX_JSON_DEPTH} 层）。` }),
        undefined,
      );
    let value: unknown;
    try {
      value = JSON.parse(text, (k, v: unknown) => (k === '__proto__' ? undefined : v));
    } catch {
      return done(new AppError('invalid', { code: 'json_invalid', message: '请求内容不是有效的 JSON。' }), undefined);
    }
    done(null, value);
  });
}
