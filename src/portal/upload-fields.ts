/** Forms that may carry files (a multipart post with the streaming reader, or a plain url-encoded post). */
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { normalizeFormInput } from '../platform/http/server.js';

/**
 * preValidation hook, after the streaming reader (platform/http/upload-form.ts) that puts a multipart
 * form's text fields in `req.body`: trims them and drops empty ones, as the server does for url-encoded
 * forms, so the route's body schema types both kinds of post alike. As for url-encoded forms, the CSRF
 * token is checked before the schema (a stale form gets the expired-form page, not a field error).
 */
export function uploadFieldsAsForm(req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  if (!req.isMultipart()) return done();
  req.body = normalizeFormInput(req.body);
  req.server.csrfProtection(req, reply, done);
}
