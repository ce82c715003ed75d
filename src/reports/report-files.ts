import { exportReportDocx } from './export-docx.js';
import { exportReportXlsx } from './export-xlsx.js';
import { rowTables, type ReportListRow } from './reports.store.js';
import { reportTitle } from './report-title.rules.js';

const paras = (s: string): string[] =>
  s
    .split(/\n+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** A report as a download: DOCX (official layout) or XLSX (three tables). */
export async function reportFile(
  r: ReportListRow,
  kind: 'docx' | 'xlsx',
): Promise<{ data: Buffer; type: string; filename: string }> {
  const title = reportTitle(r);
  if (kind === 'docx')
    return {
      data: await exportReportDocx(rowTables(r), {
        title,
        overview: paras(r.overview),
        problems: paras(r.problems),
        other: paras(r.other),
      }),
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      filename: `${title}.docx`,
    };
  return {
    data: await exportReportXlsx(rowTables(r), title),
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: `${title}.xlsx`,
  };
}
