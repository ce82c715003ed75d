/**
 * A staff user's console notices (我的提醒): the latest ones, the unread count, and marking them read.
 * Marking one's own notices read is not a state change of record (neither is queueing or delivering
 * mail): no audit event.
 */
import type { Ctx } from '../context.js';
import type { Db } from '../db/schema.js';
import './mail.tables.js';

export interface NoticeLine {
  id: number;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

/** The user's latest 100 notices, newest first. */
export const latestNotices = (db: Db, userId: number): Promise<NoticeLine[]> =>
  db
    .selectFrom('notifications')
    .select(['id', 'title', 'body', 'link', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(100)
    .execute();

/** How many of the user's notices are unread. */
export async function unreadNotices(db: Db, userId: number): Promise<number> {
  const r = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Marks every unread notice of the signed-in user read (nothing for a visitor without a user). */
export async function markNoticesRead(ctx: Ctx): Promise<void> {
  const userId = ctx.actor.userId;
  if (!userId) return;
  await ctx.db
    .updateTable('notifications')
    .set({ read_at: ctx.now().toISOString() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}
