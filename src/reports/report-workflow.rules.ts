/**
 * The annual report's workflow and statutory dates (条例第四十九条: 县级以上人民政府部门 submit to the
 * 本级政府信息公开工作主管部门 and publish last year's report by 1月31日; the 主管部门 of 县级以上地方人民政府
 * publish the 本级政府 report by 3月31日; before the 2019 revision all reports were due by 3月31日).
 */
import type { IsoDate } from '../platform/dates.js';

/** Report states. */
export const REPORT_STATUS = {
  draft: '草稿',
  submitted: '已报送，待审核',
  returned: '已退回修改',
  accepted: '审核通过，待发布',
  published: '已发布',
  archived: '历史报告（录入）',
} as const;
export type ReportStatus = keyof typeof REPORT_STATUS;
/** True for a known status. */
export const isReportStatus = (s: string): s is ReportStatus => Object.prototype.hasOwnProperty.call(REPORT_STATUS, s);

/** Where the numbers came from. */
export const REPORT_SOURCE = { computed: '由系统记录生成', entered: '手工录入', imported: '从文件导入' } as const;
export type ReportSourceKind = keyof typeof REPORT_SOURCE;

/** Roles that draft and submit an agency's report. */
export const REPORT_EDIT_ROLES = ['agency_admin', 'editor'] as const;
/** Roles of the supervising office (政府信息公开工作主管部门) that review and publish. */
export const REPORT_REVIEW_ROLES = ['supervisor'] as const;
/** Roles that may read reports in the console. */
export const REPORT_VIEW_ROLES = ['agency_admin', 'editor', 'supervisor', 'approver'] as const;

/** Actions on a report. */
export type ReportAction = 'edit' | 'submit' | 'accept' | 'return' | 'publish';

const FROM: Record<ReportAction, readonly ReportStatus[]> = {
  edit: ['draft', 'returned', 'archived'],
  submit: ['draft', 'returned'],
  accept: ['submitted'],
  return: ['submitted', 'accepted'],
  publish: ['accepted'],
};

/** Whether the action is allowed in the status. */
export const actionAllowed = (status: string, action: ReportAction): boolean =>
  isReportStatus(status) && FROM[action].includes(status);

const AFTER: Record<Exclude<ReportAction, 'edit'>, ReportStatus> = {
  submit: 'submitted',
  accept: 'accepted',
  return: 'returned',
  publish: 'published',
};
/** The status after an action. */
export const statusAfter = (action: Exclude<ReportAction, 'edit'>): ReportStatus => AFTER[action];

/** Org kinds whose report is a government's (本级政府) report, due by 3月31日. */
const GOVERNMENT_KINDS = new Set(['province', 'city', 'county']);

/** The statutory publication deadline of the report for `year`, for an organisation of `orgKind`. */
export function reportDeadline(year: number, orgKind: string): IsoDate {
  if (year <= 2018 || GOVERNMENT_KINDS.has(orgKind)) return `${year + 1}-03-31`;
  return `${year + 1}-01-31`;
}

/** The article a deadline rests on, for display. */
export const deadlineBasis = (year: number, orgKind: string): string =>
  year <= 2018
    ? '2007年《条例》第三十一条'
    : GOVERNMENT_KINDS.has(orgKind)
      ? '《条例》第四十九条第二款'
      : '《条例》第四十九条第一款';

/**
 * 第五十条: the report covers a whole year, so it can be submitted or published only once the year has
 * ended (from 1 January of the next year, Beijing time). Returns the refusal message, or null.
 */
export function yearNotEnded(year: number, today: IsoDate): string | null {
  return today < `${year + 1}-01-01`
    ? `${year}年尚未结束，年度报告须在${year + 1}年1月1日以后报送、发布（条例第五十条：报告全年情况）。`
    : null;
}

/** Late: published after the deadline, or not yet published and the deadline has passed (dates in Beijing time). */
export function isLate(deadline: IsoDate, publishedOn: IsoDate | null, today: IsoDate): boolean {
  return publishedOn ? publishedOn > deadline : today > deadline;
}
