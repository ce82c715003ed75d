/**
 * Named read queries of 互动交流 figures for other capabilities (the supervision dashboard, the daily
 * digest, the website check): counts per agency over subtrees, nothing personal. Valid messages only:
 * rejected or held messages are left out (as in figures.rules.ts). Reading only: no audit.
 */
import { sql } from 'kysely';
import type { Db } from '../platform/db/schema.js';
import './interaction.tables.js';

/** Subtrees (materialised paths of orgs) to count in. */
export interface MessageScope {
  paths: readonly string[];
}

const scoped = (db: Db, paths: readonly string[]) =>
  db
    .selectFrom('messages as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .where((eb) => eb.or(paths.map((p) => eb('o.path', 'like', `${p}%`))));
const n = (v: number | string | bigint | null | undefined): number => Number(v ?? 0);

/** Counts of the valid messages an agency received in a period. */
export interface MessageCounts {
  orgId: number;
  received: number;
  unanswered: number;
  /** Unanswered past the due date as of today, or answered after it. */
  late: number;
  replied: number;
  repliedOnTime: number;
  rated: number;
  satisfied: number;
}

/** Valid messages received in [from, to] per agency, late counted as of `today`. */
export async function messageCounts(
  db: Db,
  q: MessageScope & { from: string; to: string; today: string },
): Promise<MessageCounts[]> {
  if (!q.paths.length) return [];
  const rows = await scoped(db, q.paths)
    .select((eb) => [
      'm.org_id',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.sum<number | string>(eb.case().when('m.replied_on', 'is', null).then(1).else(0).end()).as('unanswered'),
      eb.fn
        .sum<number | string>(
          eb
            .case()
            .when(
              eb.or([
                eb.and([eb('m.replied_on', 'is', null), eb('m.due_on', '<', q.today)]),
                eb.and([
                  eb('m.replied_on', 'is not', null),
                  eb('m.due_on', 'is not', null),
                  eb('m.replied_on', '>', eb.ref('m.due_on')),
                ]),
              ]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('late'),
      eb.fn.sum<number | string>(eb.case().when('m.replied_on', 'is not', null).then(1).else(0).end()).as('replied'),
      eb.fn
        .sum<number | string>(
          eb
            .case()
            .when(
              eb.and([
                eb('m.replied_on', 'is not', null),
                eb.or([eb('m.due_on', 'is', null), eb('m.replied_on', '<=', eb.ref('m.due_on'))]),
              ]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('on_time'),
      eb.fn.sum<number | string>(eb.case().when('m.rating', 'is not', null).then(1).else(0).end()).as('rated'),
      eb.fn
        .sum<number | string>(eb.case().when('m.rating', 'in', ['satisfied', 'basically']).then(1).else(0).end())
        .as('satisfied'),
    ])
    .where('m.rejected', '=', 0)
    .where('m.held_for_moderation', '=', 0)
    .where('m.received_on', '>=', q.from)
    .where('m.received_on', '<=', q.to)
    .groupBy('m.org_id')
    .execute();
  return rows.map((r) => ({
    orgId: r.org_id,
    received: n(r.n),
    unanswered: n(r.unanswered),
    late: n(r.late),
    replied: n(r.replied),
    repliedOnTime: n(r.on_time),
    rated: n(r.rated),
    satisfied: n(r.satisfied),
  }));
}

/** Messages received per month (YYYY-MM → n) from the first day of `fromMonth` to the end of `toMonth` (rejected ones left out). */
export async function messagesReceivedByMonth(
  db: Db,
  q: MessageScope & { fromMonth: string; toMonth: string },
): Promise<Map<string, number>> {
  if (!q.paths.length) return new Map();
  const month = sql<string>`substr(m.received_on, 1, 7)`;
  const rows = await scoped(db, q.paths)
    .select((eb) => [month.as('m'), eb.fn.countAll<number | string>().as('n')])
    .where('m.rejected', '=', 0)
    .where('m.received_on', '>=', `${q.fromMonth}-01`)
    .where('m.received_on', '<=', `${q.toMonth}-31`)
    .groupBy(month)
    .execute();
  return new Map(rows.map((x) => [x.m, n(x.n)]));
}

/** Unanswered valid messages of the subtrees: past their due date on `today`, and due from `today` to `soonUntil`. */
export async function unansweredDue(
  db: Db,
  q: MessageScope & { today: string; soonUntil: string },
): Promise<{ late: number; dueSoon: number }> {
  if (!q.paths.length) return { late: 0, dueSoon: 0 };
  const r = await scoped(db, q.paths)
    .select((eb) => [
      eb.fn.sum<number | string>(eb.case().when('m.due_on', '<', q.today).then(1).else(0).end()).as('late'),
      eb.fn
        .sum<number | string>(
          eb
            .case()
            .when(eb.and([eb('m.due_on', '>=', q.today), eb('m.due_on', '<=', q.soonUntil)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('soon'),
    ])
    .where('m.rejected', '=', 0)
    .where('m.held_for_moderation', '=', 0)
    .where('m.replied_on', 'is', null)
    .where('m.due_on', 'is not', null)
    .executeTakeFirst();
  return { late: n(r?.late), dueSoon: n(r?.soon) };
}

/** Received and reply dates of the valid messages of an agency's subtree received in [from, to] (for the website check's veto rule). */
export async function messageDatesOfAgency(
  db: Db,
  orgId: number,
  q: { from: string; to: string },
): Promise<Array<{ receivedOn: string; repliedOn: string | null }>> {
  const rows = await db
    .selectFrom('messages as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .innerJoin('orgs as a', (j) => j.on(sql<boolean>`o.path like a.path || '%'`))
    .select(['m.received_on', 'm.replied_on'])
    .where('a.id', '=', orgId)
    .where('m.rejected', '=', 0)
    .where('m.held_for_moderation', '=', 0)
    .where('m.received_on', '>=', q.from)
    .where('m.received_on', '<=', q.to)
    .execute();
  return rows.map((r) => ({ receivedOn: r.received_on, repliedOn: r.replied_on }));
}
