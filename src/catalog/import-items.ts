import type { Ctx } from '../platform/context.js';
import { forbidden, notFound } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { syncItemIndex } from './sync-item-index.js';
import { tx } from '../platform/tx.js';
import { rolesAllow } from '../orgs/roles.rules.js';
import { getOrg } from '../orgs/orgs.store.js';
import { checkImportTable, type RowError } from './import-rows.rules.js';
import { IMPORT_ROLES, IMPORTED_STATUS } from './item-workflow.rules.js';
import { insertItem, insertReview } from './catalog.store.js';
import { ensureCategories } from './categories.js';

/** What an import found and did. */
export interface ImportReport {
  total: number;
  valid: number;
  created: number;
  skipped: number;
  errors: RowError[];
}

/**
 * Imports an existing catalogue into an agency. A dry run only reports; the real run inserts the valid
 * rows in one transaction and skips 索引号 already present (so a rerun resumes where it stopped).
 */
export async function importItems(ctx: Ctx, input: { orgId: number; table: string[][]; dryRun: boolean }): Promise<ImportReport> {
  const { rows, errors } = checkImportTable(input.table);
  return tx(ctx, async (trx) => {
    const org = await getOrg(trx, input.orgId);
    if (!org) throw notFound('org_not_found', '机构不存在。');
    if (ctx.actor.kind !== 'system' && !rolesAllow(ctx.actor, IMPORT_ROLES, org.path)) throw forbidden();
    const now = ctx.now().toISOString();
    const cats = await ensureCategories(trx, org.id, now);
    const existing = new Map<string, number>();
    for (let i = 0; i < rows.length; i += 500) {
      const batch = rows.slice(i, i + 500).map((r) => r.indexNo);
      for (const e of await trx.selectFrom('items').select(['index_no', 'org_id']).where('index_no', 'in', batch).execute()) existing.set(e.index_no, e.org_id);
    }
    const rowErrors = [...errors];
    const todo = [];
    let skipped = 0;
    for (const r of rows) {
      const owner = existing.get(r.indexNo);
      if (owner !== undefined) {
        if (owner === org.id) skipped++;
        else rowErrors.push({ row: r.row, message: `索引号“${r.indexNo}”已被其他机构的信息使用。` });
        continue;
      }
      const cat = r.category ? cats.find((c) => c.name === r.category) : undefined;
      if (r.category && !cat) {
        rowErrors.push({ row: r.row, message: `目录分类“${r.category}”不存在。` });
        continue;
      }
      todo.push({ r, categoryId: cat?.id ?? null });
    }
    rowErrors.sort((a, b) => a.row - b.row);
    const report: ImportReport = { total: input.table.length - 1, valid: todo.length + skipped, created: 0, skipped, errors: rowErrors };
    if (input.dryRun) return report;
    for (const { r, categoryId } of todo) {
      const id = await insertItem(trx, {
        ...r.fields,
        category_id: categoryId,
        org_id: org.id,
        index_no: r.indexNo,
        validity: r.validity,
        validity_on: null,
        replaced_by_id: null,
        published_on: r.publishedOn,
        status: IMPORTED_STATUS,
        author_id: ctx.actor.userId,
        secrecy_reviewer: null,
        legality_reviewer: null,
        approver: null,
        withdrawn_reason: null,
        version: 1,
        created_at: now,
        updated_at: now,
      });
      await insertReview(trx, { item_id: id, action: 'import', from_status: IMPORTED_STATUS, to_status: IMPORTED_STATUS, actor_id: ctx.actor.userId, actor_label: ctx.actor.label, comment: `导入第 ${r.row} 行`, created_at: now });
      await syncItemIndex(trx, ctx, id);
      report.created++;
    }
    await writeAudit(trx, ctx, {
      action: 'item.import',
      subjectType: 'org',
      subjectId: org.id,
      orgId: org.id,
      summary: `导入公开目录到「${org.name}」：共 ${report.total} 行，新增 ${report.created} 条，已存在跳过 ${report.skipped} 条，错误 ${rowErrors.length} 处`,
    });
    return report;
  });
}
