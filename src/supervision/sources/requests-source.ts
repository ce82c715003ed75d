/** Figures of 依申请公开 (requests): received, open, overdue, due within 3 working days (DUE_SOON_WORKING_DAYS), average handling time, on time, outcomes. */
import { workingDaysBetween } from '../../calendar/index.js';
import { openStates, requestFigures, requestsReceivedByMonth, DUE_SOON_WORKING_DAYS } from '../../requests/index.js';
import { bump, share, type Counts, type FigureSource } from '../figure-source.js';

/** The requests source (read queries of src/requests, aggregates only). */
export const requestsSource: FigureSource = {
  key: 'requests',
  label: '依申请公开',
  columns: [
    {
      key: 'req_received',
      label: '收到申请',
      format: 'int',
      public: true,
      link: (orgId) => `/console/requests?queue=all&org=${orgId}`,
    },
    {
      key: 'req_answered',
      label: '已办结',
      format: 'int',
      public: true,
      link: (orgId) => `/console/requests?queue=all&org=${orgId}`,
    },
    { key: 'req_on_time_rate', label: '按时答复率', format: 'pct', public: true },
    { key: 'req_open', label: '办理中', format: 'int', link: (orgId) => `/console/requests?queue=all&org=${orgId}` },
    {
      key: 'req_overdue',
      label: '已超期',
      format: 'int',
      link: (orgId) => `/console/requests?queue=overdue&org=${orgId}`,
    },
    {
      key: 'req_due_soon',
      label: `${DUE_SOON_WORKING_DAYS}个工作日内到期`,
      format: 'int',
      link: (orgId) => `/console/requests?queue=due_soon&org=${orgId}`,
    },
    { key: 'req_avg_days', label: '平均办理工作日', format: 'days', public: true },
  ],
  async collect(db, q) {
    const m = new Map<number, Counts>();
    const f = await requestFigures(db, q);
    for (const r of f.received) bump(m, r.orgId, 'received', r.n);
    for (const r of await openStates(db, q)) {
      bump(m, r.orgId, 'open', r.open);
      bump(m, r.orgId, 'overdue', r.overdue);
      bump(m, r.orgId, 'soon', r.dueSoon);
    }
    for (const r of f.answered) {
      bump(m, r.orgId, 'answered', r.n);
      if (!r.dueOn || r.closedOn <= r.dueOn) bump(m, r.orgId, 'on_time', r.n);
      if (r.receivedOn) {
        try {
          bump(m, r.orgId, 'days_sum', workingDaysBetween(q.cal, r.receivedOn, r.closedOn) * r.n);
          bump(m, r.orgId, 'days_n', r.n);
        } catch {
          // Legitimately absent: a year missing from the calendar cannot be counted in working days; left out of the average.
        }
      }
    }
    for (const r of f.outcomes) bump(m, r.orgId, `outcome:${r.outcomeCode}`, r.n);
    return m;
  },
  figures(c) {
    return {
      req_received: c.received ?? 0,
      req_answered: c.answered ?? 0,
      // Without a base (nothing answered; no working days countable for the average): shown as —.
      req_on_time_rate: share(c.on_time, c.answered),
      req_open: c.open ?? 0,
      req_overdue: c.overdue ?? 0,
      req_due_soon: c.soon ?? 0,
      req_avg_days: c.days_n ? Math.round(((c.days_sum ?? 0) / c.days_n) * 10) / 10 : null,
    };
  },
  monthlyLabel: '收到申请',
  monthly: (db, q) => requestsReceivedByMonth(db, q),
};
