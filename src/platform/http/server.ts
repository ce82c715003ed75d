import { createHash, hash } from 'node:crypto';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import csrf from '@fastify/csrf-protection';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { pageToTraditional as toHant } from '../chinese-script.js';
import type { VNode } from 'preact';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { publicActor, type Actor, type Ctx } from '../context.js';
import { clockFor } from '../clock.js';
import { purposeKey } from '../secret-key.js';
import { AppError, type FieldError } from '../errors.js';
import { resolveSession } from '../auth/sessions.js';
import { renderDocument } from './render.js';
import { httpDuration, httpRequests, registry } from './metrics.js';
import { setPublicLimits } from './limits.js';
import { chineseClientError, chineseFrameworkError } from './client-error.js';
import type { Resubmit } from './expired-form.js';
import { lazySchemaCompilers } from './lazy-schemas.js';
import { PUBLIC_DIR, versionedCacheHeaders } from './static-assets.js';
import { registerBodyParsers } from './body-parsers.js';
import { removeUploadFiles, UPLOAD_READER } from './upload-form.js';
import { normalizeFormInput, withAsciiDigits, withPageNumber } from './form-input.js';
import { prefsRoutes } from './prefs-routes.js';
import { installPageCache, sendCachedPage, type CachedPage } from './page-cache.js';
import { watchPublicVersion } from '../public-version-watch.js';
import { todayInShanghai } from '../dates.js';
import { databaseRateLimitStore } from './rate-limit-store.js';
import { securityHeaders } from './security-headers.js';
import { installErrorHandlers } from './error-handler.js';
import type { ViewCtx } from './types.js';
import './types.js';

export const SESSION_COOKIE = 'gk_session';
/** The CSRF secret's cookie (@fastify/csrf-protection's default name); cleared at login so the secret rotates. */
export const CSRF_COOKIE = '_csrf';
const ELDER_COOKIE = 'gk_elder';
const SCRIPT_COOKIE = 'gk_script';
const FLASH_COOKIE = 'gk_flash';

export interface ServerDeps {
  config: Config;
  database: Database;
  /** Turns a user id (from a session) into an Actor; null when the account is gone or disabled. */
  actorForUser(db: Database['db'], userId: number, ip: string | null): Promise<Actor | null>;
  /** Turns a bearer API token into an Actor; null when invalid. */
  actorForToken(db: Database['db'], token: string, now: Date, ip: string | null): Promise<Actor | null>;
  /** Renders an error page (403, 404, 500 …) in Chinese. */
  errorPage(view: ViewCtx, status: number, errors: FieldError[], resubmit?: Resubmit | null): VNode;
  siteName(): string;
  /** When public content last changed (for Last-Modified). */
  lastModified?(): Date | null;
  now?: () => Date;
}

/** A registered route: method, url and which inputs its schema declares. */
export interface RouteEntry {
  method: string;
  url: string;
  schema: { params: boolean; querystring: boolean; body: boolean };
  /** The body schema requires a field without a default, so an empty body never passes it (the access matrix posts one). */
  bodyRequired: boolean;
  /** Reads a multipart form with the streaming reader (its fields may also be typed by `body`). */
  upload: boolean;
}

const routeTables = new WeakMap<FastifyInstance, RouteEntry[]>();

/** Every route of the app (method, url), as registered: the access matrix test is generated from it. */
export const routeTable = (app: FastifyInstance): ReadonlyArray<RouteEntry> => routeTables.get(app) ?? [];

/**
 * Builds the Fastify instance with the platform's plugins: cookies, forms, CSRF,
 * security headers (CSP without inline script), rate limits, body limits,
 * sessions and API tokens, error pages, metrics and health checks. Routes are
 * registered by the caller.
 */
export async function createServer(deps: ServerDeps): Promise<{ app: FastifyInstance }> {
  const { config, database } = deps;
  const now = deps.now ?? clockFor(config);
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    logController: new LogController({ disableRequestLogging: !config.accessLog }),
    bodyLimit: config.limits.bodyBytes,
    // X-Forwarded-For / -Proto are believed only from the configured proxies (GONGKAI_TRUST_PROXY).
    trustProxy: config.trustProxy.length ? [...config.trustProxy] : false,
    schemaController: { compilersFactory: lazySchemaCompilers() },
    // verbose: an error carries the failing schema, so its message names the field's label (`title`).
    ajv: { customOptions: { verbose: true, discriminator: true } },
    clientErrorHandler: chineseClientError,
    frameworkErrors: chineseFrameworkError,
  });
  const table: RouteEntry[] = [];
  routeTables.set(app, table);
  app.addHook('onRoute', (r) => {
    for (const m of Array.isArray(r.method) ? r.method : [r.method])
      if (m !== 'HEAD')
        table.push({
          method: m,
          url: r.url,
          schema: { params: !!r.schema?.params, querystring: !!r.schema?.querystring, body: !!r.schema?.body },
          bodyRequired: requiresField(r.schema?.body),
          upload: [r.preValidation ?? []].flat().some((h) => UPLOAD_READER in h),
        });
  });
  const secure = config.publicUrl.startsWith('https://');

  await app.register(cookie);
  await app.register(formbody, { bodyLimit: config.limits.bodyBytes });
  registerBodyParsers(app);
  await app.register(multipart, { limits: { fileSize: config.limits.uploadBytes, files: 20, fields: 200 } });
  securityHeaders(app, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: secure,
  });
  // Counts live in the database, so limits hold across workers and nodes (not per process).
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(database.db, now) as never });
  setPublicLimits(config.limits.publicFormsPerMinute, config.limits.lookupsPerMinute);
  // The token is bound to the session (its hash is the token's user info, keyed with the server secret):
  // a victim's session with an attacker's own cookie and token fails. Login rotates the secret.
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure },
    csrfOpts: { hmacKey: purposeKey(config, 'csrf') },
    getUserInfo: csrfUserInfo,
    getToken: (req) => {
      const b = req.body as Record<string, unknown> | undefined;
      return (
        (typeof b?._csrf === 'string' ? b._csrf : undefined) ?? (req.headers['x-csrf-token'] as string | undefined)
      );
    },
  });
  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: '/static/',
    maxAge: config.env === 'production' ? 3600_000 : 0,
    setHeaders: versionedCacheHeaders,
  });

  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('elder', false);
  app.decorateRequest('hant', false);
  app.decorateRequest('pageKey', null);

  // Authentication: session cookie or bearer token → Actor.
  app.addHook('onRequest', async (req) => {
    const ip = req.ip ?? null;
    let actor: Actor = publicActor(ip);
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const a = await deps.actorForToken(database.db, auth.slice(7).trim(), now(), ip);
      if (!a)
        throw new AppError('unauthenticated', { code: 'token_invalid', message: 'API 令牌无效、已过期或已撤销。' });
      actor = a;
    } else {
      const token = req.cookies[SESSION_COOKIE];
      if (token) {
        const s = await resolveSession(database.db, token, now(), config.session);
        if (s) {
          const a = await deps.actorForUser(database.db, s.userId, ip);
          if (a) {
            actor = a;
            req.sessionToken = token;
          }
        }
      }
    }
    req.actor = actor;
    req.ctx = { db: database.db, actor, now, config };
    req.elder = req.cookies[ELDER_COOKIE] === '1';
    req.hant = req.cookies[SCRIPT_COOKIE] === 'hant';
  });

  // CSRF on every state-changing request made with a session or anonymously
  // (forms); bearer-token API calls carry no ambient credentials and are exempt.
  const checkCsrf = (req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    const m = req.method;
    if (m === 'GET' || m === 'HEAD' || m === 'OPTIONS') return done();
    if (req.headers.authorization?.startsWith('Bearer ')) return done();
    if (req.routeOptions.config?.csrfExempt) return done();
    app.csrfProtection(req, reply, done);
  };
  // Before validation: a form with a stale token gets the expired-form page, not a field error.
  app.addHook('preValidation', (req, reply, done) => (req.isMultipart() ? done() : checkCsrf(req, reply, done)));
  // A multipart form's fields are read by its route (upload-form.ts, which checks the token before any file).
  app.addHook('preHandler', (req, reply, done) => (req.isMultipart() ? checkCsrf(req, reply, done) : done()));
  // Forms and page query strings: trimmed text, an empty field is absent (schemas.ts).
  app.addHook('preValidation', async (req) => {
    if (req.url.startsWith('/api/')) return;
    const schema = req.routeOptions.schema;
    const query = withAsciiDigits(normalizeFormInput(req.query), schema?.querystring);
    // Public pages forgive a hand-edited page number; the console names it (“页码”应为整数).
    req.query = (req.url.startsWith('/console') ? query : withPageNumber(query)) as typeof req.query;
    if (isForm(req)) req.body = withAsciiDigits(normalizeFormInput(req.body), schema?.body);
  });

  app.decorateReply('view', function (this: FastifyReply): ViewCtx {
    const req = this.request;
    const flash = req.cookies[FLASH_COOKIE] ?? null;
    if (flash) this.clearCookie(FLASH_COOKIE, { path: '/' });
    // The CSRF token (and its cookie) is made only when a form asks for it, so pages
    // without forms stay cacheable.
    let csrfToken: string | null = null;
    const makeToken = () => this.generateCsrf({ userInfo: csrfUserInfo(req) });
    return {
      actor: req.actor,
      now: req.ctx.now(),
      get csrf() {
        csrfToken ??= makeToken();
        return csrfToken;
      },
      path: req.url.split('?')[0],
      url: req.url,
      elder: req.elder,
      hant: req.hant,
      flash: flash ? decodeURIComponent(flash) : null,
      siteName: deps.siteName(),
    };
  });
  // Rendered public pages for anonymous readers (page-cache.ts): looked up before the handler runs.
  const stamp = config.limits.pageCacheBytes > 0 ? watchPublicVersion(database, { listen: config.pgListen }) : null;
  if (stamp) app.addHook('onClose', () => stamp.close());
  const pages = installPageCache(app, {
    maxBytes: config.limits.pageCacheBytes,
    version: () => stamp!.version(),
    day: () => todayInShanghai(now()),
    siteName: () => deps.siteName(),
    skip: (req) => req.actor.kind === 'user' || !!req.cookies[FLASH_COOKIE],
  });
  app.decorateReply('page', function (this: FastifyReply, node: unknown, status = 200) {
    let html = renderDocument(node as VNode);
    const req = this.request;
    if (req.hant) html = toHant(html);
    this.status(status).type('text/html; charset=utf-8');
    // Public pages for anonymous readers are cacheable and revalidated by ETag, so a
    // published, corrected or withdrawn item shows at once; staff pages never are.
    const cacheable =
      status === 200 &&
      req.method === 'GET' &&
      !req.url.startsWith('/console') &&
      req.actor.kind !== 'user' &&
      !this.hasHeader('set-cookie');
    if (!cacheable) return this.header('cache-control', 'no-store').send(html);
    // Encoded once: hashed, sent and (when stored) kept as bytes, never converted again.
    const body = Buffer.from(html);
    const page: CachedPage = {
      body,
      etag: `W/"${hash('sha1', body, 'base64url')}"`,
      lastModified: deps.lastModified?.()?.toUTCString() ?? null,
    };
    if (req.pageKey) pages?.offer(req.pageKey, page);
    return sendCachedPage(req, this, page);
  });
  app.decorateReply('flashRedirect', function (this: FastifyReply, url: string, message: string) {
    this.setCookie(FLASH_COOKIE, encodeURIComponent(message), {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      maxAge: 60,
    });
    return this.redirect(url, 303);
  });

  // Preferences that persist in cookies and work without JavaScript.
  prefsRoutes(app, { elderCookie: ELDER_COOKIE, scriptCookie: SCRIPT_COOKIE, secure });

  app.get('/healthz', { logLevel: 'silent' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { logLevel: 'silent' }, async (_req, reply) => {
    const ok = await database.ping();
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'database_unreachable', dialect: database.dialect });
  });
  app.get('/metrics', { logLevel: 'silent' }, async (_req, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );

  app.addHook('onResponse', async (req, reply) => {
    removeUploadFiles(req);
    const route = req.routeOptions.url ?? 'unmatched';
    httpRequests.inc({ method: req.method, route, status: String(reply.statusCode) });
    httpDuration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });

  installErrorHandlers(app, deps);

  return { app };
}

/** What a CSRF token is bound to: the session (by hash) or, before login, the anonymous visitor. */
function csrfUserInfo(req: FastifyRequest): string {
  return req.sessionToken ? `s:${createHash('sha256').update(req.sessionToken).digest('base64url')}` : 'anonymous';
}

/** Whether a JSON schema (an object, or an intersection of objects) requires a field that has no default. */
function requiresField(schema: unknown): boolean {
  const s = schema as
    { required?: string[]; properties?: Record<string, { default?: unknown }>; allOf?: unknown[] } | undefined;
  if (!s) return false;
  return (
    (s.required ?? []).some((name) => s.properties?.[name]?.default === undefined) ||
    (s.allOf ?? []).some(requiresField)
  );
}

const isForm = (req: FastifyRequest): boolean =>
  (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
