/**
 * Who sees what in the catalogue console (谁公开谁审核: each agency's staff within its subtree).
 */

/** Roles that may see an agency's items in the console. */
export const CATALOG_VIEWERS = [
  'editor',
  'agency_admin',
  'secrecy_reviewer',
  'legality_reviewer',
  'approver',
  'supervisor',
] as const;

/** Roles with a review queue (我的待办), and the editor's returned items. */
export const CATALOG_QUEUE_ROLES = [
  'editor',
  'agency_admin',
  'secrecy_reviewer',
  'legality_reviewer',
  'approver',
] as const;

/** Roles that create and edit items (信息采编). */
export const ITEM_WRITERS = ['editor', 'agency_admin'] as const;
