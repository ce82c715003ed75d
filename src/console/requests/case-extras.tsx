/** Case-page parts: the identity proofs (personal data) and the effect of a 第三十五条 date on the due date. */
import { type StaffCase, ID_PROOF_FIELD, IdProofField } from '../../requests/index.js';
import type { FieldError } from '../../platform/errors.js';
import { CsrfField, fieldError } from '../../platform/views/components.js';

/** Identity proofs with download links and a form to add more; shown only to those who see the applicant's personal data. */
export function IdProofList({
  c,
  csrf,
  maxMb,
  errors,
}: {
  c: StaffCase;
  csrf: string;
  maxMb: number;
  errors?: FieldError[];
}) {
  if (!c.personalDataVisible) return null;
  const id = c.request.id;
  return (
    <>
      <h3>身份证明</h3>
      {c.idProofs.length ? (
        <ul data-testid="id-proofs">
          {c.idProofs.map((p) => (
            <li>
              <a href={`/console/requests/${id}/id-proofs/${p.id}`}>{p.filename}</a>{' '}
              <span class="muted">{Math.max(1, Math.round(p.size / 1024))} KB</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">未提交身份证明文件。</p>
      )}
      <details class="action" open={!!fieldError(errors, ID_PROOF_FIELD)}>
        <summary>补充身份证明文件</summary>
        <form
          method="post"
          action={`/console/requests/${id}/id-proofs`}
          enctype="multipart/form-data"
          data-testid="add-id-proof"
        >
          <CsrfField token={csrf} />
          <IdProofField maxMb={maxMb} errors={errors} />
          <button type="submit">上传</button>
        </form>
      </details>
    </>
  );
}

/** Under the due date: the 第三十五条 date, its reason and the due date it replaced. */
export function DeadlineSetNote({ c }: { c: StaffCase }) {
  const set = c.clock.result?.deadlineSet;
  if (!set) return null;
  const e = c.history.find((x) => x.type === 'deadline_set');
  const previous = e && typeof e.payload.previousDueOn === 'string' ? e.payload.previousDueOn : null;
  return (
    <>
      <dt>第三十五条</dt>
      <dd data-testid="deadline-set">
        {e ? `${e.on} ` : ''}确定答复期限为 {set.dueOn}
        {previous ? `，取代按工作日计算的 ${previous}` : ''}（理由：{set.reason}）
      </dd>
    </>
  );
}
