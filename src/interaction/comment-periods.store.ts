import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../platform/db/schema.js';
import type { CommentPeriodsTable, CommentsTable } from './interaction.tables.js';
import './interaction.tables.js';

export type CommentPeriodRow = Selectable<CommentPeriodsTable>;
export type CommentRow = Selectable<CommentsTable>;
/** A period with its agency's name and path. */
export type PeriodWithOrg = CommentPeriodRow & { org_name: string; org_path: string };

const withOrg = (db: Db) =>
  db
    .selectFrom('comment_periods')
    .innerJoin('orgs', 'orgs.id', 'comment_periods.org_id')
    .selectAll('comment_periods')
    .select(['orgs.name as org_name', 'orgs.path as org_path']);

/** One period by id. */
export const getPeriod = (db: Db, id: number): Promise<PeriodWithOrg | undefined> =>
  withOrg(db).where('comment_periods.id', '=', id).executeTakeFirst();

/** Periods (all, or within org subtrees), latest end first. */
export function listPeriods(db: Db, orgPaths?: string[]): Promise<PeriodWithOrg[]> {
  let q = withOrg(db);
  if (orgPaths) {
    if (!orgPaths.length) return Promise.resolve([]);
    q = q.where((eb) => eb.or(orgPaths.map((p) => eb('orgs.path', 'like', `${p}%`))));
  }
  return q.orderBy('comment_periods.end_on', 'desc').orderBy('comment_periods.id', 'desc').execute();
}

/** Inserts a period; returns its id. */
export async function insertPeriod(db: Db, row: Insertable<CommentPeriodsTable>): Promise<number> {
  return (await db.insertInto('comment_periods').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates a period. */
export async function updatePeriod(db: Db, id: number, fields: Updateable<CommentPeriodsTable>): Promise<void> {
  await db.updateTable('comment_periods').set(fields).where('id', '=', id).execute();
}

/** Inserts a comment; returns its id. */
export async function insertComment(db: Db, row: Insertable<CommentsTable>): Promise<number> {
  return (await db.insertInto('comments').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates a comment. */
export async function updateComment(db: Db, id: number, fields: Updateable<CommentsTable>): Promise<void> {
  await db.updateTable('comments').set(fields).where('id', '=', id).execute();
}

/** One comment. */
export const getComment = (db: Db, id: number): Promise<CommentRow | undefined> =>
  db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();

/** Comments of a period (optionally of one moderation status), in order. */
export function listComments(db: Db, periodId: number, moderation?: string): Promise<CommentRow[]> {
  let q = db.selectFrom('comments').selectAll().where('period_id', '=', periodId);
  if (moderation) q = q.where('moderation', '=', moderation);
  return q.orderBy('id').execute();
}
