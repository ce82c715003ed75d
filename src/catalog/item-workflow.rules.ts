/**
 * The review-before-publication workflow (先审核后公开, 谁公开谁审核), one closed state model.
 *
 * 条例第十七条: information is reviewed for secrets (保密审查) before it is disclosed.
 * 规范性文件 need a 合法性审查 (《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》,
 * 国办发〔2018〕115号) and agencies may require one for other items. A leader signs (领导签发) and the
 * item is published now or on a scheduled date. An author never approves or signs their own item.
 */
import type { Actor } from '../platform/context.js';
import { conflict, forbidden, invalid } from '../platform/errors.js';
import { rolesAllow } from '../orgs/index.js';

/** Every state an item can be in. */
export type ItemStatus =
  'draft' | 'secrecy_review' | 'legality_review' | 'approval' | 'scheduled' | 'published' | 'returned' | 'withdrawn';

/** Chinese labels of the states. */
export const STATUS_LABELS: Readonly<Record<ItemStatus, string>> = {
  draft: '草稿',
  secrecy_review: '保密审查中',
  legality_review: '合法性审查中',
  approval: '待领导签发',
  scheduled: '已签发，定时发布',
  published: '已发布',
  returned: '已退回修改',
  withdrawn: '已撤回',
};

export const ITEM_STATUSES = Object.keys(STATUS_LABELS) as ItemStatus[];
export const isItemStatus = (s: string): s is ItemStatus => Object.prototype.hasOwnProperty.call(STATUS_LABELS, s);

/** Every action of the workflow. */
export type ItemAction =
  | 'edit'
  | 'submit'
  | 'approve'
  | 'return'
  | 'publish'
  | 'schedule'
  | 'release'
  | 'withdraw'
  | 'correct'
  | 'set_validity';

/** Chinese labels of the actions (buttons and history). */
export const ACTION_LABELS: Readonly<Record<ItemAction, string>> = {
  edit: '修改',
  submit: '提交审核',
  approve: '审核通过',
  return: '退回修改',
  publish: '签发并立即发布',
  schedule: '签发并定时发布',
  release: '到期自动发布',
  withdraw: '撤回',
  correct: '勘误',
  set_validity: '变更有效性',
};

export const isItemAction = (s: string): s is ItemAction => Object.prototype.hasOwnProperty.call(ACTION_LABELS, s);

/** What the workflow needs to know about an item. */
export interface WorkflowItem {
  status: ItemStatus;
  /** 规范性文件, 规章, or the agency requires a 合法性审查. */
  needsLegality: boolean;
  authorId: number | null;
  orgPath: string;
  /** Who already performed which review stage of this item (from its history). */
  stagesDone?: ReadonlyArray<{ stage: ReviewStage; userId: number }>;
  /** Everyone who created, edited or submitted the item (used by the strict separation of duties). */
  contributorIds?: readonly number[];
  /** The agency (or one above it) chose the strict separation of duties. */
  strictSeparation?: boolean;
}

/** The three review stages of an item; one person may perform only one of them (separation of duties). */
export type ReviewStage = 'secrecy' | 'legality' | 'sign';
export const STAGE_LABELS: Readonly<Record<ReviewStage, string>> = {
  secrecy: '保密审查',
  legality: '合法性审查',
  sign: '领导签发',
};

/** The review stage a transition performs, if it is one. */
export function stageOf(action: string, from: string): ReviewStage | null {
  if (action === 'approve' && from === 'secrecy_review') return 'secrecy';
  if (action === 'approve' && from === 'legality_review') return 'legality';
  if ((action === 'publish' || action === 'schedule') && from === 'approval') return 'sign';
  return null;
}

/** Actions that make someone a contributor of the item (for the strict separation of duties). */
export const CONTRIBUTING_ACTIONS: readonly string[] = ['create', 'import', 'edit', 'submit'];

/**
 * Separation of duties: nobody performs two review stages of one item. The rule is always on; an agency
 * may only make it stricter (`strictSeparation`: whoever created, edited or submitted the item reviews none of it).
 */
export function separationProblem(item: WorkflowItem, stage: ReviewStage, userId: number): string | null {
  const other = item.stagesDone?.find((d) => d.userId === userId && d.stage !== stage);
  if (other)
    return `职责分离：同一人不能承担同一信息的两个审核环节，您已对本信息进行了“${STAGE_LABELS[other.stage]}”。`;
  if (item.strictSeparation && item.contributorIds?.includes(userId))
    return '职责分离（本单位从严要求）：参与起草、修改或提交本信息的人员不能审核或签发。';
  return null;
}

interface Transition {
  action: ItemAction;
  from: ItemStatus;
  to: ItemStatus | ((item: WorkflowItem) => ItemStatus);
  /** Roles that may take it (sysadmin always may; the system actor may take any transition). */
  roles: readonly string[];
  /** The author of the item may not take it (no self-approval). */
  notAuthor?: boolean;
  /** A comment (reason, revision note) is required. */
  needsComment?: boolean;
}

const EDITORS = ['editor', 'agency_admin'] as const;
const AFTER_PUBLICATION = ['editor', 'approver', 'agency_admin'] as const;

/** The complete transition table. Anything not listed here is refused. */
export const TRANSITIONS: readonly Transition[] = [
  { action: 'edit', from: 'draft', to: 'draft', roles: EDITORS },
  { action: 'edit', from: 'returned', to: 'returned', roles: EDITORS },
  { action: 'submit', from: 'draft', to: 'secrecy_review', roles: EDITORS },
  { action: 'submit', from: 'returned', to: 'secrecy_review', roles: EDITORS },
  {
    action: 'approve',
    from: 'secrecy_review',
    to: (i) => (i.needsLegality ? 'legality_review' : 'approval'),
    roles: ['secrecy_reviewer'],
    notAuthor: true,
  },
  { action: 'return', from: 'secrecy_review', to: 'returned', roles: ['secrecy_reviewer'], needsComment: true },
  { action: 'approve', from: 'legality_review', to: 'approval', roles: ['legality_reviewer'], notAuthor: true },
  { action: 'return', from: 'legality_review', to: 'returned', roles: ['legality_reviewer'], needsComment: true },
  { action: 'publish', from: 'approval', to: 'published', roles: ['approver'], notAuthor: true },
  { action: 'schedule', from: 'approval', to: 'scheduled', roles: ['approver'], notAuthor: true },
  { action: 'return', from: 'approval', to: 'returned', roles: ['approver'], needsComment: true },
  { action: 'release', from: 'scheduled', to: 'published', roles: [] },
  { action: 'withdraw', from: 'scheduled', to: 'withdrawn', roles: ['approver', 'agency_admin'], needsComment: true },
  { action: 'withdraw', from: 'published', to: 'withdrawn', roles: ['approver', 'agency_admin'], needsComment: true },
  { action: 'correct', from: 'published', to: 'published', roles: AFTER_PUBLICATION, needsComment: true },
  { action: 'set_validity', from: 'published', to: 'published', roles: AFTER_PUBLICATION },
];

/** The review step a state belongs to, recorded on the item (console only). */
export const REVIEW_STEP: Partial<Record<ItemStatus, 'secrecy_reviewer' | 'legality_reviewer' | 'approver'>> = {
  secrecy_review: 'secrecy_reviewer',
  legality_review: 'legality_reviewer',
  approval: 'approver',
};

function find(item: WorkflowItem, action: ItemAction): Transition | undefined {
  return TRANSITIONS.find((t) => t.action === action && t.from === item.status);
}

function permitted(t: Transition, item: WorkflowItem, actor: Actor): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user' || t.roles.length === 0) return false;
  if (t.notAuthor && item.authorId != null && actor.userId === item.authorId) return false;
  const stage = stageOf(t.action, t.from);
  if (stage && actor.userId != null && separationProblem(item, stage, actor.userId)) return false;
  return rolesAllow(actor, t.roles, item.orgPath);
}

/** The longest comment a workflow step keeps (退回意见, 勘误说明, 撤回理由, a reviewer's remark). */
export const COMMENT_MAX_CHARS = 1000;

/**
 * The state after `action`, or an AppError: `item_transition_invalid` (409) when the state does not
 * allow it, `item_self_approval` / `forbidden` (403) for the wrong person, `item_comment_required` / `item_comment_too_long` (400).
 */
export function decide(item: WorkflowItem, action: ItemAction, actor: Actor, comment?: string | null): ItemStatus {
  const t = find(item, action);
  if (!t)
    throw conflict(
      'item_transition_invalid',
      `信息当前状态为“${STATUS_LABELS[item.status]}”，不能${ACTION_LABELS[action]}。`,
    );
  if (actor.kind === 'user' && t.notAuthor && item.authorId != null && actor.userId === item.authorId) {
    throw forbidden('item_self_approval', '谁公开谁审核：作者不能审核或签发自己编写的信息。');
  }
  const stage = stageOf(t.action, t.from);
  const separation =
    stage && actor.kind === 'user' && actor.userId != null ? separationProblem(item, stage, actor.userId) : null;
  if (separation) throw forbidden('item_duties_separated', separation);
  if (!permitted(t, item, actor)) throw forbidden('item_forbidden', `您没有“${ACTION_LABELS[action]}”的权限。`);
  const what = action === 'correct' ? '勘误说明' : action === 'withdraw' ? '撤回理由' : '退回意见';
  if (t.needsComment && !(comment ?? '').trim()) throw invalid('item_comment_required', `请填写${what}。`, 'comment');
  if ((comment ?? '').trim().length > COMMENT_MAX_CHARS)
    throw invalid(
      'item_comment_too_long',
      `${t.needsComment ? what : '意见'}不能超过 ${COMMENT_MAX_CHARS} 个字。`,
      'comment',
    );
  return typeof t.to === 'function' ? t.to(item) : t.to;
}

/**
 * Whether the actor holds a role that may take `action` on the item in some state: the check that comes before
 * any field is validated (issue 16); the state and separation of duties are decided afterwards by `decide`.
 */
export const mayAttempt = (item: WorkflowItem, action: ItemAction, actor: Actor): boolean =>
  TRANSITIONS.some((t) => t.action === action && permitted(t, item, actor));

/** Actions this actor may take on the item now (for buttons and the review queue). */
export function availableActions(item: WorkflowItem, actor: Actor): ItemAction[] {
  return TRANSITIONS.filter(
    (t) => t.from === item.status && t.action !== 'release' && actor.kind === 'user' && permitted(t, item, actor),
  ).map((t) => t.action);
}

/** States waiting for a reviewer holding `role`. */
export function statusesAwaiting(role: string): ItemStatus[] {
  return (Object.entries(REVIEW_STEP) as Array<[ItemStatus, string]>).filter(([, r]) => r === role).map(([s]) => s);
}

/** True only for the one state the public may ever see. */
export const isPublicStatus = (s: string): boolean => s === 'published';

/**
 * The one other way into the model: an existing catalogue imported from another system. Its items
 * were reviewed and published there, so they enter as `published` with their own 索引号 and 发布日期.
 * Only agency administrators may import.
 */
export const IMPORT_ROLES = ['agency_admin'] as const;
export const IMPORTED_STATUS: ItemStatus = 'published';
