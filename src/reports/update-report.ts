import type { Ctx } from '../platform/context.js';
import { invalidFields } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import type { ReportTables } from './report-format.rules.js';
import { REPORT_EDIT_ROLES, REPORT_REVIEW_ROLES } from './report-workflow.rules.js';
import { sameNumbers, validTablesShape } from './tables-input.rules.js';
import { authorizeReportFirst, reportForAction } from './report-access.js';
import { rowTables, updateReportRow } from './reports.store.js';

/** Changes to a report's numbers or narrative sections (一, 五, 六). */
export interface UpdateReportInput {
  id: number;
  tables?: ReportTables;
  overview?: string;
  problems?: string;
  other?: string;
}

const MAX_TEXT = 20_000;

/** Edits a draft, returned or historical report (agency staff; the supervising office for historical ones). */
export async function updateReport(ctx: Ctx, input: UpdateReportInput): Promise<void> {
  await authorizeReportFirst(ctx, input.id, [...REPORT_EDIT_ROLES, ...REPORT_REVIEW_ROLES]);
  const errors = [];
  if (input.tables && !validTablesShape(input.tables))
    errors.push({ code: 'tables_invalid', field: 'tables', message: '报告表格数据不完整或格式不正确。' });
  for (const [f, name] of [
    ['overview', '总体情况'],
    ['problems', '存在的主要问题及改进情况'],
    ['other', '其他需要报告的事项'],
  ] as const)
    if ((input[f]?.length ?? 0) > MAX_TEXT)
      errors.push({ code: 'text_too_long', field: f, message: `“${name}”不能超过 ${MAX_TEXT} 字。` });
  if (errors.length) throw invalidFields(errors);
  await tx(ctx, async (trx) => {
    const r = await reportForAction(trx, ctx, input.id, 'edit', [...REPORT_EDIT_ROLES, ...REPORT_REVIEW_ROLES]);
    if (input.tables && input.tables.format !== r.format)
      throw invalidFields([{ code: 'format_mismatch', field: 'tables', message: '表格格式与报告格式不一致。' }]);
    // The form always sends the numbers: only changed numbers make a computed report an entered one.
    const tables = input.tables && !sameNumbers(input.tables, rowTables(r)) ? input.tables : undefined;
    await updateReportRow(trx, r.id, {
      ...(tables
        ? { tables_json: JSON.stringify(tables), source: r.source === 'computed' ? 'entered' : r.source }
        : {}),
      ...(input.overview !== undefined ? { overview: input.overview } : {}),
      ...(input.problems !== undefined ? { problems: input.problems } : {}),
      ...(input.other !== undefined ? { other: input.other } : {}),
      updated_at: ctx.now().toISOString(),
    });
    const what = [
      tables ? '表格数字' : '',
      input.overview !== undefined || input.problems !== undefined || input.other !== undefined ? '文字部分' : '',
    ]
      .filter(Boolean)
      .join('、');
    await writeAudit(trx, ctx, {
      action: 'report.update',
      subjectType: 'annual_report',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `修改「${r.org_name}」${r.year}年度报告的${what || '内容'}`,
    });
  });
}
