/**
 * A lost 查询码: the applicant gives the 申请编号 and the e-mail address written in the application; a
 * new 查询码 is sent to that address (the old one stops working — codes are kept only as hashes). The
 * answer is the same whether or not the two match, so nobody learns which numbers or addresses exist.
 * No account needed; rate-limited at the door; audited without the address or the code.
 */
import type { Ctx } from '../platform/context.js';
import { invalidFields, type FieldError } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { queueMail } from '../platform/mail/mail.js';
import { tx } from '../platform/tx.js';
import { hashQueryCode, isRequestNo, newQueryCode } from './query-code.js';
import { findRequestByNo, updateRequest } from './requests.store.js';
import { isOpenState } from './request-states.rules.js';

const sameAddress = (a: string | null, b: string): boolean => !!a && a.trim().toLowerCase() === b.trim().toLowerCase();

/** Sends a new 查询码 when number and address match; always resolves the same way otherwise. */
export async function resetQueryCode(ctx: Ctx, input: { requestNo?: string; email?: string }): Promise<void> {
  const no = (input.requestNo ?? '').trim().toUpperCase();
  const email = (input.email ?? '').trim();
  const errors: FieldError[] = [];
  if (!isRequestNo(no))
    errors.push({ code: 'request_no_invalid', message: '请填写申请编号，例如 YSQ-2026-000123。', field: 'requestNo' });
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 200)
    errors.push({ code: 'email_invalid', message: '请填写申请时留下的电子邮箱。', field: 'email' });
  if (errors.length) throw invalidFields(errors);
  await tx(ctx, async (trx) => {
    const r = await findRequestByNo(trx, no);
    if (!r || !sameAddress(r.email, email)) return;
    const code = newQueryCode();
    await updateRequest(trx, r.id, { query_code_hash: hashQueryCode(code), updated_at: ctx.now().toISOString() });
    await queueMail(trx, ctx, {
      to: r.email ?? email,
      subject: `政府信息公开申请的新查询码（${r.request_no}）`,
      body: `您申请找回申请编号 ${r.request_no} 的查询码。新的查询码：${code}\n原查询码已失效。凭申请编号和新查询码可在 ${ctx.config.publicUrl}/ysqgk/status 查询${isOpenState(r.state) ? '办理进度' : '答复结果'}。\n如果不是您本人操作，请联系${r.org_name}。`,
      orgId: r.org_id,
      related: { type: 'request', id: r.id },
    });
    await writeAudit(trx, ctx, {
      action: 'request.query_code_reset',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请人找回查询码：新查询码已发送至申请时填写的邮箱（申请 ${r.request_no}）`,
    });
  });
}
