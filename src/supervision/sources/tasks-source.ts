/** Progress of the yearly tasks (任务分解表) per responsible agency, for the year of the period's end. */
import { sql } from 'kysely';
import { bump, guarded, share, type Counts, type FigureSource } from '../figure-source.js';
import { pathScope } from './sql-scope.js';

/** The tasks source (this capability's own table). */
export const tasksSource: FigureSource = {
  key: 'tasks',
  label: '年度任务',
  columns: [
    { key: 'task_total', label: '年度任务', format: 'int', link: (orgId, q) => `/console/supervision/tasks?responsibleOrgId=${orgId}&year=${q.to.slice(0, 4)}` },
    { key: 'task_accepted_rate', label: '任务验收率', format: 'pct' },
    { key: 'task_overdue', label: '逾期任务', format: 'int', link: (orgId, q) => `/console/supervision/tasks?responsibleOrgId=${orgId}&year=${q.to.slice(0, 4)}&overdue=1` },
  ],
  async collect(db, q) {
    return guarded(async () => {
      const m = new Map<number, Counts>();
      const rows = await sql<{ org_id: number; n: number | string; accepted: number | string; overdue: number | string }>`
        select t.responsible_org_id as org_id, count(*) as n,
          sum(case when t.state = 'accepted' then 1 else 0 end) as accepted,
          sum(case when t.state <> 'accepted' and t.deadline < ${q.today} then 1 else 0 end) as overdue
        from supervision_tasks t join orgs o on o.id = t.responsible_org_id
        where ${pathScope(q.paths)} and t.year = ${Number(q.to.slice(0, 4))}
        group by t.responsible_org_id`.execute(db);
      for (const r of rows.rows) {
        bump(m, r.org_id, 'n', Number(r.n));
        bump(m, r.org_id, 'accepted', Number(r.accepted));
        bump(m, r.org_id, 'overdue', Number(r.overdue));
      }
      return m;
    });
  },
  figures: (c) => ({ task_total: c.n ?? 0, task_accepted_rate: share(c.accepted, c.n), task_overdue: c.overdue ?? 0 }),
};
