/**
 * Rows of a catalogue import (CSV or XLSX). Each row is checked like a hand-entered item
 * (条例第十二条 目录 fields; 文号 parsing; 成文日期 ≤ 发布日期) and every error is reported with its
 * row number (the header is row 1). Imported items keep their own 索引号.
 */
import type { FieldError } from '../platform/errors.js';
import { isValidIsoDate } from '../platform/dates.js';
import { GENRES, VALIDITIES } from './catalog-labels.rules.js';
import { validateItem, checkPublicationDate, type ItemFields } from './item-input.rules.js';

/** Column headers (Chinese) and the field each fills. */
export const IMPORT_COLUMNS = {
  索引号: 'indexNo',
  名称: 'title',
  内容概述: 'summary',
  正文: 'bodyHtml',
  发文字号: 'docNo',
  成文日期: 'writtenOn',
  生成日期: 'createdOn',
  发布日期: 'publishedOn',
  主题分类: 'topic',
  体裁: 'genre',
  目录分类: 'category',
  主题词: 'keywords',
  有效性: 'validity',
  附件: 'attachments',
} as const;

type Col = (typeof IMPORT_COLUMNS)[keyof typeof IMPORT_COLUMNS];
/** Where each known column is (from `importColumns`). */
export type ImportColumnIndex = ReadonlyMap<Col, number>;

/** A valid row, ready to insert. */
export interface ImportRow {
  row: number;
  indexNo: string;
  fields: ItemFields;
  category: string | null;
  publishedOn: string;
  validity: string;
  /** File names in the accompanying ZIP (column 附件, separated by ；; or |). */
  attachments: string[];
}

/** An error of one row. */
export interface RowError {
  row: number;
  message: string;
}

/** Normalizes dates written as 2026/1/5, 2026.1.5 or 2026年1月5日 to 2026-01-05 (else returns the text). */
export function normalizeDate(s: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s.trim());
  return m ? `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}` : s.trim();
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Where each known column is in the header (row 1); errors name the required columns that are missing. */
export function importColumns(headerCells: readonly string[]): { idx: Map<Col, number>; errors: RowError[] } {
  const errors: RowError[] = [];
  const header = headerCells.map((h) => h.trim());
  const idx = new Map<Col, number>();
  header.forEach((h, i) => {
    const col = (IMPORT_COLUMNS as Record<string, Col>)[h];
    if (col) idx.set(col, i);
  });
  for (const required of ['索引号', '名称', '生成日期', '发布日期'] as const) {
    if (!idx.has(IMPORT_COLUMNS[required])) errors.push({ row: 1, message: `缺少“${required}”列。` });
  }
  return { idx, errors };
}

/**
 * Checks one row (`rowNo` counts the header as 1) against the columns; `seen` (索引号 → first row) finds
 * duplicates within the file and is updated. Returns the valid row, or its errors.
 */
export function checkImportRow(
  idx: ImportColumnIndex,
  cells: readonly string[],
  rowNo: number,
  seen: Map<string, number>,
  today: string,
): { row: ImportRow | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const get = (c: Col) => (idx.has(c) ? (cells[idx.get(c) as number] ?? '').trim() : '');
  const problems: FieldError[] = [];
  const indexNo = get('indexNo').toUpperCase();
  if (!indexNo) problems.push({ code: 'index_no_required', message: '缺少索引号。' });
  const title = get('title');
  const body = get('bodyHtml');
  const genre = get('genre') || '其他';
  const { fields, errors: fe } = validateItem(
    {
      title,
      summary: get('summary'),
      bodyHtml: body ? (/[<>]/.test(body) ? body : `<p>${escapeHtml(body)}</p>`) : `<p>${escapeHtml(title || '—')}</p>`,
      docNo: get('docNo'),
      topic: get('topic'),
      genre: GENRES.includes(genre) ? genre : '__bad__',
      disclosureMode: '主动公开',
      writtenOn: normalizeDate(get('writtenOn')),
      createdOn: normalizeDate(get('createdOn')),
      indexNo: indexNo || undefined,
      keywords: get('keywords'),
    },
    today,
  );
  problems.push(
    ...fe.map((e) => (e.code === 'item_genre_invalid' ? { ...e, message: `体裁“${genre}”不在公文种类中。` } : e)),
  );
  const publishedOn = normalizeDate(get('publishedOn'));
  if (!publishedOn) problems.push({ code: 'published_on_required', message: '缺少发布日期。' });
  else if (!isValidIsoDate(publishedOn))
    problems.push({ code: 'published_on_invalid', message: `发布日期“${get('publishedOn')}”无效。` });
  else {
    const w = normalizeDate(get('writtenOn'));
    if (isValidIsoDate(w)) problems.push(...checkPublicationDate(w, publishedOn));
  }
  const validity = get('validity') || '有效';
  if (!VALIDITIES.includes(validity))
    problems.push({ code: 'item_validity_invalid', message: `有效性“${validity}”应为有效、失效、废止或已修订。` });
  if (indexNo) {
    const first = seen.get(indexNo);
    if (first) problems.push({ code: 'index_no_duplicate', message: `索引号“${indexNo}”与第 ${first} 行重复。` });
    else seen.set(indexNo, rowNo);
  }
  if (problems.length || !fields) {
    for (const p of problems) errors.push({ row: rowNo, message: p.message });
    return { row: null, errors };
  }
  const attachments = get('attachments')
    .split(/[;；|]/)
    .map((a) => a.trim())
    .filter(Boolean);
  return {
    row: { row: rowNo, indexNo, fields, category: get('category') || null, publishedOn, validity, attachments },
    errors,
  };
}

/** Checks every row of a whole table; returns the valid rows and all row errors. */
export function checkImportTable(table: string[][], today: string): { rows: ImportRow[]; errors: RowError[] } {
  const { idx, errors } = importColumns(table[0] ?? []);
  if (errors.length) return { rows: [], errors };
  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  for (let r = 1; r < table.length; r++) {
    const checked = checkImportRow(idx, table[r] as string[], r + 1, seen, today);
    errors.push(...checked.errors);
    if (checked.row) rows.push(checked.row);
  }
  return { rows, errors };
}
