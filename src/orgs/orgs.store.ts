import { bumpPublicVersion } from '../platform/public-version.js';
import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/schema.js';
import type { OrgsTable } from './orgs.tables.js';
import { orderOrgs, type OrgFields } from './orgs.rules.js';
import './orgs.tables.js';

export type OrgRow = Selectable<OrgsTable>;

/** One organisation by id. */
export const getOrg = (db: Db, id: number): Promise<OrgRow | undefined> =>
  db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();

/** Organisations, optionally limited to subtrees, in path order. */
export async function listOrgs(
  db: Db,
  opts: { underPaths?: string[]; includeDisabled?: boolean } = {},
): Promise<OrgRow[]> {
  let q = db.selectFrom('orgs').selectAll();
  if (opts.underPaths) {
    const paths = opts.underPaths;
    if (!paths.length) return [];
    q = q.where((eb) => eb.or(paths.map((p) => eb('path', 'like', `${p}%`))));
  }
  if (!opts.includeDisabled) q = q.where('disabled', '=', 0);
  return orderOrgs(await q.orderBy('path').execute());
}

/** Inserts an org and sets its materialised path. */
export async function insertOrg(
  db: Db,
  parent: OrgRow | null,
  fields: OrgFields,
  now: string,
  isDemo = false,
): Promise<OrgRow> {
  const row = await db
    .insertInto('orgs')
    .values({
      ...fields,
      parent_id: parent?.id ?? null,
      path: '/',
      depth: parent ? parent.depth + 1 : 0,
      is_demo: isDemo ? 1 : 0,
      disabled: 0,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const path = `${parent?.path ?? '/'}${row.id}/`;
  await db.updateTable('orgs').set({ path }).where('id', '=', row.id).execute();
  // Agencies are listed on public pages (guides, catalogue, home): however an org is added, they change.
  await bumpPublicVersion(db, { now: () => new Date(now) });
  return { ...row, path };
}

export const updateOrgFields = (db: Db, id: number, fields: Partial<OrgFields> & { disabled?: number }, now: string) =>
  db
    .updateTable('orgs')
    .set({ ...fields, updated_at: now })
    .where('id', '=', id)
    .execute();

export const findOrgByCode = (db: Db, code: string) =>
  db.selectFrom('orgs').selectAll().where('code', '=', code).executeTakeFirst();

export const countOrgs = async (db: Db): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('orgs')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
