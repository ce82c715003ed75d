/**
 * Form posts whose body the schema refuses (a select left empty with the browser's checks bypassed,
 * 2026-02-30, −5) are shown again the way a use-case refusal is: the page with the form, what was typed
 * and the errors at the fields, instead of a bare 400 page that loses the input.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../errors.js';
import { validationMessages } from './validation-messages.js';

/** The fields a form post sent, to fill the form again. */
export const postedValues = (req: FastifyRequest): Record<string, unknown> =>
  typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};

/**
 * In an encapsulated scope of form posts: a refused body is handed to `show` with the Chinese messages
 * (status 400); a refused URL parameter or query string stays the error page.
 */
export function showRefusedForms(
  scope: FastifyInstance,
  show: (req: FastifyRequest, reply: FastifyReply, errors: FieldError[]) => Promise<unknown>,
): void {
  scope.addHook('onRoute', (opts) => {
    opts.attachValidation = true;
  });
  scope.addHook('preHandler', async (req, reply) => {
    const e = req.validationError;
    if (!e) return;
    if (e.validationContext !== 'body') throw e;
    await show(req, reply, validationMessages(e.validation ?? []));
    return reply;
  });
}
