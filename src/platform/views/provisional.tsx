/**
 * How a date on the provisional calendar is shown: the word 暂定 and one sentence saying why
 * (the sentence comes from the calendar capability: calendar/provisional-year.rules.ts).
 */

/** `暂定` badge, with the explanation as its accessible description. */
export function ProvisionalBadge({ note }: { note: string }) {
  return (
    <span class="badge provisional" title={note}>
      暂定
    </span>
  );
}

/** The badge followed by the explanation sentence (for status pages, letters' previews, the calculator). */
export function ProvisionalNote({ note }: { note: string }) {
  return (
    <>
      {' '}
      <ProvisionalBadge note={note} />
      <span class="provisional-note">{note}</span>
    </>
  );
}
