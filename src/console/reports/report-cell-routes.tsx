import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { Empty, Pagination } from '../../platform/views/components.js';
import { Form, Int, Page, Params, Type, typed } from '../../platform/http/schemas.js';
import { notFound } from '../../platform/errors.js';
import {
  type ReportFormat,
  reportForStaff,
  rowTables,
  recordsForCell,
  REPORT_SOURCE,
  reportCellOf,
  reportLayouts,
} from '../../reports/index.js';

const PER_PAGE = 50;

const CellParams = Params({ id: Int('报告编号'), field: Type.String({ title: '单元格' }) });
const CellQuery = Form({ page: Page() });

/** Console: the records counted in one number of a report (paginated), or why the number has none. */
export async function reportCellRoutes(app: FastifyInstance): Promise<void> {
  typed(app).get(
    '/console/reports/:id/cell/:field',
    { schema: { params: CellParams, querystring: CellQuery } },
    async (req, reply) => {
      const r = await reportForStaff(req.ctx, req.params.id);
      const tables = rowTables(r);
      const { field } = req.params;
      const layout = reportLayouts(tables)
        .flatMap((l) => l.rows.flat())
        .find((c) => c.name === field);
      const cell = layout ? reportCellOf(field, tables.format as ReportFormat) : null;
      if (!layout || !cell) throw notFound('cell_not_found', '报告中没有这个单元格。');
      const { page } = req.query;
      const value = layout.value ?? 0;
      const back = (
        <p>
          <a href={`/console/reports/${r.id}?read=1`}>
            返回 {r.org_name} {r.year} 年度报告
          </a>
        </p>
      );
      const title = `${layout.aria ?? field}：${value}`;
      if (r.source !== 'computed')
        return reply.page(
          <ConsoleLayout view={reply.view()} title={title}>
            {back}
            <Empty>
              本报告的数字为{REPORT_SOURCE[r.source as keyof typeof REPORT_SOURCE] ?? '手工录入'}
              ，此数不来自系统中的逐条记录。
            </Empty>
          </ConsoleLayout>,
        );
      const org = { id: r.org_id, path: r.org_path, name: r.org_name };
      const res = await recordsForCell(req.ctx, org, r.year, cell, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
      return reply.page(
        <ConsoleLayout view={reply.view()} title={title} wide>
          {back}
          {!res ? (
            <Empty>此数不来自系统中的逐条记录（数据来源尚未接入）。</Empty>
          ) : 'entered' in res ? (
            <p role="status">
              {res.entered}
              {res.href ? (
                <>
                  {' '}
                  <a href={res.href}>查看录入的数字</a>
                </>
              ) : null}
            </p>
          ) : (
            <>
              {res.total !== value ? (
                <p class="warning" role="status">
                  报告生成后记录有变化：现有 {res.total} 条{res.what}计入此数，报告中为 {value}。
                </p>
              ) : null}
              {res.rows.length ? (
                <div class="table-wrap">
                  <table>
                    <caption>计入此数的{res.what}（申请人个人信息已遮蔽）</caption>
                    <thead>
                      <tr>
                        {res.columns.map((c) => (
                          <th scope="col">{c}</th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {res.rows.map((x) => (
                        <tr>
                          <td>
                            <a href={x.href}>{x.cells[0]}</a>
                          </td>
                          {x.cells.slice(1).map((c) => (
                            <td>{c}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : (
                <Empty>没有计入此数的记录。</Empty>
              )}
              <Pagination
                page={page}
                total={res.total}
                perPage={PER_PAGE}
                baseUrl={`/console/reports/${r.id}/cell/${field}`}
              />
            </>
          )}
        </ConsoleLayout>,
      );
    },
  );
}
