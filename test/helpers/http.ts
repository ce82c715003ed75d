import { before, after } from 'node:test';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app/build-app.js';
import { describeDb, type DbHandles } from './db.js';
import { TEST_PASSWORD } from './factories.js';

/** A browser-like client over app.inject with a cookie jar. */
export class Client {
  cookies = new Map<string, string>();
  constructor(readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      // Cleared cookies come back empty, with Max-Age=0 or an Expires in 1970.
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < 86_400_000))
        this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.keep(
      await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } }),
    );
  }

  /** Reads the CSRF token from a form page. */
  async csrf(pageUrl: string): Promise<string> {
    const res = await this.get(pageUrl);
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (!m) throw new Error(`no CSRF token on ${pageUrl} (status ${res.statusCode})`);
    return m[1];
  }

  /** Posts a url-encoded form; `from` is the page whose CSRF token is used (omit the token with csrf: false). */
  async post(
    url: string,
    fields: Record<string, string | string[]>,
    opts: { from?: string; csrf?: boolean } = {},
  ): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    if (opts.csrf !== false) body.append('_csrf', await this.csrf(opts.from ?? url));
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        payload: body.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader() },
      }),
    );
  }

  /** Posts a multipart form with one file (`fileField`) plus text fields and the page's CSRF token. */
  async upload(
    url: string,
    file: { field: string; name: string; data: Buffer | string; type?: string },
    fields: Record<string, string> = {},
    opts: { from?: string } = {},
  ): Promise<LightMyRequestResponse> {
    const boundary = `----gk${randomBytes(8).toString('hex')}`;
    const parts: Buffer[] = [];
    const all = { _csrf: await this.csrf(opts.from ?? url), ...fields };
    for (const [k, v] of Object.entries(all))
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${encodeURIComponent(file.name)}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
    );
    parts.push(Buffer.isBuffer(file.data) ? file.data : Buffer.from(file.data));
    parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        payload: Buffer.concat(parts),
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: this.cookieHeader() },
      }),
    );
  }

  async login(username: string, password = TEST_PASSWORD): Promise<LightMyRequestResponse> {
    return this.post('/console/login', { username, password }, { from: '/console/login' });
  }
}

/** Posts a multipart form (text fields and one file) through the client's cookie jar. */
export async function multipart(
  c: Client,
  url: string,
  fields: Record<string, string>,
  file: { name: string; data: Buffer } | null,
): Promise<LightMyRequestResponse> {
  const b = `----gk${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  if (file)
    parts.push(
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(file.name)}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${b}--\r\n`));
  const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await c.app.inject({
    method: 'POST',
    url,
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${b}`, cookie },
  });
  for (const ck of res.cookies as Array<{ name: string; value: string }>) c.cookies.set(ck.name, ck.value);
  return res;
}

export interface AppHandles extends DbHandles {
  app(): FastifyInstance;
  client(): Client;
}

/** HTTP tests against the composed app, once per dialect. */
export function describeApp(title: string, fn: (h: AppHandles) => void, opts: { now?: () => Date } = {}): void {
  describeDb(title, (h) => {
    let app: FastifyInstance | undefined;
    before(async () => {
      app = await buildApp(h.config, h.database(), opts);
      await app.ready();
    });
    after(async () => {
      await app?.close();
    });
    fn({ ...h, app: () => app!, client: () => new Client(app!) });
  });
}
