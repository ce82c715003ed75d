import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { Empty } from '../../platform/views/components.js';
import { Int, Params, typed } from '../../platform/http/schemas.js';
import { rolesAllow, orgOrNotFound } from '../../orgs/index.js';
import {
  legacyStatsYears,
  reportsWithin,
  rowLegacyValues,
  rowTables,
  legacyIndicators,
  LEGACY_TITLE,
  REPORT_EDIT_ROLES,
  REPORT_REVIEW_ROLES,
  REPORT_SOURCE,
  REPORT_STATUS,
  REPORT_VIEW_ROLES,
  isReportStatus,
  INDICATORS,
  indicatorsOf,
  HistoryChart,
} from '../../reports/index.js';
import { assertAllowed } from '../guard.js';

/** One year of the history: a report (2019 format on) or a pre-2019 统计表. */
interface Year {
  year: number;
  href: string;
  values: Array<number | null>;
  status: string;
}

const HistoryParams = Params({ orgId: Int('单位') });

/**
 * Console: an organisation's reports across years, with the main indicators as a chart and a table. Years
 * before 2019 come from the 统计表 where an indicator is comparable (legacyIndicators); others are gaps.
 */
export async function reportHistoryRoutes(app: FastifyInstance): Promise<void> {
  typed(app).get('/console/reports/history/:orgId', { schema: { params: HistoryParams } }, async (req, reply) => {
    const org = await orgOrNotFound(req.ctx, req.params.orgId);
    assertAllowed(rolesAllow(req.actor, REPORT_VIEW_ROLES, org.path));
    const years: Year[] = [
      ...(await legacyStatsYears(req.ctx, org.id)).map((r) => ({
        year: r.year,
        href: `/console/reports/legacy/${org.id}/${r.year}`,
        values: legacyIndicators(rowLegacyValues(r)),
        status: `${LEGACY_TITLE}（${REPORT_SOURCE[r.source as keyof typeof REPORT_SOURCE] ?? r.source}）`,
      })),
      ...(await reportsWithin(req.ctx, { orgId: org.id })).map((r) => ({
        year: r.year,
        href: `/console/reports/${r.id}`,
        values: indicatorsOf(rowTables(r)),
        status: isReportStatus(r.status) ? REPORT_STATUS[r.status] : r.status,
      })),
    ].sort((a, b) => a.year - b.year);
    const canAdd = rolesAllow(req.actor, [...REPORT_EDIT_ROLES, ...REPORT_REVIEW_ROLES], org.path);
    return reply.page(
      <ConsoleLayout view={reply.view()} title={`${org.name} 历年年度报告`}>
        {canAdd ? (
          <p>
            <a href={`/console/reports/legacy?orgId=${org.id}`}>录入或导入 2019 年以前的{LEGACY_TITLE}</a>
          </p>
        ) : null}
        {years.length ? (
          <>
            <HistoryChart points={years} />
            {years.some((y) => y.year < 2019) ? (
              <p class="muted">
                2019 年以前的数字取自《{LEGACY_TITLE}》：本年新收申请 = 收到申请数，本年办结 =
                申请办结数，行政复议、行政诉讼 = 其数量；统计表没有“结转下年度”，图中留空。
              </p>
            ) : null}
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
                  {years.map((y) => (
                    <tr>
                      <th scope="row">
                        <a href={y.href}>{y.year}</a>
                      </th>
                      {y.values.map((v) => (
                        <td class="num">{v === null ? '—' : v}</td>
                      ))}
                      <td>{y.status}</td>
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
