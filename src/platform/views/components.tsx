import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { FieldError } from '../errors.js';

/** Shared view pieces: form fields with Chinese errors, pagination, tables. */

/**
 * What a form's fields fall back on: the values a refused post sent (so what was typed is shown again), its
 * errors and the id prefix of the form's fields. A field's own props win where given, except `value`: the
 * posted value wins, since it is what the person typed.
 */
export interface FormState {
  values?: Record<string, unknown>;
  errors?: FieldError[];
  idPrefix?: string;
}
export const FormStateContext = createContext<FormState>({});

/** The ids of a field's hint and error, for `aria-describedby`. */
const describedBy = (id: string, hint: unknown, err: unknown): string | undefined =>
  [hint ? `${id}-hint` : '', err ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;

/** A field's value as a refused post sent it (FormStateContext), else `fallback`. */
export function postedValue<T>(state: FormState, name: string, fallback: T): string | T {
  const v = state.values?.[name];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : fallback;
}

/** A field's props with the form's state filled in. */
function withFormState<P extends FieldProps>(p: P): P {
  const s = useContext(FormStateContext);
  return {
    ...p,
    value: postedValue(s, p.name, p.value),
    errors: p.errors ?? s.errors,
    idPrefix: p.idPrefix ?? s.idPrefix,
  };
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function ErrorSummary({ errors, idPrefix = 'f' }: { errors?: FieldError[]; idPrefix?: string }) {
  if (!errors?.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} id="error-summary">
      <h2>请修改以下问题：</h2>
      <ul>
        {errors.map((e) => (
          <li>{e.field ? <a href={`#${idPrefix}-${e.field}`}>{e.message}</a> : e.message}</li>
        ))}
      </ul>
    </div>
  );
}

export function fieldError(errors: FieldError[] | undefined, field: string): string | undefined {
  return (
    errors
      ?.filter((e) => e.field === field)
      .map((e) => e.message)
      .join(' ') || undefined
  );
}

interface FieldProps {
  name: string;
  label: string;
  value?: string | null;
  type?: string;
  required?: boolean;
  hint?: string;
  errors?: FieldError[];
  autocomplete?: string;
  inputmode?: string;
  maxLength?: number;
  /** Prefix of the element id (`f` by default): two forms on one page with the same field names need different ones. */
  idPrefix?: string;
}

export function TextField(props: FieldProps) {
  const p = withFormState(props);
  const err = fieldError(p.errors, p.name);
  const id = `${p.idPrefix ?? 'f'}-${p.name}`;
  return (
    <div class={`field${err ? ' has-error' : ''}`}>
      <label for={id}>
        {p.label}
        {p.required ? (
          <span class="req" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {err ? (
        <p class="field-error" id={`${id}-err`}>
          {err}
        </p>
      ) : null}
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value ?? ''}
        required={p.required}
        aria-invalid={err ? 'true' : undefined}
        aria-describedby={describedBy(id, p.hint, err)}
        autocomplete={p.autocomplete}
        inputMode={p.inputmode as never}
        maxLength={p.maxLength}
      />
    </div>
  );
}

export function TextArea(props: FieldProps & { rows?: number }) {
  const p = withFormState(props);
  const err = fieldError(p.errors, p.name);
  const id = `${p.idPrefix ?? 'f'}-${p.name}`;
  return (
    <div class={`field${err ? ' has-error' : ''}`}>
      <label for={id}>
        {p.label}
        {p.required ? (
          <span class="req" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {err ? (
        <p class="field-error" id={`${id}-err`}>
          {err}
        </p>
      ) : null}
      <textarea
        id={id}
        name={p.name}
        rows={p.rows ?? 5}
        required={p.required}
        aria-invalid={err ? 'true' : undefined}
        aria-describedby={describedBy(id, p.hint, err)}
      >
        {p.value ?? ''}
      </textarea>
    </div>
  );
}

export function SelectField(props: FieldProps & { options: Array<[string, string]>; placeholder?: string }) {
  const p = withFormState(props);
  const err = fieldError(p.errors, p.name);
  const id = `${p.idPrefix ?? 'f'}-${p.name}`;
  return (
    <div class={`field${err ? ' has-error' : ''}`}>
      <label for={id}>
        {p.label}
        {p.required ? (
          <span class="req" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {err ? (
        <p class="field-error" id={`${id}-err`}>
          {err}
        </p>
      ) : null}
      <select
        id={id}
        name={p.name}
        required={p.required}
        aria-invalid={err ? 'true' : undefined}
        aria-describedby={describedBy(id, p.hint, err)}
      >
        {p.placeholder !== undefined ? <option value="">{p.placeholder}</option> : null}
        {p.options.map(([v, l]) => (
          <option value={v} selected={v === (p.value ?? '')}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Pagination({
  page,
  total,
  perPage,
  baseUrl,
}: {
  page: number;
  total: number;
  perPage: number;
  baseUrl: string;
}) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const sep = baseUrl.includes('?') ? '&' : '?';
  const link = (p: number) => `${baseUrl}${sep}page=${p}`;
  // A page past the end (an old link, a hand-made URL): say so and offer the last one.
  if (page > pages)
    return (
      <nav class="pagination" aria-label="分页">
        <span>
          共 {total} 条 {pages} 页，没有第 {page} 页。
        </span>
        <a href={link(pages)}>转到第 {pages} 页</a>
      </nav>
    );
  if (pages <= 1) return <p class="muted">共 {total} 条</p>;
  return (
    <nav class="pagination" aria-label="分页">
      <span>
        共 {total} 条，第 {page}/{pages} 页
      </span>
      {page > 1 ? (
        <a href={link(page - 1)} rel="prev">
          上一页
        </a>
      ) : null}
      {page < pages ? (
        <a href={link(page + 1)} rel="next">
          下一页
        </a>
      ) : null}
    </nav>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="empty">{children}</div>;
}

export function Flash({ message }: { message: string | null }) {
  return message ? (
    <div class="flash" role="status">
      {message}
    </div>
  ) : null;
}

/** Formats an ISO instant as Beijing time `2026-11-29 14:05`. */
export function beijingTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}
