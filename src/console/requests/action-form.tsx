/** The pieces every action form of the case page is made of (request-actions.tsx, oral-deadline-forms.tsx). */
import type { ComponentChildren } from 'preact';
import { CsrfField } from '../../platform/views/components.js';

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
  return (
    <details class="action" open={false}>
      <summary>{title}</summary>
      <form method="post" action={`/console/requests/${id}/${slug}`}>
        <CsrfField token={csrf} />
        {children}
        <button type="submit">{submit}</button>
      </form>
    </details>
  );
}

let onSeq = 0;
/** The event date of an action form (name `on`, a unique id per form). */
export function OnField({ label = '日期' }: { label?: string }) {
  const id = `f-on-${++onSeq}`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <p class="hint" id={`${id}-hint`}>
        不填为今天。
      </p>
      <input id={id} name="on" type="date" aria-describedby={`${id}-hint`} />
    </div>
  );
}
