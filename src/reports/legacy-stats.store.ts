import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/schema.js';
import type { LegacyReportStatsTable } from './reports.tables.js';
import type { LegacyValues } from './legacy-stats.rules.js';
import './reports.tables.js';

/** A stored 统计表. */
export type LegacyStatsRow = Selectable<LegacyReportStatsTable>;

/** The figures of a stored 统计表. */
export const rowLegacyValues = (r: Pick<LegacyStatsRow, 'values_json'>): LegacyValues =>
  JSON.parse(r.values_json) as LegacyValues;

/** The 统计表 of an organisation for a year. */
export const findLegacyStats = (db: Db, orgId: number, year: number): Promise<LegacyStatsRow | undefined> =>
  db
    .selectFrom('legacy_report_stats')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .executeTakeFirst();

/** All 统计表 of an organisation, oldest first. */
export const listLegacyStats = (db: Db, orgId: number): Promise<LegacyStatsRow[]> =>
  db.selectFrom('legacy_report_stats').selectAll().where('org_id', '=', orgId).orderBy('year').execute();

/** Inserts or replaces the 统计表 of an organisation and year; returns its id and whether it existed. */
export async function upsertLegacyStats(
  db: Db,
  row: { org_id: number; year: number; source: string; values_json: string; created_by: number | null; now: string },
): Promise<{ id: number; replaced: boolean }> {
  const old = await findLegacyStats(db, row.org_id, row.year);
  if (old) {
    await db
      .updateTable('legacy_report_stats')
      .set({ source: row.source, values_json: row.values_json, updated_at: row.now })
      .where('id', '=', old.id)
      .execute();
    return { id: old.id, replaced: true };
  }
  const r = await db
    .insertInto('legacy_report_stats')
    .values({
      org_id: row.org_id,
      year: row.year,
      source: row.source,
      values_json: row.values_json,
      created_by: row.created_by,
      created_at: row.now,
      updated_at: row.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: r.id, replaced: false };
}
