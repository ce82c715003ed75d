/**
 * The typed door: routes declare their input as TypeBox schemas and get typed `req.body`, `req.query`
 * and `req.params` through the TypeBox type provider (no casts, no hand parsing).
 *
 * HTML forms and page query strings arrive as text. Before validation (server.ts, `normalizeFormInput`)
 * every value is trimmed and an empty field counts as absent, so the schema decides: a text field
 * defaults to '' (`Text`), an optional number is `undefined` when left empty (`OptInt`), checkboxes and
 * repeated selects become arrays (`Texts`). Numbers are coerced by Ajv. Every field carries its Chinese
 * label as `title`: validation errors name it ("“机构”应为整数。", validation-messages.ts).
 */
import { Type, type Static, type TProperties, type TSchema, type TUnsafe } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { DIGITS, FROM_LIST } from './validation-messages.js';

export { Type, type Static, type TSchema };

/** The app with typed routes: `typed(app).post(url, { schema: { body: Form({...}) } }, (req) => req.body.name)`. */
export const typed = (app: FastifyInstance) => app.withTypeProvider<TypeBoxTypeProvider>();
export type TypedApp = ReturnType<typeof typed>;

const MAX_ID = 2_147_483_647;

/** An HTML form or a page's query string. Fields not declared (the CSRF token, a button's name) pass through. */
export const Form = <T extends TProperties>(props: T) => Type.Object(props);

/** A text field; '' when left empty. */
export const Text = (title: string, o: { maxLength?: number; minLength?: number; pattern?: string } = {}) =>
  Type.String({ title, default: '', ...o });

/** A text field that may be absent (undefined when left empty). */
export const OptText = (title: string, o: { maxLength?: number; pattern?: string; format?: string } = {}) =>
  Type.Optional(Type.String({ title, ...o }));

/** A date field (YYYY-MM-DD), undefined when left empty. */
export const OptDate = (title: string) => Type.Optional(Type.String({ title, format: 'date' }));

/** A positive whole number in a JSON body (the API), where numbers arrive as numbers. */
export const JsonInt = (title: string, o: { minimum?: number; maximum?: number; default?: number } = {}) =>
  Type.Integer({ title, minimum: 1, maximum: MAX_ID, ...o });
export const OptJsonInt = (title: string, o: { minimum?: number; maximum?: number } = {}) =>
  Type.Optional(JsonInt(title, o));

/**
 * Whole numbers as pages receive them (a query string, a URL, a form field: always text): digits only.
 * Ajv's coercion alone would turn '1e309' into Infinity (past `maximum`: a 500 from PostgreSQL), '1e3'
 * into 1000 and '0x10' into 16. The text is checked first, then the number; both carry the field's label.
 */
const digits = <S extends TSchema>(s: S) =>
  Type.Unsafe<Static<S>>({
    title: s.title,
    ...(s.default !== undefined ? { default: String(s.default) } : {}),
    allOf: [
      { type: 'string', pattern: DIGITS, title: s.title, ...(s.description ? { description: s.description } : {}) },
      s,
    ],
  });

/** A positive whole number (an id, a count) typed in a form or a URL. */
export const Int = (title: string, o: { minimum?: number; maximum?: number; default?: number } = {}) =>
  digits(JsonInt(title, o));

/** An optional positive whole number: undefined when left empty. */
export const OptInt = (title: string, o: { minimum?: number; maximum?: number } = {}) => Type.Optional(Int(title, o));

/**
 * The id of a person, an agency or a department chosen from a select list: checked as `Int`, but a value
 * that is no id (only a tampered form sends one) is told to choose from the list, not to type digits.
 */
export const Chosen = (title: string) =>
  digits(Type.Integer({ title, minimum: 1, maximum: MAX_ID, description: FROM_LIST }));
/** A select list of ids that may be left at its placeholder: undefined then. */
export const OptChosen = (title: string) => Type.Optional(Chosen(title));

/** A select's value that its use-case checks (so a wrong one is shown at the field); '' when left empty. */
export const Picked = (title: string) => Type.String({ title, default: '', description: FROM_LIST });

/** Several values of one field (checkboxes, a multiple select); [] when none is chosen. */
export const Texts = (title: string, o: { maxItems?: number } = {}) =>
  Type.Array(Type.String(), { title, default: [], ...o });

/** Several ids (checkboxes); [] when none is chosen. */
export const Ints = (title: string, o: { maxItems?: number } = {}) =>
  Type.Array(digits(Type.Integer({ title, minimum: 1, maximum: MAX_ID })), { title, default: [], ...o });

/** One of fixed values (a select, a radio group). An error lists the allowed values. */
export const Choice = <const V extends readonly string[]>(
  title: string,
  values: V,
  o: { default?: V[number] } = {},
): TUnsafe<V[number]> => Type.Unsafe<V[number]>({ type: 'string', enum: [...values], title, ...o });

/** Optional one of fixed values. */
export const OptChoice = <const V extends readonly string[]>(title: string, values: V) =>
  Type.Optional(Choice(title, values));

/** A checkbox: true when ticked (any value sent), false when absent. */
export const Checkbox = (title: string) => Type.Optional(Type.String({ title }));
export const ticked = (v: string | undefined): boolean => v !== undefined && v !== '' && v !== '0';

/** The page number of a list (1-based). */
export const Page = () => digits(Type.Integer({ title: '页码', minimum: 1, maximum: 100_000, default: 1 }));

/** `/:id` in a URL. */
export const IdParams = Type.Object({ id: Int('编号') });

/** Path parameters other than a single id. */
export const Params = <T extends TProperties>(props: T) => Type.Object(props);
