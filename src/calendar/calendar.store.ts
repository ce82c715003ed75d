import type { Db } from '../platform/db/schema.js';
import type { YearData } from './calendar.types.js';
import './calendar.tables.js';

/** All stored years, parsed. */
export async function readYears(db: Db): Promise<YearData[]> {
  const rows = await db.selectFrom('calendar_years').select(['data']).orderBy('year').execute();
  return rows.map((r) => JSON.parse(r.data) as YearData);
}

/** Count, sum of versions and latest change: differs whenever any year changes (a cheap cache key shared by nodes). */
export async function calendarStamp(db: Db): Promise<string> {
  const r = await db
    .selectFrom('calendar_years')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('version').as('v'),
      eb.fn.max('updated_at').as('at'),
    ])
    .executeTakeFirstOrThrow();
  // The latest change time keeps two databases in one process (tests, tools) apart.
  return `${Number(r.n)}:${Number(r.v ?? 0)}:${r.at ?? ''}`;
}

export const getYearRow = (db: Db, year: number) =>
  db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();

export const listYearRows = (db: Db) =>
  db.selectFrom('calendar_years').select(['year', 'version', 'source', 'updated_at']).orderBy('year', 'desc').execute();

export const listChanges = (db: Db, year?: number) => {
  let q = db
    .selectFrom('calendar_changes')
    .select(['id', 'year', 'version', 'summary', 'changed_by', 'changed_at', 'before_data', 'after_data']);
  if (year) q = q.where('year', '=', year);
  return q.orderBy('id', 'desc').limit(100).execute();
};
