/**
 * Form posts whose body the schema refuses (a select left empty with the browser's checks bypassed,
 * 2026-02-30, −5) are shown again the way a use-case refusal is: the page with the form, what was typed
 * and the errors at the fields, instead of a bare 400 page that loses the input.
 *
 * In an encapsulated scope, `validateFormsInHandler` lets the handlers run with a refused body; each
 * handler asks `refusedBody` first and does nothing else when it answers.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FieldError } from '../errors.js';
import { validationMessages } from './validation-messages.js';

/** The fields a form post sent, to fill the form again. */
export const postedValues = (req: FastifyRequest): Record<string, unknown> =>
  typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};

/**
 * Which of a page's repeated forms (one per row: an appeal's result, a 协办科室's reply) a post came from:
 * the value of the field naming the row (`Act`'s `instance`), or undefined for a form that is not repeated.
 */
export function postedInstance(req: FastifyRequest, field: string): string | undefined {
  const v = postedValues(req)[field];
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** The fields a form post sent as text (a repeated field's last value), to fill a form of text fields again. */
export function postedTexts(req: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(postedValues(req))) {
    const x = Array.isArray(v) ? v.at(-1) : v;
    if (typeof x === 'string') out[k] = x;
  }
  return out;
}

/** Routes of the scope registered after this run their handler when the schema refuses the input. */
export function validateFormsInHandler(scope: FastifyInstance): void {
  scope.addHook('onRoute', (opts) => {
    opts.attachValidation = true;
  });
}

/**
 * The Chinese messages for a body its schema refused, or null when the input passed. A refused URL
 * parameter or query string throws its error (the 400 page), as without `validateFormsInHandler`.
 */
export function refusedBody(req: FastifyRequest): FieldError[] | null {
  const e = req.validationError;
  if (!e) return null;
  if (e.validationContext !== 'body') throw e;
  return validationMessages(e.validation ?? []);
}
