import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import { contains } from '../platform/db/contains.js';
import { AWAITING_REPLY_STATES } from './message-states.rules.js';
import { traditionalToSimplified } from '../platform/chinese-script.js';
import type { Db } from '../platform/db/schema.js';
import type { MessageEventsTable, MessagesTable } from './interaction.tables.js';
import './interaction.tables.js';

export type MessageRow = Selectable<MessagesTable>;
export type MessageEventRow = Selectable<MessageEventsTable>;
/** A message with its agency's name and path and the handler's name. */
export type MessageWithOrg = MessageRow & { org_name: string; org_path: string; handler_name: string | null };

const withOrg = (db: Db) =>
  db
    .selectFrom('messages')
    .innerJoin('orgs', 'orgs.id', 'messages.org_id')
    .leftJoin('users', 'users.id', 'messages.handler_id')
    .selectAll('messages')
    .select(['orgs.name as org_name', 'orgs.path as org_path', 'users.display_name as handler_name']);

/** One message by id. */
export const getMessage = (db: Db, id: number): Promise<MessageWithOrg | undefined> =>
  withOrg(db).where('messages.id', '=', id).executeTakeFirst();

/** One message by its number. */
export const findMessageByNo = (db: Db, no: string): Promise<MessageWithOrg | undefined> =>
  withOrg(db).where('messages.message_no', '=', no).executeTakeFirst();

/** Inserts a message; returns its id. */
export async function insertMessage(db: Db, row: Insertable<MessagesTable>): Promise<number> {
  return (await db.insertInto('messages').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates fields of a message. */
export async function updateMessage(db: Db, id: number, fields: Updateable<MessagesTable>): Promise<void> {
  await db.updateTable('messages').set(fields).where('id', '=', id).execute();
}

/** Appends a history event. */
export async function insertMessageEvent(db: Db, row: Insertable<MessageEventsTable>): Promise<void> {
  await db.insertInto('message_events').values(row).execute();
}

/** History of a message in order (public events only when asked). */
export function listMessageEvents(db: Db, id: number, opts: { publicOnly?: boolean } = {}): Promise<MessageEventRow[]> {
  let q = db.selectFrom('message_events').selectAll().where('message_id', '=', id);
  if (opts.publicOnly) q = q.where('public', '=', 1);
  return q.orderBy('id').execute();
}

/** The date of the latest 办结 of a message, or null. */
export async function closedOnOf(db: Db, id: number): Promise<string | null> {
  const r = await db
    .selectFrom('message_events')
    .select('event_on')
    .where('message_id', '=', id)
    .where('type', '=', 'closed')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return r?.event_on ?? null;
}

/** Console queues. */
export const MESSAGE_QUEUES = {
  pending: '待办',
  mine: '我的',
  unsigned: '待签收',
  overdue: '已超期',
  held: '待审核',
  stale: '超过3个月未回应',
  replied: '已答复',
  all: '全部',
} as const;
export type MessageQueue = keyof typeof MESSAGE_QUEUES;
export const isQueue = (s: string): s is MessageQueue => Object.prototype.hasOwnProperty.call(MESSAGE_QUEUES, s);

const PENDING = [...AWAITING_REPLY_STATES];

/** Orders of the console list. */
export const MESSAGE_SORTS = {
  newest: '收到时间（新→旧）',
  oldest: '收到时间（旧→新）',
  due: '答复期限（近→远）',
} as const;
export type MessageSort = keyof typeof MESSAGE_SORTS;
export const isMessageSort = (s: string): s is MessageSort => Object.prototype.hasOwnProperty.call(MESSAGE_SORTS, s);

/** Messages in the actor's subtrees for a queue, newest first, with the total. */
export async function listMessages(
  db: Db,
  f: {
    orgPaths: string[];
    queue: MessageQueue;
    userId: number | null;
    today: string;
    limit: number;
    offset: number;
    staleBefore?: string;
    q?: string;
    type?: string;
    sort?: MessageSort;
  },
): Promise<{ rows: MessageWithOrg[]; total: number }> {
  if (!f.orgPaths.length) return { rows: [], total: 0 };
  let q = withOrg(db).where((eb) => eb.or(f.orgPaths.map((p) => eb('orgs.path', 'like', `${p}%`))));
  if (f.queue === 'pending') q = q.where('messages.state', 'in', PENDING);
  if (f.queue === 'mine')
    q = q.where('messages.handler_id', '=', f.userId ?? -1).where('messages.state', 'in', PENDING);
  if (f.queue === 'unsigned') q = q.where('messages.state', '=', 'received');
  if (f.queue === 'overdue') q = q.where('messages.state', 'in', PENDING).where('messages.due_on', '<', f.today);
  if (f.queue === 'held') q = q.where('messages.held_for_moderation', '=', 1);
  if (f.queue === 'stale')
    q = q
      .where('messages.state', 'in', PENDING)
      .where('messages.rejected', '=', 0)
      .where('messages.received_on', '<', f.staleBefore ?? f.today);
  if (f.queue === 'replied') q = q.where('messages.state', 'in', ['replied', 'rated', 'closed', 'transferred']);
  if (f.type) q = q.where('messages.type', '=', f.type);
  if (f.q) {
    // 编号 exactly, or words of the subject or content; % and _ taken literally.
    const text = f.q;
    q = q.where((eb) =>
      eb.or([
        eb('messages.message_no', '=', text.toUpperCase()),
        contains('messages.subject', text),
        contains('messages.content', text),
      ]),
    );
  }
  const total = Number(
    (
      await q
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const ordered =
    f.sort === 'oldest'
      ? q.orderBy('messages.received_on', 'asc').orderBy('messages.id', 'asc')
      : f.sort === 'due'
        ? q
            .orderBy(sql`case when messages.due_on is null then 1 else 0 end`)
            .orderBy('messages.due_on', 'asc')
            .orderBy('messages.id', 'asc')
        : q.orderBy('messages.received_on', 'desc').orderBy('messages.id', 'desc');
  const rows = await ordered.limit(f.limit).offset(f.offset).execute();
  return { rows, total };
}

/** The rows the figures need: valid messages (not rejected) of the subtrees received since `since`. */
export function figureRows(db: Db, orgPaths: string[], since: string) {
  if (!orgPaths.length) return Promise.resolve([]);
  return db
    .selectFrom('messages')
    .innerJoin('orgs', 'orgs.id', 'messages.org_id')
    .select([
      'messages.received_on',
      'messages.due_on',
      'messages.replied_on',
      'messages.rating',
      'messages.org_id',
      'orgs.name as org_name',
    ])
    .where((eb) => eb.or(orgPaths.map((p) => eb('orgs.path', 'like', `${p}%`))))
    .where('messages.rejected', '=', 0)
    .where('messages.received_on', '>=', since)
    .execute();
}

/** Published Q&A, newest answer first; `q` searches subject, content and reply (LIKE). */
export async function listPublishedQa(
  db: Db,
  f: { q: string; limit: number; offset: number },
): Promise<{ rows: MessageWithOrg[]; total: number }> {
  let q = withOrg(db).where('messages.published', '=', 1);
  // 繁体 and full-width input folded to what is stored (simplified), as the site search does.
  const term = traditionalToSimplified(f.q.normalize('NFKC').trim()).replace(/[%_\\]/g, '');
  if (term) {
    const like = `%${term}%`;
    q = q.where((eb) =>
      eb.or([
        eb('messages.subject', 'like', like),
        eb('messages.content', 'like', like),
        eb('messages.reply_public', 'like', like),
      ]),
    );
  }
  const total = Number(
    (
      await q
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const rows = await q
    .orderBy('messages.replied_on', 'desc')
    .orderBy('messages.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total };
}
