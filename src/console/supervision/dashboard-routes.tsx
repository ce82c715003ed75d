import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { assertAllowed } from '../guard.js';
import { ErrorSummary, TextField } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { Form, OptChoice, OptText, typed } from '../../platform/http/schemas.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { rolesAllow, scopePaths } from '../../orgs/index.js';
import {
  buildDashboard,
  DASHBOARD_ROLES,
  type Dashboard,
  formatFigure,
  dashboardXlsx,
  dashboardTable,
  trendChart,
} from '../../supervision/index.js';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import { sendTable } from '../../platform/http/table-download.js';
import { ProvisionalBadge } from '../../platform/views/provisional.js';

/** The period and the sort. The dates stay text: the use-case checks them and the page names the problem (buildDashboard). */
const DashboardQuery = Form({
  from: OptText('开始日期', { maxLength: 10 }),
  to: OptText('结束日期', { maxLength: 10 }),
  sort: OptText('排序', { maxLength: 40 }),
  dir: OptChoice('顺序', ['asc', 'desc'] as const),
});

function DashboardPage({
  view,
  d,
  svg,
  sort,
  dir,
}: {
  view: ViewCtx;
  d: Dashboard;
  svg: string;
  sort: string;
  dir: string;
}) {
  const base = `from=${d.from}&to=${d.to}`;
  const sortLink = (key: string) =>
    `/console/supervision?${base}&sort=${key}&dir=${sort === key && dir === 'desc' ? 'asc' : 'desc'}`;
  const arrow = (key: string) => (sort === key ? (dir === 'asc' ? ' ▲' : ' ▼') : '');
  const ariaSort = (key: string) => (sort === key ? (dir === 'asc' ? 'ascending' : 'descending') : undefined);
  const q = { from: d.from, to: d.to };
  return (
    <ConsoleLayout view={view} title="监督检查工作台" wide>
      <form method="get" action="/console/supervision" class="filters">
        <TextField name="from" label="开始日期" type="date" value={d.from} />
        <TextField name="to" label="结束日期" type="date" value={d.to} />
        <button type="submit">统计</button>
      </form>
      <p>
        统计期间：{d.from} 至 {d.to}（办理中、超期、即将到期按今日 {d.today} 计）。导出：
        <a href={`/console/supervision/dashboard.csv?${base}`}>CSV</a> ·{' '}
        <a href={`/console/supervision/dashboard.xlsx?${base}`}>XLSX</a>
      </p>
      {d.provisionalNote ? (
        <p class="notice" data-testid="provisional">
          <ProvisionalBadge note={d.provisionalNote} /> 即将到期、超期等数字中涉及的期限：{d.provisionalNote}
        </p>
      ) : null}
      <div class="table-scroll dash-scroll" data-testid="dashboard-scroll">
        <table class="dash-table">
          <caption>各单位政务公开工作情况</caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort('org')}>
                <a href={sortLink('org')}>单位{arrow('org')}</a>
              </th>
              {d.columns.map((c) => (
                <th scope="col" aria-sort={ariaSort(c.key)}>
                  <a href={sortLink(c.key)}>
                    {c.label}
                    {arrow(c.key)}
                  </a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...d.rows, d.total].map((r) => (
              <tr>
                <th scope="row" title={r.orgName}>
                  {r.orgId ? <a href={`/console/orgs/${r.orgId}`}>{r.orgName}</a> : r.orgName}
                </th>
                {d.columns.map((c) => {
                  const text = formatFigure(c, r.values[c.key], c.available);
                  // A vetoed website check reads 否决 in the compact table (the full words in its title).
                  const shown =
                    c.format === 'score' && (r.values[c.key] ?? 0) < 0 ? <abbr title={text}>否决</abbr> : text;
                  return (
                    <td data-col={c.key}>
                      {c.link && c.available && r.orgId && (!c.linkRoles || rolesAllow(view.actor, c.linkRoles)) ? (
                        <a href={c.link(r.orgId, q)}>{shown}</a>
                      ) : (
                        shown
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>近12个月趋势</h2>
      <figure class="chart" dangerouslySetInnerHTML={{ __html: svg }} />
    </ConsoleLayout>
  );
}

function ErrorPage({ view, errors }: { view: ViewCtx; errors: FieldError[] }) {
  return (
    <ConsoleLayout view={view} title="监督检查工作台">
      <ErrorSummary errors={errors} />
      <p>
        <a href="/console/supervision">返回默认统计期间</a>
      </p>
    </ConsoleLayout>
  );
}

/** Console: the supervision dashboard with sorting, CSV/XLSX export and the trend chart. */
export async function dashboardRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  const allowed = (req: FastifyRequest) => assertAllowed(scopePaths(req.actor, DASHBOARD_ROLES).length > 0);

  r.get('/console/supervision', { schema: { querystring: DashboardQuery } }, async (req, reply) => {
    allowed(req);
    const i = req.query;
    try {
      const d = await buildDashboard(req.ctx, i);
      const { svg } = await trendChart(req.ctx.db, d.paths, d.to);
      const sort = i.sort && (i.sort === 'org' || d.columns.some((c) => c.key === i.sort)) ? i.sort : 'org';
      return reply.page(
        <DashboardPage
          view={reply.view()}
          d={d}
          svg={svg}
          sort={sort}
          dir={i.dir ?? (sort === 'org' ? 'asc' : 'desc')}
        />,
      );
    } catch (e) {
      if (!isAppError(e) || e.kind !== 'invalid') throw e;
      return reply.page(<ErrorPage view={reply.view()} errors={e.errors} />, 400);
    }
  });

  r.get('/console/supervision/dashboard.csv', { schema: { querystring: DashboardQuery } }, async (req, reply) => {
    allowed(req);
    const d = await buildDashboard(req.ctx, req.query);
    const t = dashboardTable(d);
    return sendTable(reply, [t.header, ...t.rows], `监督检查_${d.from}_${d.to}`);
  });

  r.get('/console/supervision/dashboard.xlsx', { schema: { querystring: DashboardQuery } }, async (req, reply) => {
    allowed(req);
    const d = await buildDashboard(req.ctx, req.query);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition(`监督检查_${d.from}_${d.to}.xlsx`))
      .send(await dashboardXlsx(d));
  });
}
