/**
 * Whole numbers as pages receive them (query string, URL, form fields: always text), for `schemas.ts`.
 *
 * Only digits are accepted. Ajv's type coercion turns '1e309' into Infinity, and `minimum`/`maximum` are
 * checked for finite numbers only, so `Int()` lets Infinity through to the handler (and the database:
 * a PostgreSQL error, a 500). These check the text first, then the number, and keep the field's label
 * on both checks. For JSON bodies (the API), where numbers arrive as numbers, use `Int()`.
 */
import { Int, Page, Params, Type, type Static, type TSchema } from './schemas.js';

const digits = <S extends TSchema>(s: S) =>
  Type.Unsafe<Static<S>>({ title: s.title, ...(s.default !== undefined ? { default: String(s.default) } : {}), allOf: [{ type: 'string', pattern: '^[0-9]{1,10}$', title: s.title }, s] });

/** A positive whole number (an id, a count) typed in a form or a URL. */
export const FormInt = (title: string, o: { minimum?: number; maximum?: number } = {}) => digits(Int(title, o));

/** An optional one: undefined when left empty. */
export const OptFormInt = (title: string, o: { minimum?: number; maximum?: number } = {}) => Type.Optional(FormInt(title, o));

/** `/:id` in a page's URL. */
export const UrlIdParams = Params({ id: FormInt('编号') });

/** The page number of a list (1-based). */
export const FormPage = () => digits(Page());
