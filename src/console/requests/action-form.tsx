/** The pieces every action form of the case page is made of (request-actions.tsx, oral-deadline-forms.tsx). */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { CsrfField, FormStateContext, TextField } from '../../platform/views/components.js';
import type { FieldError } from '../../platform/errors.js';

/** A refused post of one action form: the form is shown open again, with what was typed and its errors. */
export interface PostedAction {
  slug: string;
  /** For a form repeated on every row (a 协办科室's reply): the row's value of its hidden field. */
  instance?: string;
  values: Record<string, unknown>;
  errors: FieldError[];
}
export const PostedActionContext = createContext<PostedAction | null>(null);

/** One action form's name in element ids: `departments/reply` of 协办科室 12 → `departments-reply-12`. */
const actionKey = (slug: string, instance?: string): string =>
  [slug.replace(/\//g, '-'), instance].filter(Boolean).join('-');

/** The id prefix of an action form's fields: several forms on the case page share field names (on, reason). */
export const actionIdPrefix = (slug: string, instance?: string): string => `a-${actionKey(slug, instance)}`;

/**
 * One collapsible action form posting to `/console/requests/:id/:slug`. A form repeated on several rows
 * names its row by a hidden field (`instance`), so that only the refused row's form opens again.
 */
export function Act({
  slug,
  instance,
  id,
  csrf,
  title,
  children,
  submit,
}: {
  slug: string;
  instance?: { name: string; value: string };
  id: number;
  csrf: string;
  title: string;
  children?: ComponentChildren;
  submit: string;
}) {
  const posted = useContext(PostedActionContext);
  const mine = posted?.slug === slug && posted.instance === instance?.value ? posted : null;
  return (
    <details class="action" open={mine !== null} id={`act-${actionKey(slug, instance?.value)}`}>
      <summary>{title}</summary>
      <form method="post" action={`/console/requests/${id}/${slug}`}>
        <CsrfField token={csrf} />
        {instance ? <input type="hidden" name={instance.name} value={instance.value} /> : null}
        <FormStateContext.Provider
          value={{ values: mine?.values, errors: mine?.errors, idPrefix: actionIdPrefix(slug, instance?.value) }}
        >
          {children}
        </FormStateContext.Provider>
        <button type="submit">{submit}</button>
      </form>
    </details>
  );
}

/** The event date of an action form (name `on`). */
export function OnField({ label = '日期' }: { label?: string }) {
  return <TextField name="on" label={label} type="date" hint="不填为今天。" />;
}
