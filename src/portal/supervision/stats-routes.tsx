import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PortalLayout } from '../../platform/views/portal-layout.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { Form, Params, typed, Int, OptInt } from '../../platform/http/schemas.js';
import { formatFigure, publicStats, type PublicStats, trendChart } from '../../supervision/index.js';

function StatsPage({ view, s, svg }: { view: ViewCtx; s: PublicStats; svg: string }) {
  const f = s.figures;
  const title = s.org ? `${s.org.name}政府信息公开统计` : '政府信息公开统计';
  const here = s.org ? `/stats/${s.org.id}` : '/stats';
  const years = Array.from({ length: 4 }, (_, i) => Number(f.today.slice(0, 4)) - i);
  return (
    <PortalLayout view={view} title={title}>
      <h1>{title}</h1>
      <p>
        统计期间：{s.from} 至 {s.to}。其他年度：
        {years.map((y) => (
          <>
            {' '}
            <a href={`${here}?year=${y}`} aria-current={y === s.year ? 'page' : undefined}>
              {y}年
            </a>
          </>
        ))}
      </p>
      <p class="muted">
        本页仅显示汇总数字，不含任何个人信息。“暂无数据”表示相应业务尚未启用；“—”表示没有可计算的基数。
      </p>
      <h2>汇总</h2>
      <dl class="meta">
        {f.columns.map((c) => (
          <>
            <dt>{c.label}</dt>
            <dd>{formatFigure(c, f.total.values[c.key], c.available)}</dd>
          </>
        ))}
      </dl>
      {s.outcomes && s.outcomes.length ? (
        <>
          <h2>依申请公开办理结果</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">办理结果</th>
                <th scope="col">件数</th>
              </tr>
            </thead>
            <tbody>
              {s.outcomes.map((o) => (
                <tr>
                  <td>{o.label}</td>
                  <td>{o.n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <h2>各单位</h2>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">单位</th>
              {f.columns.map((c) => (
                <th scope="col">{c.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {f.rows.map((r) => (
              <tr>
                <th scope="row">
                  <a href={`/stats/${r.orgId}?year=${s.year}`}>{r.orgName}</a>
                </th>
                {f.columns.map((c) => (
                  <td>{formatFigure(c, r.values[c.key], c.available)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>近12个月趋势</h2>
      <figure class="chart" dangerouslySetInnerHTML={{ __html: svg }} />
    </PortalLayout>
  );
}

const StatsQuery = Form({ year: OptInt('年度') });
const AgencyParams = Params({ orgId: Int('机构') });

async function render(req: FastifyRequest, view: ViewCtx, year: number | undefined, orgId?: number) {
  const s = await publicStats(req.ctx, { orgId, year });
  const { svg } = await trendChart(req.ctx.db, s.org ? [s.org.path] : s.roots.map((r) => r.path), s.to);
  return <StatsPage view={view} s={s} svg={svg} />;
}

/** Portal: public statistics of the jurisdiction (/stats) and of an agency (/stats/:orgId). */
export async function statsRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/stats', { schema: { querystring: StatsQuery } }, async (req, reply) =>
    reply.page(await render(req, reply.view(), req.query.year)),
  );
  r.get('/stats/:orgId', { schema: { params: AgencyParams, querystring: StatsQuery } }, async (req, reply) =>
    reply.page(await render(req, reply.view(), req.query.year, req.params.orgId)),
  );
}
