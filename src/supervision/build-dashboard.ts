/** The dashboard of a supervisor's jurisdiction (or an agency administrator's own agency) for a period (read only; no audit). */
import type { Ctx } from '../platform/context.js';
import { forbidden, invalidFields } from '../platform/errors.js';
import { isValidIsoDate, todayInShanghai } from '../platform/dates.js';
import { scopePaths, listOrgs } from '../orgs/index.js';
import {
  getCalendar,
  addWorkingDays,
  isProvisionalDate,
  type WorkCalendar,
  provisionalNote,
  provisionalYears,
} from '../calendar/index.js';
import { ANSWER_WORKING_DAYS } from '../requests/index.js';
import type { FigureColumn, FigureSource } from './figure-source.js';
import { rollUp, rowOf, rowOrgs, sortRows, type DashRow } from './dashboard.rules.js';
import { FIGURE_SOURCES } from './sources/index.js';

/** Roles that see the dashboard: the supervising office (its subtree) and agency administrators (own agency). */
export const DASHBOARD_ROLES = ['supervisor', 'agency_admin'] as const;

/** A computed dashboard. */
export interface Dashboard {
  from: string;
  to: string;
  today: string;
  columns: Array<FigureColumn & { source: string; available: boolean }>;
  rows: DashRow[];
  total: DashRow;
  paths: string[];
  /** Set while deadlines of new work reach into a year whose holidays are not yet announced (暂定): the sentence to show. */
  provisionalNote: string | null;
}

/** Period defaults: the year so far. */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** Computes the figures of every source for the paths given (shared by the dashboard and public statistics). */
export async function computeFigures(
  ctx: Ctx,
  paths: string[],
  period: { from: string; to: string },
  sources: readonly FigureSource[] = FIGURE_SOURCES,
): Promise<Omit<Dashboard, 'paths'>> {
  const errors = [];
  if (!isValidIsoDate(period.from))
    errors.push({ code: 'period_from_invalid', message: '请填写正确的开始日期。', field: 'from' });
  if (!isValidIsoDate(period.to))
    errors.push({ code: 'period_to_invalid', message: '请填写正确的结束日期。', field: 'to' });
  else if (isValidIsoDate(period.from) && period.from > period.to)
    errors.push({ code: 'period_reversed', message: '开始日期不能晚于结束日期。', field: 'from' });
  if (errors.length) throw invalidFields(errors);
  const today = todayInShanghai(ctx.now());
  const orgs = (await listOrgs(ctx.db, { underPaths: paths })).map((o) => ({
    id: o.id,
    name: o.name,
    path: o.path,
    kind: o.kind,
  }));
  const rowMap = rowOf(orgs);
  const cal = await getCalendar(ctx.db);
  const q = { paths, from: period.from, to: period.to, today, cal };
  const collected = await Promise.all(sources.map(async (s) => ({ s, counts: await s.collect(ctx.db, q) })));
  const rows: DashRow[] = rowOrgs(orgs).map((o) => ({ orgId: o.id, orgName: o.name, values: {} }));
  const byId = new Map(rows.map((r) => [r.orgId, r]));
  const total: DashRow = { orgId: 0, orgName: '合计', values: {} };
  const columns: Dashboard['columns'] = [];
  for (const { s, counts } of collected) {
    // “暂无数据” only for a source that has, by design, nothing to say (FigureSource.collect); a failing query has thrown.
    for (const c of s.columns) columns.push({ ...c, source: s.key, available: counts !== null });
    if (!counts) continue;
    const rolled = rollUp(counts, rowMap);
    const sum: Record<string, number> = {};
    for (const r of rows) {
      const c = rolled.get(r.orgId) ?? {};
      for (const [k, v] of Object.entries(c)) sum[k] = (sum[k] ?? 0) + v;
      Object.assign(byId.get(r.orgId)!.values, s.figures(c));
    }
    Object.assign(total.values, s.figures(sum));
  }
  return {
    from: period.from,
    to: period.to,
    today,
    columns,
    rows,
    total,
    provisionalNote: provisionalNoteFor(cal, today),
  };
}

/** The 暂定 sentence when the 20 working days from today reach into a provisional year (due dates and 3-day windows then rest on it). */
function provisionalNoteFor(cal: WorkCalendar, today: string): string | null {
  try {
    const horizon = addWorkingDays(cal, today, ANSWER_WORKING_DAYS);
    return isProvisionalDate(cal, horizon) ? provisionalNote(provisionalYears([horizon])) : null;
  } catch {
    // Legitimately absent: the calendar does not reach that far (a year not yet imported), so nothing rests on a provisional year.
    return null;
  }
}

/** The dashboard for the actor: the supervisor's subtrees, or the agency administrator's own agencies. */
export async function buildDashboard(
  ctx: Ctx,
  input: { from?: string; to?: string; sort?: string; dir?: 'asc' | 'desc' },
): Promise<Dashboard> {
  const paths = scopePaths(ctx.actor, DASHBOARD_ROLES);
  if (!paths.length) throw forbidden();
  const today = todayInShanghai(ctx.now());
  const def = defaultPeriod(today);
  const d = await computeFigures(ctx, paths, { from: input.from || def.from, to: input.to || def.to });
  const sort = input.sort && (input.sort === 'org' || d.columns.some((c) => c.key === input.sort)) ? input.sort : 'org';
  return { ...d, rows: sortRows(d.rows, sort, input.dir ?? (sort === 'org' ? 'asc' : 'desc')), paths };
}
