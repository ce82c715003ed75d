import type { FastifyInstance } from 'fastify';
import { assertAllowed } from '../guard.js';
import { Form, OptChoice, OptInt, typed } from '../../platform/http/schemas.js';
import { tx } from '../../platform/tx.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { sendTable, TABLE_FORMATS } from '../../platform/http/table-download.js';
import { isProvisionalDate } from '../../calendar/index.js';
import {
  requestScopes,
  seesPersonalData,
  parseRequestListQuery,
  requestExportRows,
  RequestListFields,
} from '../../requests/index.js';
import { runRequestList } from './request-list-query.js';

/** Most rows one export carries. */
export const EXPORT_LIMIT = 5000;

/** The list's query (as on the list page), `?org=` and the file format (CSV unless XLSX is asked for). */
const ExportQuery = Form({
  ...RequestListFields,
  org: OptInt('机构'),
  format: OptChoice('格式', TABLE_FORMATS),
});

/** Console: the request list as shown (queue, search, filters, order; every page) as CSV or XLSX. */
export async function requestsExportRoutes(app: FastifyInstance): Promise<void> {
  typed(app).get('/console/requests/export', { schema: { querystring: ExportQuery } }, async (req, reply) => {
    assertAllowed(requestScopes(req.actor).length > 0);
    const { query } = parseRequestListQuery(req.query);
    const { rows, total, day, cal } = await runRequestList(req, query, { limit: EXPORT_LIMIT, offset: 0 });
    const table = requestExportRows(
      rows,
      (r) => seesPersonalData(req.actor, r.org_path, r.handler_id),
      (d) => isProvisionalDate(cal, d),
    );
    const xlsx = req.query.format === 'xlsx';
    const clear = rows.filter((r) => seesPersonalData(req.actor, r.org_path, r.handler_id)).length;
    await tx(req.ctx, (trx) =>
      writeAudit(trx, req.ctx, {
        action: 'request.export',
        subjectType: 'request',
        summary: `导出申请列表（${xlsx ? 'XLSX' : 'CSV'}）：${rows.length} 件${total > rows.length ? `（共 ${total} 件，超出部分未导出）` : ''}，其中 ${clear} 件显示申请人姓名`,
      }),
    );
    const name = `依申请公开申请列表-${day}`;
    return sendTable(reply, table, name, req.query.format, '申请列表');
  });
}
