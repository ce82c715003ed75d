import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import { PACKAGE_ROOT } from '../package-root.js';

/** The package's `public/` folder, served under /static/ (never found from the working directory). */
export const PUBLIC_DIR = path.join(PACKAGE_ROOT, 'public');

/** A year: a versioned URL names one content for ever. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

const versions = new Map<string, string>();

/** The content version of a file under public/ (first 12 hex characters of its SHA-1; read once per process). */
export function assetVersion(file: string): string {
  let v = versions.get(file);
  if (v === undefined) {
    v = createHash('sha1')
      .update(readFileSync(path.join(PUBLIC_DIR, file)))
      .digest('hex')
      .slice(0, 12);
    versions.set(file, v);
  }
  return v;
}

/** `/static/css/site.css?v=…`: the URL changes when the file does, so browsers and proxies may keep it a year. */
export const assetUrl = (file: string): string => `/static/${file}?v=${assetVersion(file)}`;

/**
 * @fastify/static's setHeaders: a request naming the current version of the file gets the long cache
 * header; any other request keeps the default (revalidated) one.
 */
export function versionedCacheHeaders(reply: FastifyReply, filePath: string): void {
  const v = (reply.request.query as Record<string, string | undefined>).v;
  const file = path.relative(PUBLIC_DIR, filePath);
  if (v && !file.startsWith('..') && v === assetVersion(file)) reply.header('cache-control', IMMUTABLE);
}
