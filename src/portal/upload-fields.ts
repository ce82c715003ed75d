/** Forms that may carry files (a multipart post with the streaming reader, or a plain url-encoded post). */
import type { FastifyRequest } from 'fastify';
import { normalizeFormInput } from '../platform/http/server.js';

/**
 * preValidation hook, after the streaming reader (platform/http/upload-form.ts) that puts a multipart
 * form's text fields in `req.body`: trims them and drops empty ones, as the server does for url-encoded
 * forms, so the route's body schema types both kinds of post alike.
 */
export async function uploadFieldsAsForm(req: FastifyRequest): Promise<void> {
  if (req.isMultipart()) req.body = normalizeFormInput(req.body);
}
