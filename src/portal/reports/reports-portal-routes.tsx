import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Form, typed, OptInt, IdParams } from '../../platform/http/schemas.js';
import { PAGE_BY_ID, unknownPageIfBadParams } from '../page-input.js';
import { PortalLayout } from '../../platform/views/portal-layout.js';
import { Empty, beijingTime } from '../../platform/views/components.js';
import { notFound } from '../../platform/errors.js';
import { findOrg } from '../../orgs/index.js';
import {
  publishedReport,
  publishedReports,
  rowTables,
  type ReportListRow,
  ReportTablesView,
  reportFile,
  reportTitle,
} from '../../reports/index.js';
import { registerSitemapSource } from '../sitemap-routes.js';
import { contentDisposition } from '../../platform/http/content-disposition.js';

const reportNotFound = () => notFound('report_not_found', '年度报告不存在或尚未发布。');

async function published(req: FastifyRequest, id: number): Promise<ReportListRow> {
  unknownPageIfBadParams(req, reportNotFound);
  const r = await publishedReport(req.ctx.db, id);
  if (!r) throw reportNotFound();
  return r;
}

const ReportsQuery = Form({ org: OptInt('机构') });

const Paras = ({ text }: { text: string }) => (
  <>
    {(text.split(/\n+/).filter((x) => x.trim()).length ? text.split(/\n+/).filter((x) => x.trim()) : ['无。']).map(
      (p) => (
        <p>{p}</p>
      ),
    )}
  </>
);

/** Portal: published annual reports, laid out like the official format, with DOCX and XLSX downloads. */
export async function reportsPortalRoutes(app: FastifyInstance): Promise<void> {
  const t = typed(app);
  registerSitemapSource('reports', async (ctx) =>
    (await publishedReports(ctx.db)).map((r) => ({ loc: `/reports/${r.id}`, lastmod: r.published_at?.slice(0, 10) })),
  );
  t.get('/reports', { schema: { querystring: ReportsQuery } }, async (req, reply) => {
    const org = req.query.org ? await findOrg(req.ctx, req.query.org) : undefined;
    const rows = await publishedReports(req.ctx.db, { orgId: org?.id });
    return reply.page(
      <PortalLayout view={reply.view()} title="政府信息公开工作年度报告">
        <h1>{org ? `${org.name} 政府信息公开工作年度报告` : '政府信息公开工作年度报告'}</h1>
        {org ? (
          <p>
            <a href="/reports">查看全部机构的年度报告</a>
          </p>
        ) : null}
        {rows.length ? (
          <ul>
            {rows.map((r) => (
              <li>
                <a href={`/reports/${r.id}`}>{reportTitle(r)}</a>{' '}
                <span class="muted">{beijingTime(r.published_at)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <Empty>暂无已发布的年度报告。</Empty>
        )}
      </PortalLayout>,
    );
  });
  t.get('/reports/:id', { schema: { params: IdParams }, ...PAGE_BY_ID }, async (req, reply) => {
    const r = await published(req, req.params.id);
    const title = reportTitle(r);
    return reply.page(
      <PortalLayout view={reply.view()} title={title}>
        <article class="annual-report">
          <h1>{title}</h1>
          <p class="muted">
            发布时间：{beijingTime(r.published_at)} · 下载：<a href={`/reports/${r.id}/report.docx`}>DOCX</a> ·{' '}
            <a href={`/reports/${r.id}/report.xlsx`}>XLSX</a>
          </p>
          <h2>一、总体情况</h2>
          <Paras text={r.overview} />
          <ReportTablesView tables={rowTables(r)} />
          <h2>五、存在的主要问题及改进情况</h2>
          <Paras text={r.problems} />
          <h2>六、其他需要报告的事项</h2>
          <Paras text={r.other} />
        </article>
      </PortalLayout>,
    );
  });
  for (const kind of ['docx', 'xlsx'] as const)
    t.get(`/reports/:id/report.${kind}`, { schema: { params: IdParams }, ...PAGE_BY_ID }, async (req, reply) => {
      const f = await reportFile(await published(req, req.params.id), kind);
      return reply
        .header('content-type', f.type)
        .header('content-disposition', contentDisposition(f.filename))
        .send(f.data);
    });
}
