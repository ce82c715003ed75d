import type { FastifyReply } from 'fastify';
import { contentDisposition } from './content-disposition.js';
import { toCsv } from '../csv.js';

/** Formats a list page can be downloaded in. */
export const TABLE_FORMATS = ['csv', 'xlsx'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/**
 * Sends a list as shown (header row first) as CSV (UTF-8 with BOM, opens in Excel and WPS) or XLSX (dates as
 * dates, printable; exceljs is loaded only for an XLSX). `name` without extension, e.g. `留言列表-2026-12-05`.
 */
export async function sendTable(
  reply: FastifyReply,
  table: string[][],
  name: string,
  format: TableFormat = 'csv',
  sheet = '列表',
): Promise<FastifyReply> {
  if (format === 'xlsx') {
    const { tableXlsx } = await import('../office/xlsx-table.js');
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition(`${name}.xlsx`))
      .send(await tableXlsx(table, sheet));
  }
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', contentDisposition(`${name}.csv`))
    .send(toCsv(table));
}
