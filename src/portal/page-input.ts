/** How a portal page treats input its schema refuses. */
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../platform/errors.js';
import { refusedBody } from '../platform/http/form-refusal.js';

/**
 * Route option for pages addressed by an id in the URL: with `attachValidation`, the handler calls
 * `unknownPageIfBadParams` first, so a malformed id (`/gk/abc`) is a page that does not exist (404), as
 * an unknown id is, while a bad query string stays a 400 with the field's Chinese message.
 */
export const PAGE_BY_ID = { attachValidation: true } as const;

/** A public page anonymous readers are served from the page cache (platform/http/page-cache.ts). */
export const CACHED_PAGE = { config: { pageCache: true } } as const;

/** Throws `notFound()` when the URL's parameters failed their schema, and the validation error for other input. */
export function unknownPageIfBadParams(req: FastifyRequest, notFound: () => Error): void {
  const e = req.validationError;
  if (!e) return;
  throw e.validationContext === 'params' ? notFound() : e;
}

/** For a form posted to a page addressed by an id: the messages for a refused body (shown at the form), after `unknownPageIfBadParams`'s checks. */
export function refusedFormOfPage(req: FastifyRequest, notFound: () => Error): FieldError[] | null {
  if (req.validationError?.validationContext === 'params') throw notFound();
  return refusedBody(req);
}
