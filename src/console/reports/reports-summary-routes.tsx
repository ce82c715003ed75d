import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { Empty } from '../../platform/views/components.js';
import { Form, OptInt, typed } from '../../platform/http/schemas.js';
import { todayInShanghai } from '../../platform/dates.js';
import { rolesAllow, scopePaths } from '../../orgs/index.js';
import {
  REPORT_REVIEW_ROLES,
  REPORT_STATUS,
  isReportStatus,
  jurisdictionSummary,
  ReportTablesView,
} from '../../reports/index.js';
import { assertAllowed } from '../guard.js';
import { DeadlineCell } from './reports-list-routes.js';

const SummaryQuery = Form({ year: OptInt('年度', { minimum: 2019, maximum: 2100 }) });

/** Console: the supervising office's view of every agency's report for a year, and the summed tables. */
export async function reportsSummaryRoutes(app: FastifyInstance): Promise<void> {
  typed(app).get('/console/reports/summary', { schema: { querystring: SummaryQuery } }, async (req, reply) => {
    assertAllowed(rolesAllow(req.actor, REPORT_REVIEW_ROLES));
    const today = todayInShanghai(req.ctx.now());
    const year = req.query.year ?? Number(today.slice(0, 4)) - 1;
    const { lines, tables, counted, published } = await jurisdictionSummary(
      req.ctx.db,
      scopePaths(req.actor, REPORT_REVIEW_ROLES),
      year,
    );
    return reply.page(
      <ConsoleLayout view={reply.view()} title={`${year} 年度报告辖区汇总`} wide>
        <form method="get" action="/console/reports/summary" class="inline">
          <label for="f-year">年度</label>{' '}
          <input id="f-year" name="year" value={String(year)} size={6} inputMode="numeric" />{' '}
          <button type="submit">查看</button>
        </form>
        <p>
          辖区内 {lines.length} 个单位，已建报告 {lines.filter((l) => l.report).length} 份，已发布 {published} 份。
        </p>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">单位</th>
                <th scope="col">状态</th>
                <th scope="col">勾稽关系</th>
                <th scope="col">法定公布期限</th>
              </tr>
            </thead>
            <tbody>
              {lines.map(({ org: o, report: r, consistent }) => (
                <tr>
                  <td>{r ? <a href={`/console/reports/${r.id}`}>{o.name}</a> : o.name}</td>
                  <td>{r ? (isReportStatus(r.status) ? REPORT_STATUS[r.status] : r.status) : '未建立'}</td>
                  <td>{consistent === null ? '—' : consistent ? '一致' : '有误'}</td>
                  <td>
                    <DeadlineCell year={year} orgKind={o.kind} publishedAt={r?.published_at ?? null} today={today} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h2>汇总表（{counted} 份报告相加）</h2>
        {counted ? <ReportTablesView tables={tables} level={3} /> : <Empty>该年度还没有报告。</Empty>}
      </ConsoleLayout>,
    );
  });
}
