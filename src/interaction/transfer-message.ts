import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { invalid, invalidFields, type FieldError } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { nextState } from './message-states.rules.js';
import { updateMessage } from './messages.store.js';
import { appendMessageEvent, loadMessage } from './message-support.js';
import { messageOrg } from './new-message.js';

/** Transfer to another agency or department on the platform (`targetOrgId`), or out of it (`targetName`). */
export interface TransferMessageInput {
  messageId: number;
  targetOrgId?: number;
  /** A body outside the platform (e.g. 12345 热线, 信访部门). */
  targetName?: string;
  reason?: string;
}

/**
 * 转办: on the platform, the message moves to the other agency or department, which must sign for
 * it again; the citizen's date of receipt and due date stay. Out of the platform, the case ends
 * here with a public note to the citizen. The reason and the history are kept.
 */
export async function transferMessage(ctx: Ctx, input: TransferMessageInput): Promise<{ state: string }> {
  await loadMessage(ctx.db, ctx, input.messageId, 'handle'); // authorize before validating the fields
  const reason = (input.reason ?? '').trim();
  const targetName = (input.targetName ?? '').trim();
  const errors: FieldError[] = [];
  if (!input.targetOrgId && !targetName)
    errors.push({
      code: 'transfer_target_required',
      message: '请选择转办的机关或部门，或填写平台外的承办单位。',
      field: 'targetOrgId',
    });
  if (!reason) errors.push({ code: 'transfer_reason_required', message: '请填写转办理由。', field: 'reason' });
  if (errors.length) throw invalidFields(errors);
  return tx(ctx, async (trx) => {
    const m = await loadMessage(trx, ctx, input.messageId, 'handle');
    const now = ctx.now().toISOString();
    if (input.targetOrgId) {
      const state = nextState(m.state, 'transfer');
      const to = await messageOrg(trx, input.targetOrgId, 'targetOrgId');
      if (to.id === m.org_id) throw invalid('transfer_same_org', '不能转办给本机关。', 'targetOrgId');
      await updateMessage(trx, m.id, { org_id: to.id, state, handler_id: null, updated_at: now });
      await appendMessageEvent(trx, ctx, m.id, {
        type: 'transferred',
        payload: { from: m.org_name, to: to.name, reason },
      });
      await writeAudit(trx, ctx, {
        action: 'message.transfer',
        subjectType: 'message',
        subjectId: m.id,
        orgId: m.org_id,
        summary: `留言 ${m.message_no} 由 ${m.org_name} 转办至 ${to.name}：${reason}`,
      });
      return { state };
    }
    const state = nextState(m.state, 'transfer_out');
    const note = `您的留言已转交${targetName}办理。转办理由：${reason}`;
    await updateMessage(trx, m.id, { state, reply_public: note, replied_on: today(ctx), updated_at: now });
    await appendMessageEvent(trx, ctx, m.id, {
      type: 'transferred_out',
      payload: { from: m.org_name, to: targetName, reason },
    });
    await writeAudit(trx, ctx, {
      action: 'message.transfer_out',
      subjectType: 'message',
      subjectId: m.id,
      orgId: m.org_id,
      summary: `留言 ${m.message_no} 转交平台外单位 ${targetName}：${reason}`,
    });
    return { state };
  });
}
