/** The pieces every action form of the case page is made of (request-actions.tsx, oral-deadline-forms.tsx). */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { CsrfField, FormStateContext, TextField } from '../../platform/views/components.js';
import type { FieldError } from '../../platform/errors.js';

/** A refused post of one action form: the form is shown open again, with what was typed and its errors. */
export interface PostedAction {
  slug: string;
  values: Record<string, unknown>;
  errors: FieldError[];
}
export const PostedActionContext = createContext<PostedAction | null>(null);

/** The id prefix of an action form's fields: several forms on the case page share field names (on, reason). */
export const actionIdPrefix = (slug: string): string => `a-${slug}`;

/** One collapsible action form posting to `/console/requests/:id/:slug`. */
export function Act({
  slug,
  id,
  csrf,
  title,
  children,
  submit,
}: {
  slug: string;
  id: number;
  csrf: string;
  title: string;
  children?: ComponentChildren;
  submit: string;
}) {
  const posted = useContext(PostedActionContext);
  const mine = posted?.slug === slug ? posted : null;
  return (
    <details class="action" open={mine !== null} id={`act-${slug}`}>
      <summary>{title}</summary>
      <form method="post" action={`/console/requests/${id}/${slug}`}>
        <CsrfField token={csrf} />
        <FormStateContext.Provider
          value={{ values: mine?.values, errors: mine?.errors, idPrefix: actionIdPrefix(slug) }}
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
