import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import { addCase } from '../../test/helpers/report-records.js';
import type { Ctx } from '../platform/context.js';
import { answerRequest } from './answer-request.js';
import { requestCorrection } from './request-correction.js';
import { assignRequest } from './assign-request.js';
import { startConsultation } from './start-consultation.js';
import { recordAppeal } from './record-appeal.js';
import { requestExtension } from './request-extension.js';
import { splitRequest } from './split-request.js';
import { sendFeeNotice } from './fee-notice.js';
import { recordCoHandlingReply } from './record-cohandling-reply.js';
import { extendDeadline } from './extend-deadline.js';
import { endConsultation } from './end-consultation.js';
import { setLeadDepartment } from './set-lead-department.js';
import { setDeadline } from './set-deadline.js';
import { addCoHandling } from './add-cohandling.js';
import { forwardRequest } from './forward-request.js';

/**
 * Issue 16 item 8, in the use-cases themselves (not only at the HTTP door): a case command with empty or invalid
 * fields, by someone without the right on the case, is refused (403) before any field is checked.
 */
const COMMANDS: Record<string, (ctx: Ctx, requestId: number) => Promise<unknown>> = {
  answer: (ctx, requestId) => answerRequest(ctx, { requestId } as never),
  correction: (ctx, requestId) => requestCorrection(ctx, { requestId } as never),
  assign: (ctx, requestId) => assignRequest(ctx, { requestId }),
  consultation: (ctx, requestId) => startConsultation(ctx, { requestId } as never),
  appeal: (ctx, requestId) => recordAppeal(ctx, { requestId } as never),
  extensionRequest: (ctx, requestId) => requestExtension(ctx, { requestId, days: 0, reason: '' }),
  split: (ctx, requestId) => splitRequest(ctx, { requestId, parts: [] }),
  feeNotice: (ctx, requestId) => sendFeeNotice(ctx, { requestId } as never),
  cohandlingReply: (ctx, requestId) => recordCoHandlingReply(ctx, { requestId } as never),
  extend: (ctx, requestId) => extendDeadline(ctx, { requestId, days: 0, reason: '' } as never),
  consultationEnd: (ctx, requestId) => endConsultation(ctx, { requestId } as never),
  lead: (ctx, requestId) => setLeadDepartment(ctx, { requestId }),
  deadline: (ctx, requestId) => setDeadline(ctx, { requestId } as never),
  cohandling: (ctx, requestId) => addCoHandling(ctx, { requestId } as never),
  forward: (ctx, requestId) => forwardRequest(ctx, { requestId, reason: '' }),
};

describeDb('case commands authorize before validating', (h) => {
  it('another agency’s staff and a colleague handler get 403, not field errors', async () => {
    const root = await makeOrg(h.db());
    const edu = await makeOrg(h.db(), { parent: root, name: '某县教育局' });
    const fin = await makeOrg(h.db(), { parent: root, name: '某县财政局' });
    const assigned = await makeUser(h.db(), [['request_handler', edu]]);
    const colleague = await makeUser(h.db(), [['request_handler', edu]]);
    const outsider = await makeUser(h.db(), [['request_admin', fin]]);
    const id = await addCase(h.db(), edu, { received: '2026-11-10' });
    await h.db().updateTable('requests').set({ handler_id: assigned.id }).where('id', '=', id).execute();
    const wrong: string[] = [];
    for (const [name, run] of Object.entries(COMMANDS))
      for (const [who, u] of [
        ['colleague', colleague],
        ['outsider', outsider],
      ] as const) {
        const kind = await run(h.ctx(u.actor), id).then(
          () => 'done',
          (e: { kind?: string }) => e.kind ?? 'error',
        );
        if (kind !== 'forbidden') wrong.push(`${name} by ${who}: ${kind}`);
      }
    assert.deepEqual(wrong, []);
    // The assigned handler gets past the check to the fields.
    const own = await answerRequest(h.ctx(assigned.actor), { requestId: id } as never).catch(
      (e: { kind: string }) => e.kind,
    );
    assert.equal(own, 'invalid');
  });
});
