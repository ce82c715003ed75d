/**
 * Annual report table 二 “主动公开政府信息情况” (国办公开办函〔2021〕30号; 条例第五十条):
 * 第二十条第（一）项 规章 / 行政规范性文件: 本年制发件数, 本年废止件数, 现行有效件数 — computed from items;
 * 第（五）项 行政许可, 第（六）项 行政处罚 / 行政强制: 本年处理决定数量, 第（八）项 行政事业性收费: 本年收费金额（万元）
 * — entered per agency per year.
 */
import type { FieldError } from '../platform/errors.js';

/** What table 二 needs of an item. */
export interface Table2Item {
  is_rule: number;
  is_normative: number;
  written_on: string | null;
  published_on: string | null;
  validity: string;
  validity_on: string | null;
}

/** 本年制发 / 本年废止 / 现行有效. */
export interface DocCounts {
  made: number;
  abolished: number;
  inForce: number;
}

const ENDED = ['废止', '失效', '已修订'];

/**
 * Which of 本年制发 / 本年废止 / 现行有效 an item is counted in for `year`: made = 成文日期 (else 发布日期) in
 * the year; abolished = 废止/失效 dated in the year; in force at year end. Shared by the counts and the
 * annual report's drill-down.
 */
export function docCellsOf(i: Table2Item, year: number): [made: boolean, abolished: boolean, inForce: boolean] {
  const y = String(year);
  const end = `${year}-12-31`;
  const issued = i.written_on ?? i.published_on;
  if (!issued) return [false, false, false];
  const ended = ENDED.includes(i.validity) && (i.validity_on ?? issued) <= end;
  return [
    issued.startsWith(y),
    (i.validity === '废止' || i.validity === '失效') && (i.validity_on ?? '').startsWith(y),
    issued <= end && !ended,
  ];
}

/** Counts for one kind of document in `year` (see docCellsOf). */
export function docCounts(items: readonly Table2Item[], year: number): DocCounts {
  const n = [0, 0, 0];
  for (const i of items) docCellsOf(i, year).forEach((b, k) => (n[k] += b ? 1 : 0));
  return { made: n[0], abolished: n[1], inForce: n[2] };
}

/** The computed part of table 二 (第二十条第（一）项). */
export function article20Item1(items: readonly Table2Item[], year: number): { rules: DocCounts; normative: DocCounts } {
  return {
    rules: docCounts(
      items.filter((i) => i.is_rule === 1),
      year,
    ),
    normative: docCounts(
      items.filter((i) => i.is_normative === 1),
      year,
    ),
  };
}

/** Entered figures as typed. */
export interface FiguresInput {
  licensing: string;
  penalties: string;
  enforcement: string;
  feesWan: string;
}

/** Validates entered figures: counts are non-negative integers, the fee a non-negative amount in 万元 (up to 4 decimals). */
export function validateFigures(f: FiguresInput): {
  values: { licensing: number; penalties: number; enforcement: number; fees_wan: string } | null;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const count = (v: string, field: string, label: string): number => {
    const s = v.trim() || '0';
    if (!/^\d{1,9}$/.test(s))
      errors.push({ code: 'figure_count_invalid', message: `${label}应为不小于 0 的整数。`, field });
    return Number(s);
  };
  const licensing = count(f.licensing, 'licensing', '行政许可处理决定数量');
  const penalties = count(f.penalties, 'penalties', '行政处罚处理决定数量');
  const enforcement = count(f.enforcement, 'enforcement', '行政强制处理决定数量');
  const fee = f.feesWan.trim() || '0';
  if (!/^\d{1,9}(\.\d{1,4})?$/.test(fee))
    errors.push({
      code: 'figure_fee_invalid',
      message: '行政事业性收费金额应为不小于 0 的数，单位万元，最多 4 位小数。',
      field: 'feesWan',
    });
  const fees_wan = fee
    .replace(/^0+(?=\d)/, '')
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
  return errors.length ? { values: null, errors } : { values: { licensing, penalties, enforcement, fees_wan }, errors };
}
