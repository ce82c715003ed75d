import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { Empty } from '../../platform/views/components.js';
import { notFound } from '../../platform/errors.js';
import type { ReportListRow } from '../../reports/reports.store.js';
import { rowTables } from '../../reports/reports.store.js';
import { recordsForCell } from '../../reports/report-source.js';
import { reportLayouts } from '../../reports/table-layout.js';

/** Console: the records counted in one number of a computed report. */
export async function reportCellRoutes(app: FastifyInstance, load: (req: FastifyRequest) => Promise<ReportListRow>): Promise<void> {
  app.get('/console/reports/:id/cell/:field', async (req, reply) => {
    const r = await load(req);
    const field = (req.params as { field: string }).field;
    const cell = reportLayouts(rowTables(r))
      .flatMap((l) => l.rows.flat())
      .find((c) => c.name === field);
    if (!cell) throw notFound('cell_not_found', '报告中没有这个单元格。');
    const { records, answered } = await recordsForCell(req.ctx, { id: r.org_id, path: r.org_path, name: r.org_name }, r.year, field);
    return reply.page(
      <ConsoleLayout view={reply.view()} title={`${cell.aria ?? field}：${cell.text || 0}`}>
        <p>
          <a href={`/console/reports/${r.id}`}>返回 {r.org_name} {r.year} 年度报告</a>
        </p>
        {records.length ? (
          <ol>
            {records.map((x) => (
              <li>
                <a href={x.href}>{x.label}</a>
              </li>
            ))}
          </ol>
        ) : (
          <Empty>{answered ? '没有计入此数的记录。' : '此数不来自系统中的逐条记录（数据来源尚未接入或为录入数）。'}</Empty>
        )}
      </ConsoleLayout>,
    );
  });
}
