/** Public statistics of a jurisdiction or an agency for a year: aggregates only, never a person (read only). */
import type { Ctx } from '../platform/context.js';
import { invalidFields, notFound } from '../platform/errors.js';
import { todayInShanghai } from '../platform/dates.js';
import { getOrg, listOrgs, type OrgRow } from '../orgs/index.js';
import { outcomeText, requestFigures } from '../requests/index.js';
import { computeFigures, type Dashboard } from './build-dashboard.js';
import { FIGURE_SOURCES } from './sources/index.js';

/** Sources and columns shown to the public. */
const PUBLIC_SOURCES = FIGURE_SOURCES.map((s) => ({
  ...s,
  columns: s.columns.filter((c) => c.public).map((c) => ({ ...c, link: undefined })),
})).filter((s) => s.columns.length);

/** Statistics of the year (1 January to today, or the whole past year). */
export interface PublicStats {
  org: OrgRow | null;
  year: number;
  from: string;
  to: string;
  figures: Omit<Dashboard, 'paths'>;
  outcomes: Array<{ label: string; n: number }>;
  roots: OrgRow[];
}

/** Public statistics for an org (its subtree) or, without one, for every top-level jurisdiction. */
export async function publicStats(ctx: Ctx, input: { orgId?: number; year?: number }): Promise<PublicStats> {
  const today = todayInShanghai(ctx.now());
  const thisYear = Number(today.slice(0, 4));
  const year = input.year ?? thisYear;
  if (!Number.isInteger(year) || year < 2008 || year > thisYear)
    throw invalidFields([{ code: 'stats_year_invalid', message: '年度无效。', field: 'year' }]);
  const org = input.orgId ? ((await getOrg(ctx.db, input.orgId)) ?? null) : null;
  if (input.orgId && (!org || org.disabled)) throw notFound('org_not_found', '机构不存在。');
  const roots = (await listOrgs(ctx.db)).filter((o) => o.parent_id === null);
  const paths = org ? [org.path] : roots.map((r) => r.path);
  const period = { from: `${year}-01-01`, to: year === thisYear ? today : `${year}-12-31` };
  const figures = await computeFigures(ctx, paths, period, PUBLIC_SOURCES);
  const sum = new Map<string, number>();
  for (const o of (await requestFigures(ctx.db, { paths, ...period })).outcomes)
    sum.set(o.outcomeCode, (sum.get(o.outcomeCode) ?? 0) + o.n);
  const outcomes = [...sum]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([code, n]) => ({ label: outcomeText(code), n }));
  return { org, year, ...period, figures, outcomes, roots };
}
