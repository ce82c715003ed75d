import { NEW_ITEM_COLUMNS } from './catalog.store.js';
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { forbidden, notFound } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { todayInShanghai } from '../platform/dates.js';
import { withBulkWrites } from '../platform/db/bulk-writes.js';
import { rolesAllow, getOrg, type OrgRow } from '../orgs/index.js';
import {
  checkImportRow,
  importColumns,
  type ImportColumnIndex,
  type ImportRow,
  type RowError,
} from './import-rows.rules.js';
import { IMPORT_ROLES, IMPORTED_STATUS } from './item-workflow.rules.js';
import { ensureCategories } from './categories.js';
import { syncItemsIndex } from './sync-item-index.js';
import { checkImportAttachments, storeImportAttachments, type ImportFiles } from './import-attachments.js';

/** What an import found and did. */
export interface ImportReport {
  total: number;
  valid: number;
  created: number;
  skipped: number;
  errors: RowError[];
}

const BATCH = 200;

/**
 * Imports an existing catalogue into an agency, with attachments from a ZIP named in the 附件 column.
 * Rows are read as they come (`importRows` streams a file), checked, and handled in batches of 200, so
 * neither the file nor all its rows are ever held. A dry run only reports (every row error with its row
 * number). The real run commits each batch in its own transaction with one audit event and reports
 * progress; 索引号 already present are skipped, so running it again after an interruption resumes
 * where it stopped.
 */
export async function importItems(
  ctx: Ctx,
  input: {
    orgId: number;
    table: Iterable<string[]> | AsyncIterable<string[]>;
    dryRun: boolean;
    files?: ImportFiles;
    onProgress?: (p: { rows: number; created: number }) => void;
  },
): Promise<ImportReport> {
  const org = await getOrg(ctx.db, input.orgId);
  if (!org) throw notFound('org_not_found', '机构不存在。');
  if (ctx.actor.kind !== 'system' && !rolesAllow(ctx.actor, IMPORT_ROLES, org.path)) throw forbidden();
  const cats = await tx(ctx, (trx) => ensureCategories(trx, org.id, ctx.now().toISOString()));
  const run = () => importTable(ctx, org, cats, input);
  return input.dryRun ? run() : withBulkWrites(ctx.db, run);
}

/** Reads the table row by row and handles it in batches. */
async function importTable(
  ctx: Ctx,
  org: OrgRow,
  cats: ReadonlyArray<{ id: number; name: string }>,
  input: Parameters<typeof importItems>[1],
): Promise<ImportReport> {
  const report: ImportReport = { total: 0, valid: 0, created: 0, skipped: 0, errors: [] };
  const today = todayInShanghai(ctx.now());
  const seen = new Map<string, number>();
  let idx: ImportColumnIndex | null = null;
  let batch: ImportRow[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await importRows(ctx, org, batch, cats, input, report);
    batch = [];
    input.onProgress?.({ rows: report.total, created: report.created });
  };
  for await (const cells of input.table) {
    if (!idx) {
      const header = importColumns(cells);
      if (header.errors.length) return { ...report, errors: header.errors };
      idx = header.idx;
      continue;
    }
    report.total++;
    const checked = checkImportRow(idx, cells, report.total + 1, seen, today);
    report.errors.push(...checked.errors);
    if (checked.row) batch.push(checked.row);
    if (batch.length === BATCH) await flush();
  }
  if (!idx) return { ...report, errors: importColumns([]).errors };
  await flush();
  report.errors.sort((a, b) => a.row - b.row);
  return report;
}

/** One batch of checked rows: attachments, 索引号 already used, unknown categories; then saved unless a dry run. */
async function importRows(
  ctx: Ctx,
  org: OrgRow,
  rows: ImportRow[],
  cats: ReadonlyArray<{ id: number; name: string }>,
  input: { dryRun: boolean; files?: ImportFiles },
  report: ImportReport,
): Promise<void> {
  const existing = await ownersOf(
    ctx.db,
    rows.map((r) => r.indexNo),
  );
  const rowErrors = await checkImportAttachments(rows, input.files, ctx.config.limits.uploadBytes);
  const bad = new Set(rowErrors.map((e) => e.row));
  const todo: Array<{ r: ImportRow; categoryId: number | null }> = [];
  let skipped = 0;
  for (const r of rows) {
    if (bad.has(r.row)) continue;
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
  report.errors.push(...rowErrors);
  report.skipped += skipped;
  report.valid += todo.length + skipped;
  if (!input.dryRun && todo.length) report.created += await importBatch(ctx, org, todo, input.files);
}

async function ownersOf(db: Db, indexNos: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < indexNos.length; i += 500) {
    for (const e of await db
      .selectFrom('items')
      .select(['index_no', 'org_id'])
      .where('index_no', 'in', indexNos.slice(i, i + 500))
      .execute())
      out.set(e.index_no, e.org_id);
  }
  return out;
}

/** One committed batch: items and their history lines (one statement each), attachments, index entries, one audit event. */
function importBatch(
  ctx: Ctx,
  org: OrgRow,
  batch: Array<{ r: ImportRow; categoryId: number | null }>,
  files?: ImportFiles,
): Promise<number> {
  return tx(ctx, async (trx) => {
    const now = ctx.now().toISOString();
    // A concurrent or earlier run may have created some meanwhile: skip those, never duplicate.
    const present = new Set(
      (
        await trx
          .selectFrom('items')
          .select('index_no')
          .where(
            'index_no',
            'in',
            batch.map((b) => b.r.indexNo),
          )
          .execute()
      ).map((i) => i.index_no),
    );
    const todo = batch.filter((b) => !present.has(b.r.indexNo));
    if (!todo.length) return 0;
    // Ids by 索引号 (the order of RETURNING rows is not promised).
    const idOf = new Map(
      (
        await trx
          .insertInto('items')
          .values(
            todo.map(({ r, categoryId }) => ({
              ...r.fields,
              category_id: categoryId,
              org_id: org.id,
              index_no: r.indexNo,
              ...NEW_ITEM_COLUMNS,
              validity: r.validity,
              published_on: r.publishedOn,
              status: IMPORTED_STATUS,
              author_id: ctx.actor.userId,
              created_at: now,
              updated_at: now,
            })),
          )
          .returning(['id', 'index_no'])
          .execute()
      ).map((x) => [x.index_no, x.id]),
    );
    const ids = todo.map((b) => idOf.get(b.r.indexNo)!);
    await trx
      .insertInto('item_reviews')
      .values(
        todo.map(({ r }, k) => ({
          item_id: ids[k]!,
          action: 'import',
          from_status: IMPORTED_STATUS,
          to_status: IMPORTED_STATUS,
          actor_id: ctx.actor.userId,
          actor_label: ctx.actor.label,
          comment: `导入第 ${r.row} 行`,
          created_at: now,
        })),
      )
      .execute();
    for (const [k, { r }] of todo.entries()) await storeImportAttachments(trx, ctx, ids[k]!, r.attachments, files);
    await syncItemsIndex(trx, ctx, ids);
    await writeAudit(trx, ctx, {
      action: 'item.import',
      subjectType: 'org',
      subjectId: org.id,
      orgId: org.id,
      summary: `导入公开目录到「${org.name}」：第 ${batch[0]?.r.row ?? '-'}–${batch[batch.length - 1]?.r.row ?? '-'} 行，新增 ${todo.length} 条`,
    });
    return todo.length;
  });
}
