/**
 * An agency's 公开目录 categories (条例第十二条: the 目录 and its 编排体系 are kept up to date by the agency).
 */
import type { FieldError } from '../platform/errors.js';

/** Roles that may edit an agency's category tree. */
export const CATEGORY_EDITORS = ['agency_admin'] as const;

/** Validates a category name against its siblings. */
export function validateCategoryName(name: string, siblings: readonly string[]): FieldError[] {
  const n = name.trim();
  if (!n) return [{ code: 'category_name_required', message: '请填写分类名称。', field: 'name' }];
  if (n.length > 30) return [{ code: 'category_name_too_long', message: '分类名称不能超过 30 个字。', field: 'name' }];
  if (siblings.includes(n))
    return [{ code: 'category_name_taken', message: `同一级已有名为“${n}”的分类。`, field: 'name' }];
  return [];
}
