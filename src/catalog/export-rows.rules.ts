/**
 * The catalogue as a table (条例第十二条 目录: 索引、名称、内容概述、生成日期 …), for CSV/XLSX export and
 * open data. The columns match the import so that an export can be imported elsewhere.
 */
import type { ItemWithOrg } from './catalog.store.js';
import { isItemStatus, STATUS_LABELS } from './item-workflow.rules.js';
import { displayDocNumber } from './doc-number.rules.js';

/** Public columns. */
export const EXPORT_HEADER = [
  '索引号',
  '名称',
  '内容概述',
  '发文字号',
  '成文日期',
  '生成日期',
  '发布日期',
  '主题分类',
  '体裁',
  '目录分类',
  '主题词',
  '有效性',
  '发布机构',
];

/** Rows of published items for the public (no staff data). */
export function publicCatalogRows(rows: readonly ItemWithOrg[]): string[][] {
  return [
    EXPORT_HEADER,
    ...rows.map((r) => [
      r.index_no,
      r.title,
      r.summary ?? '',
      displayDocNumber(r.doc_no) ?? '',
      r.written_on ?? '',
      r.created_on,
      r.published_on ?? '',
      r.topic ?? '',
      r.genre,
      r.category_name ?? '',
      r.keywords ?? '',
      r.validity,
      r.org_name,
    ]),
  ];
}

/** Rows for staff: the public columns plus the workflow status. */
export function staffCatalogRows(rows: readonly ItemWithOrg[]): string[][] {
  const [head, ...body] = publicCatalogRows(rows);
  return [
    [...(head as string[]), '状态'],
    ...body.map((b, i) => [...b, isItemStatus(rows[i]!.status) ? STATUS_LABELS[rows[i]!.status] : rows[i]!.status]),
  ];
}
