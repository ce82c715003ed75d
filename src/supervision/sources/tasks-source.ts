/** Progress of the yearly tasks (任务分解表) per responsible agency, for the year of the period's end. */
import { taskCounts } from '../tasks.store.js';
import { bump, share, type Counts, type FigureSource } from '../figure-source.js';

/** The tasks source (this capability's own table). */
export const tasksSource: FigureSource = {
  key: 'tasks',
  label: '年度任务',
  columns: [
    {
      key: 'task_total',
      label: '年度任务',
      format: 'int',
      link: (orgId, q) => `/console/supervision/tasks?responsibleOrgId=${orgId}&year=${q.to.slice(0, 4)}`,
    },
    { key: 'task_accepted_rate', label: '任务验收率', format: 'pct' },
    {
      key: 'task_overdue',
      label: '逾期任务',
      format: 'int',
      link: (orgId, q) => `/console/supervision/tasks?responsibleOrgId=${orgId}&year=${q.to.slice(0, 4)}&overdue=1`,
    },
  ],
  async collect(db, q) {
    const m = new Map<number, Counts>();
    for (const r of await taskCounts(db, { paths: q.paths, year: Number(q.to.slice(0, 4)), today: q.today })) {
      bump(m, r.orgId, 'n', r.total);
      bump(m, r.orgId, 'accepted', r.accepted);
      bump(m, r.orgId, 'overdue', r.overdue);
    }
    return m;
  },
  figures: (c) => ({ task_total: c.n ?? 0, task_accepted_rate: share(c.accepted, c.n), task_overdue: c.overdue ?? 0 }),
};
