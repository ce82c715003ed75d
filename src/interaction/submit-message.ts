import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { invalidFields } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { validateMessage, type MessageInput } from './message-input.rules.js';
import { MESSAGE_TYPES } from './message-states.rules.js';
import { nameRequiredFor, orgPathOf, readInteractionSettings } from './interaction-settings.js';
import { insertNewMessage, messageOrg } from './new-message.js';
import { checkAttachments, recordAttachments, storeAttachmentBlobs, type UploadedFile } from './message-attachments.js';
import { isAppError } from '../platform/errors.js';

/** Input of the portal form: the message and the agency (or jurisdiction) addressed. */
export interface SubmitMessageInput extends MessageInput {
  orgId?: number;
  /** Up to 3 files (checked by content). */
  attachments?: UploadedFile[];
}

/**
 * A citizen leaves a message on the portal (channel: website). Received today; the reply is due
 * after the website limit (5 working days by default). Returns the 留言编号 and the 查询码 (shown once).
 */
export async function submitMessage(
  ctx: Ctx,
  input: SubmitMessageInput,
): Promise<{ id: number; messageNo: string; queryCode: string; dueOn: string; dueNote: string | null }> {
  const settings = await readInteractionSettings(ctx.db);
  const { fields, errors } = validateMessage(input, {
    nameRequired: nameRequiredFor(settings, await orgPathOf(ctx.db, input.orgId)),
  });
  if (!input.orgId) errors.unshift({ code: 'org_required', message: '请选择受理留言的机关。', field: 'orgId' });
  let files: Awaited<ReturnType<typeof checkAttachments>> = [];
  try {
    files = await checkAttachments(input.attachments ?? []);
  } catch (e) {
    if (!isAppError(e)) throw e;
    errors.push(...e.errors);
  }
  if (!fields || errors.length) throw invalidFields(errors);
  await storeAttachmentBlobs(ctx.config.blobDir, files);
  return tx(ctx, async (trx) => {
    const org = await messageOrg(trx, input.orgId);
    const m = await insertNewMessage(trx, ctx, settings, fields, {
      orgId: org.id,
      channel: 'website',
      receivedOn: today(ctx),
    });
    await recordAttachments(trx, ctx, m.id, files);
    await writeAudit(trx, ctx, {
      action: 'message.submit',
      subjectType: 'message',
      subjectId: m.id,
      orgId: org.id,
      summary: `网站收到${MESSAGE_TYPES[fields.type]}留言 ${m.messageNo}（${org.name}），答复期限 ${m.dueOn}${files.length ? `，附件 ${files.length} 个` : ''}${m.held ? '，含敏感词待审核' : ''}`,
    });
    return { id: m.id, messageNo: m.messageNo, queryCode: m.queryCode, dueOn: m.dueOn, dueNote: m.dueNote };
  });
}
