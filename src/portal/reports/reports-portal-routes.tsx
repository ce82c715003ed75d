import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PortalLayout } from '../layout.js';
import { Empty, beijingTime } from '../../platform/views/components.js';
import { notFound } from '../../platform/errors.js';
import { str } from '../../platform/http/form.js';
import { getOrg } from '../../orgs/orgs.store.js';
import { getReport, listReports, rowTables, type ReportListRow } from '../../reports/reports.store.js';
import { registerSitemapSource } from '../sitemap-routes.js';
import { ReportTablesView } from '../../reports/views/report-tables-view.js';
import { attachment, reportFile, reportTitle } from '../../reports/report-files.js';

async function published(req: FastifyRequest): Promise<ReportListRow> {
  const id = Number((req.params as { id: string }).id);
  const r = Number.isInteger(id) && id > 0 ? await getReport(req.ctx.db, id) : undefined;
  if (!r || r.status !== 'published') throw notFound('report_not_found', '年度报告不存在或尚未发布。');
  return r;
}

const Paras = ({ text }: { text: string }) => (
  <>
    {(text.split(/\n+/).filter((x) => x.trim()).length ? text.split(/\n+/).filter((x) => x.trim()) : ['无。']).map((p) => (
      <p>{p}</p>
    ))}
  </>
);

/** Portal: published annual reports, laid out like the official format, with DOCX and XLSX downloads. */
export async function reportsPortalRoutes(app: FastifyInstance): Promise<void> {
  registerSitemapSource('reports', async (ctx) => (await listReports(ctx.db, { statuses: ['published'] })).map((r) => ({ loc: `/reports/${r.id}`, lastmod: r.published_at?.slice(0, 10) })));
  app.get('/reports', async (req, reply) => {
    const orgRaw = str(req.query, 'org');
    const org = /^\d{1,9}$/.test(orgRaw) ? await getOrg(req.ctx.db, Number(orgRaw)) : undefined;
    const rows = await listReports(req.ctx.db, { statuses: ['published'], orgId: org?.id });
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
                <a href={`/reports/${r.id}`}>{reportTitle(r)}</a> <span class="muted">{beijingTime(r.published_at)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <Empty>暂无已发布的年度报告。</Empty>
        )}
      </PortalLayout>,
    );
  });
  app.get('/reports/:id', async (req, reply) => {
    const r = await published(req);
    const title = reportTitle(r);
    return reply.page(
      <PortalLayout view={reply.view()} title={title}>
        <article class="annual-report">
          <h1>{title}</h1>
          <p class="muted">
            发布时间：{beijingTime(r.published_at)} · 下载：<a href={`/reports/${r.id}/report.docx`}>DOCX</a> · <a href={`/reports/${r.id}/report.xlsx`}>XLSX</a>
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
    app.get(`/reports/:id/report.${kind}`, async (req, reply) => {
      const f = await reportFile(await published(req), kind);
      return reply.header('content-type', f.type).header('content-disposition', attachment(f.filename)).send(f.data);
    });
}
