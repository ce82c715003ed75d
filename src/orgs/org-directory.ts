/** The directory of organisations as the public pages read it (the portal reads through these, not the store). */
import type { Db } from '../platform/db/schema.js';
import { getOrg, listOrgs, type OrgRow } from './orgs.store.js';

export type { OrgRow };

/** Enabled agencies and governments (internal sections left out), in tree order. */
export const publicAgencies = async (db: Db): Promise<OrgRow[]> =>
  (await listOrgs(db)).filter((o) => o.kind !== 'section');

/** Options of a select of agencies: [id, name]. */
export const agencyOptions = async (db: Db): Promise<Array<[string, string]>> =>
  (await publicAgencies(db)).map((o) => [String(o.id), o.name]);

/** An enabled org (any kind), or undefined. */
export const findEnabledOrg = async (db: Db, id: number): Promise<OrgRow | undefined> => {
  const org = await getOrg(db, id);
  return org && !org.disabled ? org : undefined;
};

/** An enabled agency or government (not an internal section): one with public pages of its own. */
export const findPublicAgency = async (db: Db, id: number): Promise<OrgRow | undefined> => {
  const org = await findEnabledOrg(db, id);
  return org && org.kind !== 'section' ? org : undefined;
};

/** The root organisation (the site is named after it), or undefined before `init`. */
export const rootOrg = (db: Db): Promise<{ id: number; name: string } | undefined> =>
  db.selectFrom('orgs').select(['id', 'name']).where('parent_id', 'is', null).orderBy('id').limit(1).executeTakeFirst();
