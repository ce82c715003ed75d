import type { Actor, Ctx } from '../context.js';

/** What a page view needs besides its own data. */
export interface ViewCtx {
  readonly actor: Actor;
  readonly csrf: string;
  readonly path: string;
  readonly url: string;
  readonly elder: boolean;
  readonly hant: boolean;
  readonly flash: string | null;
  readonly siteName: string;
  /** The request's instant (the injected clock). */
  readonly now: Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    ctx: Ctx;
    sessionToken: string | null;
    elder: boolean;
    hant: boolean;
    /** The page-cache key of this request when its page may be stored (set before the handler runs). */
    pageKey: string | null;
  }
  interface FastifyReply {
    /** Renders a page (a Preact element) as a full HTML document. */
    page(node: unknown, status?: number): FastifyReply;
    /** Builds the view context for this request (creates a CSRF token). */
    view(): ViewCtx;
    /** Redirect with a flash message shown once on the next page. */
    flashRedirect(url: string, message: string): FastifyReply;
  }
  interface FastifySchema {
    summary?: string;
    description?: string;
    tags?: string[];
    security?: Array<Record<string, string[]>>;
    hide?: boolean;
  }
  interface FastifyContextConfig {
    /** Routes that change state but need no CSRF token (public JSON API with its own rate limit). */
    csrfExempt?: boolean;
    /**
     * A public page anonymous readers may be served from the page cache (page-cache.ts): it shows only
     * public content, which every change of writes the public version.
     */
    pageCache?: boolean;
  }
}
