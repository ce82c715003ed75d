import type { Ctx } from '../platform/context.js';
import { conflict, forbidden, invalidFields, notFound } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { todayInShanghai } from '../platform/dates.js';
import { authorizeOrgFirst, getOrg, rolesAllow } from '../orgs/index.js';
import { FORMAT_NAMES, type ReportFormat, type ReportTables } from './report-format.rules.js';
import {
  REPORT_EDIT_ROLES,
  REPORT_REVIEW_ROLES,
  REPORT_SOURCE,
  type ReportSourceKind,
} from './report-workflow.rules.js';
import { validTablesShape } from './tables-input.rules.js';
import { computeTables } from './report-source.js';
import { overviewDraft, otherDraft } from './narrative.rules.js';
import { findReport, insertReport, rowTables } from './reports.store.js';

/** Input: compute from the records, or take given tables (entered or imported); `history` = an earlier year's published report. */
export interface CreateReportInput {
  orgId: number;
  year: number;
  tables?: ReportTables;
  source?: Exclude<ReportSourceKind, 'computed'>;
  history?: boolean;
}

/** The format of a year's report: 2021 format from the 2021 reports, 2019 format for 2019 and 2020. */
export const formatForYear = (year: number): ReportFormat => (year >= 2021 ? '2021' : '2019');

/** Creates an organisation's report for a year (one per year), computed from the records or from given tables. */
export async function createReport(ctx: Ctx, input: CreateReportInput): Promise<{ id: number }> {
  await authorizeOrgFirst(ctx, input.orgId, (a, path) =>
    rolesAllow(a, input.history ? [...REPORT_EDIT_ROLES, ...REPORT_REVIEW_ROLES] : REPORT_EDIT_ROLES, path),
  ); // before the fields
  const thisYear = Number(todayInShanghai(ctx.now()).slice(0, 4));
  const errors = [];
  if (!Number.isInteger(input.year) || input.year < 2019 || input.year > thisYear)
    errors.push({
      code: 'year_invalid',
      field: 'year',
      message: `年度应为 2019 至 ${thisYear} 之间的年份（2018 年及以前的年度请录入《政府信息公开情况统计表》）。`,
    });
  if (input.tables && !validTablesShape(input.tables))
    errors.push({ code: 'tables_invalid', field: 'tables', message: '报告表格数据不完整或格式不正确。' });
  if (
    input.tables &&
    Number.isInteger(input.year) &&
    input.tables.format !== formatForYear(input.year) &&
    !input.history
  )
    errors.push({
      code: 'format_mismatch',
      field: 'tables',
      message: `${input.year} 年度报告应使用${FORMAT_NAMES[formatForYear(input.year)]}。`,
    });
  if (!input.tables && input.history)
    errors.push({ code: 'tables_missing', field: 'file', message: '录入历史报告需要提供表格数据或报告文件。' });
  if (errors.length) throw invalidFields(errors);
  return tx(ctx, async (trx) => {
    const org = await getOrg(trx, input.orgId);
    if (!org) throw notFound('org_not_found', '机构不存在。');
    const roles = input.history ? [...REPORT_EDIT_ROLES, ...REPORT_REVIEW_ROLES] : REPORT_EDIT_ROLES;
    if (ctx.actor.kind !== 'system' && !rolesAllow(ctx.actor, roles, org.path)) throw forbidden();
    // 条例第四十九条: the administrative organ reports; its internal sections (内设机构) are no 报送单位.
    if (org.kind === 'section')
      throw invalidFields([
        {
          code: 'report_org_section',
          field: 'orgId',
          message: `${org.name}是内设机构，不单独编制年度报告，请选择其所属机关。`,
        },
      ]);
    if (await findReport(trx, org.id, input.year))
      throw conflict('report_exists', `${org.name} ${input.year} 年度报告已存在。`, 'year');
    const format = input.tables?.format ?? formatForYear(input.year);
    const prevRow = await findReport(trx, org.id, input.year - 1);
    const previous = prevRow ? rowTables(prevRow) : null;
    const computed = input.tables ? null : await computeTables({ ...ctx, db: trx }, org, input.year, format, previous);
    const tables = input.tables ?? computed!.tables;
    const source: ReportSourceKind = input.tables ? (input.source ?? 'entered') : 'computed';
    const now = ctx.now().toISOString();
    const id = await insertReport(trx, {
      org_id: org.id,
      year: input.year,
      format,
      status: input.history ? 'archived' : 'draft',
      source,
      tables_json: JSON.stringify(tables),
      overview: input.history ? '' : overviewDraft(tables, input.year, org.name),
      problems: '',
      other: input.history ? '' : otherDraft(input.year, computed?.fees ?? null),
      review_comment: null,
      submitted_at: null,
      reviewed_at: null,
      reviewed_by: null,
      published_at: null,
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    });
    await writeAudit(trx, ctx, {
      action: 'report.create',
      subjectType: 'annual_report',
      subjectId: id,
      orgId: org.id,
      summary: `新建「${org.name}」${input.year}年度政府信息公开工作年度报告（${REPORT_SOURCE[source]}${input.history ? '，历史报告' : ''}）`,
    });
    return { id };
  });
}
