/**
 * The yearly task table (任务分解表) of a supervising office, pure. 条例第三条第二款 and 第四条:
 * 各级人民政府的政府信息公开工作主管部门 “负责推进、指导、协调、监督” the agencies' disclosure work;
 * the office breaks its yearly plan (要点) into tasks, each with a responsible agency, a deadline and
 * the evidence required, and accepts or returns the agencies' reports.
 */
import { conflict, type FieldError } from '../platform/errors.js';
import { isValidIsoDate } from '../platform/dates.js';

/** Task states. */
export const TASK_STATES = { open: '未报送', reported: '待审核', returned: '已退回', accepted: '已验收' } as const;
export type TaskState = keyof typeof TASK_STATES;

/** Report states. */
export const REPORT_STATES = { submitted: '待审核', accepted: '已验收', returned: '已退回' } as const;

/** Roles that create, update, accept and return tasks (in their subtree). */
export const TASK_MANAGE_ROLES = ['supervisor'] as const;
/** Roles of the responsible agency that report progress. */
export const TASK_REPORT_ROLES = ['agency_admin', 'editor'] as const;
/** Roles that see tasks (the supervisor's subtree, or the responsible agency). */
export const TASK_VIEW_ROLES = ['supervisor', 'agency_admin', 'editor'] as const;

/** Label of a task state. */
/** Orders of the task list (and of its exports). */
export const TASK_SORTS = {
  number: '年度与序号',
  deadline: '完成时限（近→远）',
  state: '状态',
  org: '责任单位',
} as const;
export type TaskSort = keyof typeof TASK_SORTS;

export const taskStateLabel = (s: string): string => (Object.hasOwn(TASK_STATES, s) ? TASK_STATES[s as TaskState] : s);

/** What the supervisor enters for a task. */
export interface TaskInput {
  year: number | string;
  category: string;
  content: string;
  responsibleOrgId: number | null | undefined;
  departmentOrgId?: number | null;
  deadline: string;
  evidenceRequired: string;
}

/** Validated task columns. */
export interface TaskFields {
  year: number;
  category: string;
  content: string;
  responsible_org_id: number;
  department_org_id: number | null;
  deadline: string;
  evidence_required: string;
}

/** Validates a task; all errors at once, in Chinese, with field names. */
export function validateTask(input: TaskInput): { fields: TaskFields | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const year = Number(input.year);
  if (!Number.isInteger(year) || year < 2008 || year > 2100)
    errors.push({ code: 'task_year_invalid', message: '请填写正确的年度（如 2026）。', field: 'year' });
  const category = (input.category ?? '').trim();
  if (!category) errors.push({ code: 'task_category_required', message: '请填写任务类别。', field: 'category' });
  else if (category.length > 100)
    errors.push({ code: 'task_category_too_long', message: '任务类别不能超过 100 个字。', field: 'category' });
  const content = (input.content ?? '').trim();
  if (!content) errors.push({ code: 'task_content_required', message: '请填写任务内容。', field: 'content' });
  else if (content.length > 2000)
    errors.push({ code: 'task_content_too_long', message: '任务内容不能超过 2000 个字。', field: 'content' });
  if (!input.responsibleOrgId)
    errors.push({ code: 'task_org_required', message: '请选择责任单位。', field: 'responsibleOrgId' });
  const deadline = (input.deadline ?? '').trim();
  if (!isValidIsoDate(deadline))
    errors.push({
      code: 'task_deadline_invalid',
      message: '请填写正确的完成时限（格式：2026-06-30）。',
      field: 'deadline',
    });
  else if (!errors.some((e) => e.field === 'year') && (deadline < `${year}-01-01` || deadline > `${year + 1}-12-31`))
    // A year's plan may run into the next (the annual report of the year is due on 31 January).
    errors.push({
      code: 'task_deadline_out_of_year',
      message: `完成时限应在 ${year} 年度内或次年（${year}-01-01 至 ${year + 1}-12-31）。`,
      field: 'deadline',
    });
  const evidence = (input.evidenceRequired ?? '').trim();
  if (!evidence)
    errors.push({ code: 'task_evidence_required', message: '请填写佐证材料要求。', field: 'evidenceRequired' });
  else if (evidence.length > 1000)
    errors.push({
      code: 'task_evidence_too_long',
      message: '佐证材料要求不能超过 1000 个字。',
      field: 'evidenceRequired',
    });
  if (errors.length) return { fields: null, errors };
  return {
    fields: {
      year,
      category,
      content,
      responsible_org_id: input.responsibleOrgId as number,
      department_org_id: input.departmentOrgId ?? null,
      deadline,
      evidence_required: evidence,
    },
    errors,
  };
}

/** Overdue: the deadline has passed (today is after it) and the task is not accepted. */
export const isTaskOverdue = (t: { deadline: string; state: string }, today: string): boolean =>
  t.state !== 'accepted' && t.deadline < today;

/** Validates a progress report: text required; links one per line, http(s) or a site path. */
export function validateReport(input: { progress: string; links: string }): {
  fields: { progress: string; links: string } | null;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const progress = (input.progress ?? '').trim();
  if (!progress) errors.push({ code: 'report_progress_required', message: '请填写工作进展。', field: 'progress' });
  else if (progress.length > 4000)
    errors.push({ code: 'report_progress_too_long', message: '工作进展不能超过 4000 个字。', field: 'progress' });
  const links = (input.links ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const bad = links.filter((l) => !/^https?:\/\/\S+$/i.test(l) && !/^\/\S*$/.test(l));
  if (bad.length)
    errors.push({
      code: 'report_link_invalid',
      message: `佐证链接格式不正确：${bad[0].slice(0, 60)}（应以 http://、https:// 或 / 开头）。`,
      field: 'links',
    });
  if (links.length > 50)
    errors.push({ code: 'report_links_too_many', message: '佐证链接不能超过 50 条。', field: 'links' });
  return errors.length ? { fields: null, errors } : { fields: { progress, links: links.join('\n') }, errors };
}

/** Whether a report may be submitted now: a task not yet reported, or returned. */
export function assertCanReport(state: string): void {
  if (state !== 'open' && state !== 'returned')
    throw conflict('task_state_conflict', `任务当前状态为“${taskStateLabel(state)}”，不能报送进展。`);
}

/** Whether the supervisor may accept or return: only a reported task. */
export function assertCanReview(state: string): void {
  if (state !== 'reported')
    throw conflict('task_state_conflict', `任务当前状态为“${taskStateLabel(state)}”，没有待审核的进展。`);
}

/** Validates a return: a comment saying what is missing is required. */
export function validateReturnComment(comment: string): FieldError[] {
  const c = (comment ?? '').trim();
  if (!c) return [{ code: 'review_comment_required', message: '退回时请填写退回理由。', field: 'comment' }];
  if (c.length > 1000)
    return [{ code: 'review_comment_too_long', message: '退回理由不能超过 1000 个字。', field: 'comment' }];
  return [];
}

/** Progress of a set of tasks as of `today`. */
export interface TaskProgress {
  total: number;
  accepted: number;
  reported: number;
  overdue: number;
  /** Share accepted, one decimal, null without tasks. */
  acceptedRate: number | null;
}

/** Counts the progress of tasks as of `today`. */
export function taskProgress(tasks: ReadonlyArray<{ deadline: string; state: string }>, today: string): TaskProgress {
  const accepted = tasks.filter((t) => t.state === 'accepted').length;
  return {
    total: tasks.length,
    accepted,
    reported: tasks.filter((t) => t.state === 'reported').length,
    overdue: tasks.filter((t) => isTaskOverdue(t, today)).length,
    acceptedRate: tasks.length ? Math.round((accepted / tasks.length) * 1000) / 10 : null,
  };
}

/** The quarter [from, to] containing a date (季度通报 covers the year up to its quarter's end). */
export function quarterOf(date: string): { year: number; quarter: number; from: string; to: string } {
  const year = Number(date.slice(0, 4));
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  const lastMonth = quarter * 3;
  const lastDay = [31, 30, 30, 31][quarter - 1];
  return {
    year,
    quarter,
    from: `${year}-${String(lastMonth - 2).padStart(2, '0')}-01`,
    to: `${year}-${String(lastMonth).padStart(2, '0')}-${lastDay}`,
  };
}

/** Chinese quarter label: 第一季度 … 第四季度. */
export const quarterLabel = (q: number): string => `第${['一', '二', '三', '四'][q - 1] ?? q}季度`;
