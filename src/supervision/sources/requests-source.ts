/** Figures of 依申请公开 (requests): received, open, overdue, due within 3 working days, average handling time, on time, outcomes. */
import { sql } from 'kysely';
import { workingDaysBetween } from '../../calendar/calendar.rules.js';
import { dueSoonUntil, OPEN_REQUEST_STATES } from '../../requests/due-window.rules.js';
import { bump, guarded, share, type Counts, type FigureSource } from '../figure-source.js';
import { monthEnd, pathScope } from './sql-scope.js';

const openList = sql.join(OPEN_REQUEST_STATES.map((s) => sql`${s}`));

/** The requests source (tables of src/requests, read-only aggregates). */
export const requestsSource: FigureSource = {
  key: 'requests',
  label: '依申请公开',
  columns: [
    { key: 'req_received', label: '收到申请', format: 'int', public: true, link: (orgId) => `/console/requests?queue=all&org=${orgId}` },
    { key: 'req_answered', label: '已办结', format: 'int', public: true, link: (orgId) => `/console/requests?queue=all&org=${orgId}` },
    { key: 'req_on_time_rate', label: '按时答复率', format: 'pct', public: true },
    { key: 'req_open', label: '办理中', format: 'int', link: (orgId) => `/console/requests?queue=all&org=${orgId}` },
    { key: 'req_overdue', label: '已超期', format: 'int', link: (orgId) => `/console/requests?queue=overdue&org=${orgId}` },
    { key: 'req_due_soon', label: '3个工作日内到期', format: 'int', link: (orgId) => `/console/requests?queue=due_soon&org=${orgId}` },
    { key: 'req_avg_days', label: '平均办理工作日', format: 'days', public: true },
  ],
  async collect(db, q) {
    return guarded(async () => {
      const m = new Map<number, Counts>();
      const soon = dueSoonUntil(q.cal, q.today);
      const received = await sql<{ org_id: number; n: number | string }>`
        select r.org_id, count(*) as n from requests r join orgs o on o.id = r.org_id
        where ${pathScope(q.paths)} and coalesce(r.received_on, substr(r.submitted_at, 1, 10)) between ${q.from} and ${q.to}
        group by r.org_id`.execute(db);
      for (const r of received.rows) bump(m, r.org_id, 'received', Number(r.n));
      const open = await sql<{ org_id: number; n: number | string; overdue: number | string; soon: number | string }>`
        select r.org_id, count(*) as n,
          sum(case when r.due_on is not null and r.due_on < ${q.today} then 1 else 0 end) as overdue,
          sum(case when r.due_on is not null and r.due_on >= ${q.today} and r.due_on <= ${soon} then 1 else 0 end) as soon
        from requests r join orgs o on o.id = r.org_id
        where ${pathScope(q.paths)} and r.state in (${openList})
        group by r.org_id`.execute(db);
      for (const r of open.rows) {
        bump(m, r.org_id, 'open', Number(r.n));
        bump(m, r.org_id, 'overdue', Number(r.overdue));
        bump(m, r.org_id, 'soon', Number(r.soon));
      }
      const closed = await sql<{ org_id: number; received_on: string | null; closed_on: string; due_on: string | null; n: number | string }>`
        select r.org_id, r.received_on, r.closed_on, r.due_on, count(*) as n from requests r join orgs o on o.id = r.org_id
        where ${pathScope(q.paths)} and r.closed_on between ${q.from} and ${q.to} and r.state = 'answered'
        group by r.org_id, r.received_on, r.closed_on, r.due_on`.execute(db);
      for (const r of closed.rows) {
        const n = Number(r.n);
        bump(m, r.org_id, 'answered', n);
        if (!r.due_on || r.closed_on <= r.due_on) bump(m, r.org_id, 'on_time', n);
        if (r.received_on) {
          try {
            bump(m, r.org_id, 'days_sum', workingDaysBetween(q.cal, r.received_on, r.closed_on) * n);
            bump(m, r.org_id, 'days_n', n);
          } catch {
            // a year missing from the calendar: left out of the average
          }
        }
      }
      const outcomes = await sql<{ org_id: number; outcome_code: string; n: number | string }>`
        select r.org_id, r.outcome_code, count(*) as n from requests r join orgs o on o.id = r.org_id
        where ${pathScope(q.paths)} and r.closed_on between ${q.from} and ${q.to} and r.outcome_code is not null
        group by r.org_id, r.outcome_code`.execute(db);
      for (const r of outcomes.rows) bump(m, r.org_id, `outcome:${r.outcome_code}`, Number(r.n));
      return m;
    });
  },
  figures(c) {
    return {
      req_received: c.received ?? 0,
      req_answered: c.answered ?? 0,
      req_on_time_rate: share(c.on_time, c.answered),
      req_open: c.open ?? 0,
      req_overdue: c.overdue ?? 0,
      req_due_soon: c.soon ?? 0,
      req_avg_days: c.days_n ? Math.round(((c.days_sum ?? 0) / c.days_n) * 10) / 10 : null,
    };
  },
  monthlyLabel: '收到申请',
  async monthly(db, q) {
    return guarded(async () => {
      const r = await sql<{ m: string; n: number | string }>`
        select substr(coalesce(r.received_on, r.submitted_at), 1, 7) as m, count(*) as n from requests r join orgs o on o.id = r.org_id
        where ${pathScope(q.paths)} and coalesce(r.received_on, substr(r.submitted_at, 1, 10)) between ${`${q.fromMonth}-01`} and ${monthEnd(q.toMonth)}
        group by substr(coalesce(r.received_on, r.submitted_at), 1, 7)`.execute(db);
      return new Map(r.rows.map((x) => [x.m, Number(x.n)]));
    });
  },
};
