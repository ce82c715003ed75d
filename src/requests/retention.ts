/**
 * Retention of applicants' personal data: N years after a case closes, the applicant's name, identity
 * number, contact details and identity-proof files are erased; the case, its outcome and the statistics
 * (table 三) stay.
 */
import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { forbidden, invalid } from '../platform/errors.js';
import { tryDayNumber } from '../platform/dates.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { isSysadmin } from '../orgs/index.js';
import { removeUnusedProofBlobs } from './identity-proofs.js';

/** The setting key. */
export const RETENTION_KEY = 'requests.retention_years';
const KEY = RETENTION_KEY;
/** The placeholder left in place of an erased name. */
export const ERASED = '（已删除）';

/** The retention setting in years (null: keep forever). */
export async function getRetentionYears(db: Db): Promise<number | null> {
  const r = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  const n = r ? Number(r.value) : NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** Throws `retention_years_invalid` unless 1–100 whole years. */
export function assertRetentionYears(years: number): void {
  if (!Number.isInteger(years) || years < 1 || years > 100)
    throw invalid('retention_years_invalid', '保存年限应为1至100之间的整数。', 'years');
}

/** Sets the retention period (system administrators; 1–100 years). */
export async function setRetentionYears(ctx: Ctx, years: number): Promise<void> {
  if (ctx.actor.kind !== 'system' && !isSysadmin(ctx.actor)) throw forbidden();
  assertRetentionYears(years);
  await tx(ctx, async (trx) => {
    const at = ctx.now().toISOString();
    await trx
      .insertInto('settings')
      .values({ key: KEY, value: String(years), updated_at: at, updated_by: ctx.actor.userId })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ value: String(years), updated_at: at, updated_by: ctx.actor.userId }),
      )
      .execute();
    await writeAudit(trx, ctx, {
      action: 'request.retention_set',
      subjectType: 'setting',
      subjectId: KEY,
      summary: `依申请公开申请人个人信息保存年限设为办结后 ${years} 年`,
    });
  });
}

/** The last closing date whose cases are past retention, `years` before `day`. */
export function retentionCutoff(day: string, years: number): string {
  const d: string = `${Number(day.slice(0, 4)) - years}${day.slice(4)}`;
  // 29 February of a leap year → 28 February.
  return Number.isNaN(tryDayNumber(d)) ? `${d.slice(0, 8)}28` : d;
}

/** Erases personal data of cases closed before the cutoff; returns how many cases and identity-proof files were erased. */
export async function eraseExpiredPersonalData(
  ctx: Ctx,
): Promise<{ erased: number; cutoff: string | null; files: number }> {
  if (ctx.actor.kind !== 'system' && !isSysadmin(ctx.actor)) throw forbidden();
  const years = await getRetentionYears(ctx.db);
  if (!years) return { erased: 0, cutoff: null, files: 0 };
  const cutoff = retentionCutoff(today(ctx), years);
  const done = await tx(ctx, async (trx) => {
    const res = await trx
      .updateTable('requests')
      .set({
        applicant_name: ERASED,
        id_number: '',
        legal_rep: null,
        contact_name: null,
        phone: null,
        email: null,
        address: null,
        postcode: null,
        updated_at: ctx.now().toISOString(),
      })
      .where('closed_on', 'is not', null)
      .where('closed_on', '<', cutoff)
      .where('applicant_name', '!=', ERASED)
      .executeTakeFirst();
    const erased = Number(res.numUpdatedRows ?? 0);
    const proofs = await trx
      .selectFrom('request_id_proofs')
      .innerJoin('requests', 'requests.id', 'request_id_proofs.request_id')
      .select(['request_id_proofs.id', 'request_id_proofs.sha256'])
      .where('requests.closed_on', 'is not', null)
      .where('requests.closed_on', '<', cutoff)
      .execute();
    if (proofs.length)
      await trx
        .deleteFrom('request_id_proofs')
        .where(
          'id',
          'in',
          proofs.map((p) => p.id),
        )
        .execute();
    if (erased || proofs.length) {
      await writeAudit(trx, ctx, {
        action: 'request.retention_erase',
        subjectType: 'request',
        summary: `删除 ${erased} 件 ${cutoff} 前办结申请的申请人个人信息${proofs.length ? `和 ${proofs.length} 个身份证明文件` : ''}（保存年限 ${years} 年），统计数据保留`,
      });
    }
    return { erased, shas: proofs.map((p) => p.sha256), files: proofs.length };
  });
  // The files go after the commit, and only when no other case still refers to the same content.
  await removeUnusedProofBlobs(ctx.db, ctx.config.blobDir, done.shas);
  return { erased: done.erased, cutoff, files: done.files };
}
