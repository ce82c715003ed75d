/**
 * Runs a staff command on a case (shared by the console forms and the API): a typed map from the
 * command's `type` to its use-case. Each use-case validates, checks the policy, runs one transaction and
 * writes one audit event; it returns data, and the doors word the confirmation
 * (request-commands.labels.ts).
 */
import type { Ctx } from '../platform/context.js';
import type { CommandOf, RequestCommand, RequestCommandType } from './request-commands.schemas.js';
import { confirmReceipt } from './confirm-receipt.js';
import { assignRequest } from './assign-request.js';
import { requestCorrection } from './request-correction.js';
import { receiveCorrection } from './receive-correction.js';
import { startConsultation } from './start-consultation.js';
import { endConsultation } from './end-consultation.js';
import { extendDeadline } from './extend-deadline.js';
import { answerRequest } from './answer-request.js';
import { closeAbandoned } from './close-abandoned.js';
import { sendFeeNotice } from './fee-notice.js';
import { recordPayment } from './record-payment.js';
import { requestExtension } from './request-extension.js';
import { convertToProactive } from './convert-to-proactive.js';
import { recordAppeal } from './record-appeal.js';
import { forwardRequest } from './forward-request.js';
import { splitRequest } from './split-request.js';
import { setDeadline } from './set-deadline.js';
import { confirmOralRequest } from './confirm-oral.js';

/** The use-case's result with the command's type, so the doors can tell outcomes apart. */
const tagged = async <T extends RequestCommandType, R extends object>(
  c: { type: T },
  result: Promise<R>,
): Promise<R & { type: T }> => ({ ...(await result), type: c.type });

/** Each command type → its use-case, called with the case id and exactly the command's fields. */
const USE_CASES = {
  confirm: (ctx, requestId, c) => tagged(c, confirmReceipt(ctx, { requestId, on: c.on })),
  confirm_oral: (ctx, requestId, c) => tagged(c, confirmOralRequest(ctx, { requestId, on: c.on })),
  set_deadline: (ctx, requestId, c) =>
    tagged(c, setDeadline(ctx, { requestId, on: c.on, dueOn: c.dueOn, reason: c.reason })),
  assign: async (ctx, requestId, c) => {
    await assignRequest(ctx, { requestId, handlerId: c.handlerId });
    return { type: c.type, handlerId: c.handlerId };
  },
  request_correction: (ctx, requestId, c) =>
    tagged(c, requestCorrection(ctx, { requestId, on: c.on, until: c.until, items: c.items })),
  receive_correction: (ctx, requestId, c) => tagged(c, receiveCorrection(ctx, { requestId, on: c.on, note: c.note })),
  start_consultation: (ctx, requestId, c) =>
    tagged(c, startConsultation(ctx, { requestId, on: c.on, party: c.party, respondent: c.respondent })),
  end_consultation: (ctx, requestId, c) =>
    tagged(c, endConsultation(ctx, { requestId, on: c.on, reply: c.reply, reasons: c.reasons })),
  request_extension: async (ctx, requestId, c) => {
    await requestExtension(ctx, { requestId, days: c.days, reason: c.reason });
    return { type: c.type, days: c.days };
  },
  extend: (ctx, requestId, c) =>
    tagged(c, extendDeadline(ctx, { requestId, on: c.on, days: c.days, reason: c.reason })),
  fee_notice: (ctx, requestId, c) =>
    tagged(
      c,
      sendFeeNotice(ctx, {
        requestId,
        on: c.on,
        method: c.method,
        pages: c.pages,
        waive: c.waive,
        waiverReason: c.waiverReason,
      }),
    ),
  fee_paid: (ctx, requestId, c) => tagged(c, recordPayment(ctx, { requestId, on: c.on })),
  answer: (ctx, requestId, c) =>
    tagged(
      c,
      answerRequest(ctx, {
        requestId,
        on: c.on,
        outcome: c.outcome,
        basis: c.basis,
        letter: c.letter,
        withheld: c.withheld,
        deliveryMethod: c.deliveryMethod,
        trackingNo: c.trackingNo,
        outcomeReason: c.outcomeReason,
      }),
    ),
  close_abandoned: (ctx, requestId, c) => tagged(c, closeAbandoned(ctx, { requestId })),
  to_proactive: (ctx, requestId, c) => tagged(c, convertToProactive(ctx, { requestId, title: c.title })),
  appeal: async (ctx, requestId, c) => {
    await recordAppeal(ctx, {
      requestId,
      appealId: c.appealId,
      kind: c.kind,
      body: c.body,
      filedOn: c.filedOn,
      afterReconsideration: c.afterReconsideration,
      result: c.result,
      decidedOn: c.decidedOn,
    });
    return { type: c.type, updated: c.appealId !== undefined, result: c.result };
  },
  forward: (ctx, requestId, c) => tagged(c, forwardRequest(ctx, { requestId, toOrgId: c.toOrgId, reason: c.reason })),
  split: (ctx, requestId, c) => tagged(c, splitRequest(ctx, { requestId, parts: c.parts })),
} satisfies { [K in RequestCommandType]: (ctx: Ctx, requestId: number, c: CommandOf<K>) => Promise<{ type: K }> };

/** What each command returns: its use-case's result tagged with the command's type. */
export type CommandResults = { [K in RequestCommandType]: Awaited<ReturnType<(typeof USE_CASES)[K]>> };
/** The result of any command: `{ type: 'extend', dueOn }`, `{ type: 'split', requestNos }`… */
export type RequestOutcome = CommandResults[RequestCommandType];

const run: { [K in RequestCommandType]: (ctx: Ctx, requestId: number, c: CommandOf<K>) => Promise<CommandResults[K]> } =
  USE_CASES;

function runCommand<K extends RequestCommandType>(
  ctx: Ctx,
  requestId: number,
  type: K,
  command: CommandOf<K>,
): Promise<CommandResults[K]> {
  const useCase = run[type];
  return useCase(ctx, requestId, command);
}

/** Runs a staff command on case `requestId` and returns what its use-case reports. */
export function performRequestCommand(ctx: Ctx, requestId: number, command: RequestCommand): Promise<RequestOutcome> {
  return runCommand(ctx, requestId, command.type, command);
}
