import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { canReopen, MESSAGE_STATES, ratingOpen, type MessageState } from './message-states.rules.js';
import { closedOnOf, listMessageEvents, type MessageEventRow, type MessageWithOrg } from './messages.store.js';
import { findMessageByCode } from './find-message.js';
import { loadMessage, maskMessage } from './message-support.js';
import { seesContact } from './interaction.policy.rules.js';
import { interactionCalendar, readInteractionSettings } from './interaction-settings.js';
import { provisionalNoteFor } from '../calendar/index.js';
import { addDays } from '../platform/dates.js';
import { withStaffNames } from '../orgs/index.js';

/** What the citizen sees with the number and the 查询码. */
export interface PublicMessageStatus {
  messageNo: string;
  orgName: string;
  type: string;
  subject: string;
  content: string;
  stateLabel: string;
  state: string;
  receivedOn: string;
  dueOn: string | null;
  /** The 暂定 sentence when the due date lies in a year whose holidays are not yet announced. */
  dueNote: string | null;
  replyPublic: string | null;
  /** The private part of the reply: shown to the citizen only, never in the public Q&A. */
  replyPrivate: string | null;
  repliedOn: string | null;
  rating: string | null;
  ratingReason: string | null;
  canRate: boolean;
  /** The last day a closed, unrated message may still be rated (null unless closed and unrated). */
  rateUntil: string | null;
  canReopen: boolean;
  history: Array<{ on: string; type: string; payload: Record<string, unknown> }>;
}

const label = (s: string): string => MESSAGE_STATES[s as MessageState] ?? s;
const hist = (rows: MessageEventRow[]) =>
  rows.map((e) => ({ on: e.event_on, type: e.type, payload: JSON.parse(e.payload) as Record<string, unknown> }));

/** The citizen's view of a message (reading, no state change: no audit event). */
export async function publicMessageStatus(
  ctx: Ctx,
  input: { messageNo: string; queryCode: string },
): Promise<PublicMessageStatus> {
  const m = await findMessageByCode(ctx.db, input.messageNo, input.queryCode);
  const rating = await ratingWindow(ctx, m);
  return {
    messageNo: m.message_no,
    orgName: m.org_name,
    type: m.type,
    subject: m.subject,
    content: m.content,
    state: m.state,
    stateLabel: label(m.state),
    receivedOn: m.received_on,
    dueOn: m.due_on,
    dueNote: ['replied', 'closed'].includes(m.state)
      ? null
      : provisionalNoteFor(await interactionCalendar(ctx.db), m.due_on),
    replyPublic: m.state === 'reopened' ? null : m.reply_public,
    replyPrivate: m.state === 'reopened' ? null : m.reply_private,
    repliedOn: m.replied_on,
    rating: m.rating,
    ratingReason: m.rating_reason,
    canRate: rating.open,
    rateUntil: rating.until,
    canReopen: canReopen(m),
    history: hist(await listMessageEvents(ctx.db, m.id, { publicOnly: true })),
  };
}

/** Whether the citizen may rate now, and until when after 办结. */
export async function ratingWindow(
  ctx: Ctx,
  m: { id: number; state: string; rating: string | null },
): Promise<{ open: boolean; until: string | null }> {
  if (m.state !== 'closed' || m.rating !== null) return { open: ratingOpen(m, null, today(ctx), 0), until: null };
  const closedOn = await closedOnOf(ctx.db, m.id);
  const days = (await readInteractionSettings(ctx.db)).ratingDaysAfterClose;
  return { open: ratingOpen(m, closedOn, today(ctx), days), until: closedOn ? addDays(closedOn, days) : null };
}

/** The staff view: contact details in clear only for the agency's message handlers. */
export async function staffMessage(
  ctx: Ctx,
  id: number,
): Promise<{ message: MessageWithOrg; contactVisible: boolean; history: MessageEventRow[] }> {
  const m = await loadMessage(ctx.db, ctx, id, 'view');
  const contactVisible = seesContact(ctx.actor, m.org_path);
  return {
    message: contactVisible ? m : maskMessage(m),
    contactVisible,
    history: await withStaffNames(ctx.db, await listMessageEvents(ctx.db, m.id)),
  };
}
