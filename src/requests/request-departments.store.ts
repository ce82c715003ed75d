import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../platform/db/schema.js';
import type { RequestDepartmentsTable } from './request-departments.tables.js';
import { parseCohandlingDays } from './departments.rules.js';
import './request-departments.tables.js';

/** A department of a case, with its name. */
export type CaseDepartment = Selectable<RequestDepartmentsTable> & { org_name: string };

/** The departments of a case: the lead first, then co-handling ones in the order they were added. */
export async function listCaseDepartments(db: Db, requestId: number): Promise<CaseDepartment[]> {
  const rows = await db
    .selectFrom('request_departments')
    .innerJoin('orgs', 'orgs.id', 'request_departments.org_id')
    .selectAll('request_departments')
    .select('orgs.name as org_name')
    .where('request_departments.request_id', '=', requestId)
    .orderBy('request_departments.id')
    .execute();
  return [...rows.filter((r) => r.role === 'lead'), ...rows.filter((r) => r.role !== 'lead')];
}

/** Inserts a department row. */
export async function insertCaseDepartment(db: Db, row: Insertable<RequestDepartmentsTable>): Promise<void> {
  await db.insertInto('request_departments').values(row).execute();
}

/** Updates a department row. */
export async function updateCaseDepartment(
  db: Db,
  id: number,
  fields: Updateable<RequestDepartmentsTable>,
): Promise<void> {
  await db.updateTable('request_departments').set(fields).where('id', '=', id).execute();
}

/** Deletes a department row. */
export async function deleteCaseDepartment(db: Db, id: number): Promise<void> {
  await db.deleteFrom('request_departments').where('id', '=', id).execute();
}

/** The sections (科室) under an agency, enabled, in tree order. */
export function listSections(db: Db, agencyPath: string): Promise<Array<{ id: number; name: string; path: string }>> {
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'path'])
    .where('kind', '=', 'section')
    .where('disabled', '=', 0)
    .where('path', 'like', `${agencyPath}%`)
    .where('path', '!=', agencyPath)
    .orderBy('path')
    .execute();
}

/** Open cases' co-handling departments without a reply whose internal date is on or before `until`, with the handler. */
export function dueCoHandling(db: Db, until: string) {
  return db
    .selectFrom('request_departments')
    .innerJoin('requests', 'requests.id', 'request_departments.request_id')
    .innerJoin('orgs', 'orgs.id', 'request_departments.org_id')
    .innerJoin('users', 'users.id', 'requests.handler_id')
    .select([
      'requests.id',
      'requests.request_no',
      'requests.org_id',
      'users.id as user_id',
      'users.email',
      'orgs.name as org_name',
      'request_departments.internal_due_on',
    ])
    .where('users.disabled', '=', 0)
    .where('request_departments.role', '=', 'co')
    .where('request_departments.reply_on', 'is', null)
    .where('request_departments.internal_due_on', '<=', until)
    .where('requests.state', 'in', ['processing', 'consulting', 'awaiting_payment', 'awaiting_correction'])
    .orderBy('request_departments.internal_due_on')
    .execute();
}

const daysKey = (orgId: number): string => `requests.cohandling_days.${orgId}`;

/** The agency's co-handling lead time in working days (default 5). */
export async function getCohandlingDays(db: Db, orgId: number): Promise<number> {
  const r = await db.selectFrom('settings').select('value').where('key', '=', daysKey(orgId)).executeTakeFirst();
  return parseCohandlingDays(r?.value);
}

/** Stores the agency's co-handling lead time. */
export async function putCohandlingDays(
  db: Db,
  orgId: number,
  days: number,
  at: string,
  by: number | null,
): Promise<void> {
  const value = String(days);
  await db
    .insertInto('settings')
    .values({ key: daysKey(orgId), value, updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at, updated_by: by }))
    .execute();
}

/** A section (科室) under the agency by id, or undefined when it is not one. */
export const findSection = (db: Db, agencyPath: string, orgId: number) =>
  db
    .selectFrom('orgs')
    .select(['id', 'name'])
    .where('id', '=', orgId)
    .where('kind', '=', 'section')
    .where('disabled', '=', 0)
    .where('path', 'like', `${agencyPath}%`)
    .where('path', '!=', agencyPath)
    .executeTakeFirst();

/** The sections (科室) within the given subtrees with their agency's name, for list filters and bulk actions. */
export function sectionsWithin(
  db: Db,
  paths: readonly string[],
): Promise<Array<{ id: number; name: string; agency_name: string }>> {
  if (!paths.length) return Promise.resolve([]);
  return db
    .selectFrom('orgs as s')
    .innerJoin('orgs as a', 'a.id', 's.parent_id')
    .select(['s.id', 's.name', 'a.name as agency_name'])
    .where('s.kind', '=', 'section')
    .where('s.disabled', '=', 0)
    .where((eb) => eb.or(paths.map((p) => eb('s.path', 'like', `${p}%`))))
    .orderBy('s.path')
    .execute();
}
