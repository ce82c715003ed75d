/**
 * The release package, pure (条例第三十六条第（二）项: the information itself is provided; 第三十七条:
 * the separable rest of a partly exempt document). A second person approves the package before the
 * applicant sees it (as the catalogue's review): nobody approves a package in which they attached or
 * redacted a document. The applicant may download for a number of days set per agency.
 */
import { addDays } from '../../platform/dates.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { REDACTION_REASONS, type RedactionBox } from './redaction.rules.js';

/** File kinds a package takes, by sniffed extension. */
export const RELEASE_KINDS: Readonly<Record<string, { kind: string; mime: string }>> = {
  pdf: { kind: 'pdf', mime: 'application/pdf' },
  docx: { kind: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  jpg: { kind: 'jpeg', mime: 'image/jpeg' },
  png: { kind: 'png', mime: 'image/png' },
};
export const mimeOfKind = (kind: string): string =>
  Object.values(RELEASE_KINDS).find((k) => k.kind === kind)?.mime ?? 'application/octet-stream';

/** Kinds whose released copy the system can make today. */
export const REDACTABLE_KINDS: readonly string[] = ['pdf', 'jpeg', 'png', 'docx'];

/** Largest file accepted, bytes. */
export const RELEASE_MAX_BYTES = 50 * 2 ** 20;

/** Checks an upload: a kind we take, not empty, not too large, something it answers. */
export function checkReleaseUpload(input: { filename: string; size: number; ext: string | null; answers: string }): {
  kind: string;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const k = input.ext ? RELEASE_KINDS[input.ext] : undefined;
  if (input.size === 0)
    errors.push({ code: 'release_file_missing', message: '请选择要提供给申请人的文件。', field: 'file' });
  else if (!k)
    errors.push({
      code: 'release_file_kind',
      message: `文件“${input.filename}”不是PDF、DOCX、JPEG或PNG文件。`,
      field: 'file',
    });
  else if (input.size > RELEASE_MAX_BYTES)
    errors.push({
      code: 'release_file_size',
      message: `文件“${input.filename}”超过 ${RELEASE_MAX_BYTES / 2 ** 20} MB。`,
      field: 'file',
    });
  if (!input.answers.trim())
    errors.push({ code: 'release_answers', message: '请写明该文件答复的是申请的哪一部分内容。', field: 'answers' });
  else if (input.answers.length > 500)
    errors.push({ code: 'release_answers', message: '“答复内容”不超过500字。', field: 'answers' });
  return { kind: k?.kind ?? '', errors };
}

/** The reason codes of some boxes, in the list's order. */
export const reasonsOf = (boxes: readonly RedactionBox[]): string[] =>
  REDACTION_REASONS.map((r) => r.code).filter((c) => boxes.some((b) => b.reason === c));

/** The people who prepared a package: who attached or redacted any document. */
export interface PreparedDoc {
  created_by: number | null;
  redacted_by: number | null;
  released_sha256: string | null;
  filename: string;
}

/** Checks that `approver` may approve these documents; throws `conflict` / `forbidden` with Chinese messages. */
export function checkApproval(docs: readonly PreparedDoc[], approver: number): void {
  if (docs.length === 0) throw new AppError('conflict', { code: 'release_empty', message: '提供材料为空，无需审核。' });
  const missing = docs.filter((d) => !d.released_sha256);
  if (missing.length)
    throw new AppError('conflict', {
      code: 'release_copy_missing',
      message: `以下文件尚未生成提供给申请人的文本：${missing.map((d) => d.filename).join('、')}。`,
    });
  if (docs.some((d) => d.created_by === approver || d.redacted_by === approver))
    throw new AppError('forbidden', {
      code: 'release_same_person',
      message: '提供材料须由添加或遮盖文件之外的另一人审核（审核与办理分离）。',
    });
}

/** Default download period, days. */
export const DEFAULT_RELEASE_DAYS = 30;

/** The setting key of an agency's download period. */
export const releaseDaysKey = (orgId: number): string => `requests.release_days.${orgId}`;

/** The stored period, or the default for a missing or bad value. */
export function releaseDays(stored: string | undefined): number {
  const n = Number(stored);
  return Number.isInteger(n) && n >= 1 && n <= 365 ? n : DEFAULT_RELEASE_DAYS;
}

/** The last day the applicant may download: `days` days from the approval day (inclusive of that day). */
export const availableUntil = (approvedOn: string, days: number): string => addDays(approvedOn, days - 1);

/** Whether the package is open to the applicant on `today`. */
export const releaseOpen = (until: string | null | undefined, today: string): boolean => !!until && today <= until;

/** A document as the answer sees it. */
export interface AnsweredDoc {
  filename: string;
  answers: string;
  reasons: string;
  redacted_at: string | null;
}

/**
 * 第三十七条: a case whose package has redacted documents is answered 部分公开 (table 三 row （二）), unless
 * staff choose another outcome and say why.
 */
export function checkReleaseOutcome(
  outcome: string,
  docs: readonly AnsweredDoc[],
  otherwiseBecause: string,
): FieldError[] {
  if (outcome === '2' || !docs.some((d) => d.redacted_at && d.reasons)) return [];
  if (otherwiseBecause.trim()) return [];
  return [
    {
      code: 'release_partial_expected',
      message:
        '提供材料中有作区分处理（遮盖）的文件，答复结果应为“部分公开”（第三十七条）；如选择其他结果，请写明理由。',
      field: 'outcomeReason',
    },
  ];
}

/** The list of documents for the 答复书: each with what it answers and the grounds of its redactions. */
export function releaseListText(docs: readonly AnsweredDoc[]): string {
  if (!docs.length) return '';
  const lines = docs.map((d, i) => {
    const grounds = d.redacted_at
      ? d.reasons
          .split(',')
          .filter(Boolean)
          .map((c) => REDACTION_REASONS.find((r) => r.code === c)?.label ?? c)
      : [];
    return `${i + 1}. ${d.filename}（${d.answers}）${grounds.length ? `，已作区分处理，不予公开部分的理由：${grounds.join('；')}` : ''}`;
  });
  return `提供的政府信息：\n${lines.join('\n')}`;
}
