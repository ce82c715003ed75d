/** The orders of item lists: their names as offered, and the columns each sorts by. */

/** Orders of a public list: 发布日期 newest or oldest first, 成文日期 newest first, 名称. */
export const PUBLIC_SORTS = {
  date: '发布日期（新→旧）',
  'date-asc': '发布日期（旧→新）',
  written: '成文日期（新→旧）',
  title: '名称',
} as const;
export type PublicSort = keyof typeof PUBLIC_SORTS;
export const isPublicSort = (s: unknown): s is PublicSort => typeof s === 'string' && Object.hasOwn(PUBLIC_SORTS, s);

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

/**
 * The columns of an order, each with its direction and whether rows without a value come last; the id
 * breaks ties in the direction of the last column.
 */
export type ItemOrder = ReadonlyArray<readonly [column: string, dir: 'asc' | 'desc', nullsLast?: true]>;

export const PUBLIC_ORDERS: Record<PublicSort, ItemOrder> = {
  date: [['items.published_on', 'desc']],
  'date-asc': [['items.published_on', 'asc']],
  written: [['items.written_on', 'desc']],
  title: [['items.title', 'asc']],
};

export const STAFF_ORDERS: Record<StaffItemSort, ItemOrder> = {
  updated: [['items.updated_at', 'desc']],
  created: [['items.created_on', 'desc']],
  'created-asc': [['items.created_on', 'asc']],
  published: [['items.published_on', 'desc', true]],
  index: [['items.index_no', 'asc']],
};
