/**
 * Rendered public pages for anonymous readers (item, agency, catalogue, guide, home), kept in memory so a
 * repeated request is answered without rendering or hashing. An entry is keyed by the page (URL), its
 * variant (简/繁, 长者模式), the site's name, the day (scheduled items appear at midnight) and the public
 * version — the stamp every change of public content writes in the same transaction (publication,
 * correction, withdrawal, validity, attachments, 解读, categories, agencies, guides, 重点领域). The version
 * comes from public-version-watch.ts: kept by each SQLite process until its connection's data_version
 * (asked at most once a millisecond) shows another process's commit (or it writes a stamp itself), or by
 * each PostgreSQL node from the notifications every change sends, so a change made on another node is seen
 * as soon as it is committed (and, on PostgreSQL, announced). Least recently used entries go first past the
 * byte limit.
 * A page is stored on its second render within a while (`offer`), so one pass over every page (a crawler,
 * a reader paging through the catalogue) neither pushes out the pages readers come back to nor makes
 * each of its requests pay for storing a page no one asks for again.
 */

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { seedOf } from '../seeded-random.js';

/**
 * A stored page: the HTML as sent, encoded once (UTF-8), and its validators (the ETag computed once, when it
 * was rendered).
 */
export interface CachedPage {
  body: Buffer;
  etag: string;
  lastModified: string | null;
}

/** What a page's key is made of. */
export interface PageKeyParts {
  version: string;
  day: string;
  siteName: string;
  hant: boolean;
  elder: boolean;
  url: string;
}

export const pageCacheKey = (p: PageKeyParts): string =>
  `${p.version}\u0000${p.day}\u0000${p.siteName}\u0000${p.hant ? 'hant' : 'hans'}${p.elder ? '+elder' : ''}\u0000${p.url}`;

/** 32-bit FNV-1a of a key: what the admission filter remembers (a collision only stores a page early). */
const keyHash = (key: string): number => seedOf(0, key);

/** A byte-bounded LRU of rendered pages, with an admission filter (`offer`). */
export class PageCache {
  private readonly pages = new Map<string, CachedPage & { bytes: number }>();
  private bytes = 0;
  /** Hashes of keys rendered once and not stored; forgotten all at once past `seenLimit`. */
  private readonly seenOnce = new Set<number>();

  constructor(
    readonly maxBytes: number,
    private readonly seenLimit = 50_000,
  ) {}

  /**
   * Stores a rendered page if its key was rendered once already since the filter was last cleared;
   * otherwise only remembers the key. Returns whether the page was stored.
   */
  offer(key: string, page: CachedPage): boolean {
    const h = keyHash(key);
    if (!this.seenOnce.delete(h)) {
      if (this.seenOnce.size >= this.seenLimit) this.seenOnce.clear();
      this.seenOnce.add(h);
      return false;
    }
    this.set(key, page);
    return true;
  }

  get(key: string): CachedPage | undefined {
    const p = this.pages.get(key);
    if (!p) return undefined;
    this.pages.delete(key);
    this.pages.set(key, p);
    return p;
  }

  set(key: string, page: CachedPage): void {
    const bytes = page.body.length + key.length * 2 + 200;
    if (bytes > this.maxBytes) return;
    const old = this.pages.get(key);
    if (old) {
      this.bytes -= old.bytes;
      this.pages.delete(key);
    }
    this.pages.set(key, { ...page, bytes });
    this.bytes += bytes;
    for (const [k, p] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.pages.delete(k);
      this.bytes -= p.bytes;
    }
  }

  /** Entries and bytes held, and keys waiting for a second render (for tests and metrics). */
  stats(): { entries: number; bytes: number; seenOnce: number } {
    return { entries: this.pages.size, bytes: this.bytes, seenOnce: this.seenOnce.size };
  }
}

/** Sends a page with its validators (304 when the reader already has it). */
export function sendCachedPage(req: FastifyRequest, reply: FastifyReply, p: CachedPage): FastifyReply {
  reply.header('cache-control', 'public, max-age=0, must-revalidate').header('etag', p.etag).header('vary', 'Cookie');
  if (p.lastModified) reply.header('last-modified', p.lastModified);
  if (req.headers['if-none-match'] === p.etag) return reply.status(304).send();
  return reply.send(p.body);
}

/**
 * Looks pages up before their handler runs, on routes marked `config: { pageCache: true }`: a hit is sent
 * as stored; a miss leaves the key on the request (`req.pageKey`) for `reply.page` to offer the render.
 * Returns the cache, or null when it is off (`maxBytes` 0).
 */
export function installPageCache(
  app: FastifyInstance,
  o: {
    maxBytes: number;
    version: () => Promise<string>;
    day: () => string;
    siteName: () => string;
    /** Requests never served or stored (signed-in staff, a pending flash message). */
    skip: (req: FastifyRequest) => boolean;
  },
): PageCache | null {
  if (o.maxBytes <= 0) return null;
  const pages = new PageCache(o.maxBytes);
  // On request, once the reader is known (the authentication hook comes first): a hit skips parsing,
  // validation and the guards, which passed when the page was stored (only 200 pages are stored, per URL).
  app.addHook('onRequest', async (req, reply) => {
    if (!req.routeOptions.config.pageCache || (req.method !== 'GET' && req.method !== 'HEAD') || o.skip(req)) return;
    const key = pageCacheKey({
      version: await o.version(),
      day: o.day(),
      siteName: o.siteName(),
      hant: req.hant,
      elder: req.elder,
      url: req.url,
    });
    const hit = pages.get(key);
    if (!hit) {
      req.pageKey = key;
      return;
    }
    reply.type('text/html; charset=utf-8').header('x-page-cache', 'hit');
    return sendCachedPage(req, reply, hit);
  });
  return pages;
}
