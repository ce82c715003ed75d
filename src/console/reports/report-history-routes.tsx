import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { Empty } from '../../platform/views/components.js';
import { notFound } from '../../platform/errors.js';
import { rolesAllow } from '../../orgs/roles.rules.js';
import { getOrg } from '../../orgs/orgs.store.js';
import { parseId } from '../../orgs/create-user.js';
import { listReports, rowTables } from '../../reports/reports.store.js';
import { REPORT_STATUS, REPORT_VIEW_ROLES, isReportStatus } from '../../reports/report-workflow.rules.js';
import { INDICATORS, indicatorsOf } from '../../reports/indicators.rules.js';
import { HistoryChart } from '../../reports/views/history-chart.js';
import { assertAllowed } from '../guard.js';

/** Console: an organisation's reports across years, with the main indicators as a chart and a table. */
export async function reportHistoryRoutes(app: FastifyInstance): Promise<void> {
  app.get('/console/reports/history/:orgId', async (req, reply) => {
    const org = await getOrg(req.ctx.db, parseId((req.params as { orgId: string }).orgId, 'orgId'));
    if (!org) throw notFound('org_not_found', '机构不存在。');
    assertAllowed(rolesAllow(req.actor, REPORT_VIEW_ROLES, org.path));
    const rows = (await listReports(req.ctx.db, { orgId: org.id })).sort((a, b) => a.year - b.year);
    const points = rows.map((r) => ({ year: r.year, values: indicatorsOf(rowTables(r)) }));
    return reply.page(
      <ConsoleLayout view={reply.view()} title={`${org.name} 历年年度报告`}>
        {rows.length ? (
          <>
            <HistoryChart points={points} />
            <div class="table-wrap">
              <table>
                <caption>历年主要指标</caption>
                <thead>
                  <tr>
                    <th scope="col">年度</th>
                    {INDICATORS.map((n) => (
                      <th scope="col">{n}</th>
                    ))}
                    <th scope="col">状态</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r, i) => (
                    <tr>
                      <th scope="row">
                        <a href={`/console/reports/${r.id}`}>{r.year}</a>
                      </th>
                      {points[i].values.map((v) => (
                        <td class="num">{v}</td>
                      ))}
                      <td>{isReportStatus(r.status) ? REPORT_STATUS[r.status] : r.status}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <Empty>该单位还没有年度报告。可在“年度报告”页录入以往年度的报告。</Empty>
        )}
      </ConsoleLayout>,
    );
  });
}
