import type { Db } from '../platform/db/schema.js';
import { PROACTIVE } from './catalog-labels.rules.js';
import { article20Item1, type DocCounts, type FiguresInput } from './table2.rules.js';

/** Table 二 of an agency (or all agencies under a path) for a year. */
export interface Table2 {
  year: number;
  rules: DocCounts;
  normative: DocCounts;
  licensing: number;
  penalties: number;
  enforcement: number;
  /** 万元, decimal text. */
  feesWan: string;
}

/** Published 主动公开 规章 and 行政规范性文件 under `orgPath`: what 第二十条第（一）项 counts. */
export function table2Items(db: Db, orgPath: string) {
  return db
    .selectFrom('items')
    .innerJoin('orgs', 'orgs.id', 'items.org_id')
    .select(['items.id', 'items.index_no', 'items.title', 'orgs.name as org_name'])
    .select([
      'items.is_rule',
      'items.is_normative',
      'items.written_on',
      'items.published_on',
      'items.validity',
      'items.validity_on',
    ])
    .where('orgs.path', 'like', `${orgPath}%`)
    .where('items.status', '=', 'published')
    .where('items.disclosure_mode', '=', PROACTIVE)
    .where((eb) => eb.or([eb('items.is_rule', '=', 1), eb('items.is_normative', '=', 1)]))
    .orderBy('items.published_on')
    .orderBy('items.id')
    .execute();
}

/**
 * Table 二 “主动公开政府信息情况” for the agencies under `orgPath` (one agency: its own path):
 * the 第二十条第（一）项 counts computed from published 规章 and 行政规范性文件, and the entered figures summed.
 * For the annual report capability.
 */
export async function annualTable2(db: Db, orgPath: string, year: number): Promise<Table2> {
  const items = await table2Items(db, orgPath);
  const figures = await db
    .selectFrom('annual_figures')
    .innerJoin('orgs', 'orgs.id', 'annual_figures.org_id')
    .select([
      'annual_figures.licensing',
      'annual_figures.penalties',
      'annual_figures.enforcement',
      'annual_figures.fees_wan',
    ])
    .where('orgs.path', 'like', `${orgPath}%`)
    .where('annual_figures.year', '=', year)
    .execute();
  // sum 万元 amounts exactly in units of 0.0001
  const fee = figures.reduce((s, f) => s + BigInt(Math.round(Number(f.fees_wan) * 10000)), 0n);
  const feesWan = `${fee / 10000n}${
    fee % 10000n
      ? `.${String(fee % 10000n)
          .padStart(4, '0')
          .replace(/0+$/, '')}`
      : ''
  }`;
  return {
    year,
    ...article20Item1(items, year),
    licensing: figures.reduce((s, f) => s + f.licensing, 0),
    penalties: figures.reduce((s, f) => s + f.penalties, 0),
    enforcement: figures.reduce((s, f) => s + f.enforcement, 0),
    feesWan,
  };
}

/** The figures one agency entered for a year, as the form shows them ("0" when none were entered). */
export async function ownFigures(db: Db, orgId: number, year: number): Promise<FiguresInput> {
  const own = await db
    .selectFrom('annual_figures')
    .select(['licensing', 'penalties', 'enforcement', 'fees_wan'])
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .executeTakeFirst();
  return {
    licensing: String(own?.licensing ?? 0),
    penalties: String(own?.penalties ?? 0),
    enforcement: String(own?.enforcement ?? 0),
    feesWan: own?.fees_wan ?? '0',
  };
}
