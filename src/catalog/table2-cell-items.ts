/**
 * The catalogue items counted in one computed number of table 二 (第二十条第（一）项 规章 / 行政规范性文件:
 * 本年制发, 本年废止, 现行有效), for the annual report's drill-down: read only, paginated, within the reader's scope.
 */
import type { Ctx } from '../platform/context.js';
import { forbidden, notFound } from '../platform/errors.js';
import { getOrg, rolesAllow } from '../orgs/index.js';
import { CATALOG_VIEWERS } from './catalog-policy.rules.js';
import { table2Items } from './annual-table2.js';
import { docCellsOf } from './table2.rules.js';

/** One counted item. */
export interface CellItem {
  id: number;
  indexNo: string;
  title: string;
  orgName: string;
  /** 成文日期 (else 发布日期). */
  issuedOn: string;
  validity: string;
}

/** Lists the items counted in the cell: `kind` rules or normative, `col` 0 本年制发, 1 本年废止, 2 现行有效. */
export async function table2CellItems(
  ctx: Ctx,
  input: { orgId: number; year: number; kind: 'rules' | 'normative'; col: number; limit: number; offset: number },
): Promise<{ total: number; rows: CellItem[] }> {
  const org = await getOrg(ctx.db, input.orgId);
  if (!org) throw notFound('org_not_found', '机构不存在。');
  if (ctx.actor.kind !== 'system' && !rolesAllow(ctx.actor, CATALOG_VIEWERS, org.path))
    throw forbidden('items_forbidden', '您没有查看该单位公开信息的权限，无法查看此数计入的信息。');
  const counted = (await table2Items(ctx.db, org.path)).filter(
    (i) => (input.kind === 'rules' ? i.is_rule : i.is_normative) === 1 && docCellsOf(i, input.year)[input.col],
  );
  return {
    total: counted.length,
    rows: counted.slice(input.offset, input.offset + input.limit).map((i) => ({
      id: i.id,
      indexNo: i.index_no,
      title: i.title,
      orgName: i.org_name,
      issuedOn: i.written_on ?? i.published_on ?? '',
      validity: i.validity,
    })),
  };
}
