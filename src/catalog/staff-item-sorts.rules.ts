/** Orders of the console's item list: last change first (the default), 生成日期 either way, 发布日期, 索引号. */
export const STAFF_ITEM_SORTS = {
  updated: '最近修改（新→旧）',
  created: '生成日期（新→旧）',
  'created-asc': '生成日期（旧→新）',
  published: '发布日期（新→旧，未发布的在后）',
  index: '索引号',
} as const;
export type StaffItemSort = keyof typeof STAFF_ITEM_SORTS;
export const STAFF_ITEM_SORT_KEYS = Object.keys(STAFF_ITEM_SORTS) as StaffItemSort[];
