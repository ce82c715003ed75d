/** Figures of 互动交流 (messages): received, unanswered, late, 满意率. Held or rejected messages are not valid and left out. */
import { sql } from 'kysely';
import { bump, guarded, share, type Counts, type FigureSource } from '../figure-source.js';
import { monthEnd, pathScope } from './sql-scope.js';

/** The interaction source (messages of src/interaction, read-only aggregates). */
export const interactionSource: FigureSource = {
  key: 'interaction',
  label: '互动交流',
  columns: [
    { key: 'msg_received', label: '收到留言', format: 'int', public: true, link: (orgId) => `/console/messages?queue=all&org=${orgId}` },
    { key: 'msg_unanswered', label: '未答复留言', format: 'int', link: (orgId) => `/console/messages?queue=pending&org=${orgId}` },
    { key: 'msg_late', label: '超期留言', format: 'int', link: (orgId) => `/console/messages?queue=overdue&org=${orgId}` },
    { key: 'msg_on_time_rate', label: '留言按时答复率', format: 'pct', public: true },
    { key: 'msg_satisfaction', label: '满意率', format: 'pct', public: true },
  ],
  async collect(db, q) {
    return guarded(async () => {
      const m = new Map<number, Counts>();
      const rows = await sql<{ org_id: number; n: number | string; unanswered: number | string; late: number | string; replied: number | string; on_time: number | string; rated: number | string; satisfied: number | string }>`
        select m.org_id, count(*) as n,
          sum(case when m.replied_on is null then 1 else 0 end) as unanswered,
          sum(case when (m.replied_on is null and m.due_on < ${q.today}) or (m.replied_on is not null and m.due_on is not null and m.replied_on > m.due_on) then 1 else 0 end) as late,
          sum(case when m.replied_on is not null then 1 else 0 end) as replied,
          sum(case when m.replied_on is not null and (m.due_on is null or m.replied_on <= m.due_on) then 1 else 0 end) as on_time,
          sum(case when m.rating is not null then 1 else 0 end) as rated,
          sum(case when m.rating in ('satisfied', 'basically') then 1 else 0 end) as satisfied
        from messages m join orgs o on o.id = m.org_id
        where ${pathScope(q.paths)} and m.rejected = 0 and m.held_for_moderation = 0 and m.received_on between ${q.from} and ${q.to}
        group by m.org_id`.execute(db);
      for (const r of rows.rows) {
        for (const k of ['n', 'unanswered', 'late', 'replied', 'on_time', 'rated', 'satisfied'] as const) bump(m, r.org_id, k, Number(r[k] ?? 0));
      }
      return m;
    });
  },
  figures: (c) => ({
    msg_received: c.n ?? 0,
    msg_unanswered: c.unanswered ?? 0,
    msg_late: c.late ?? 0,
    msg_on_time_rate: share(c.on_time, c.replied),
    msg_satisfaction: share(c.satisfied, c.rated),
  }),
  monthlyLabel: '收到留言',
  async monthly(db, q) {
    return guarded(async () => {
      const r = await sql<{ m: string; n: number | string }>`
        select substr(m.received_on, 1, 7) as m, count(*) as n from messages m join orgs o on o.id = m.org_id
        where ${pathScope(q.paths)} and m.rejected = 0 and m.received_on between ${`${q.fromMonth}-01`} and ${monthEnd(q.toMonth)}
        group by substr(m.received_on, 1, 7)`.execute(db);
      return new Map(r.rows.map((x) => [x.m, Number(x.n)]));
    });
  },
};
