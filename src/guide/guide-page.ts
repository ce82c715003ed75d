/** Read queries of the console guide pages: the agencies whose guide the reader edits, and one guide as its form shows it. */
import type { Actor } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { notFound } from '../platform/errors.js';
import { scopePaths, getOrg, listOrgs, type OrgRow } from '../orgs/index.js';
import { defaultGuide, type GuideText } from './guide.rules.js';
import { getGuideRow } from './guide.store.js';

export type { OrgRow };

/** Roles that edit an agency's 公开指南. */
export const GUIDE_EDITORS = ['agency_admin'] as const;

/** The agencies (not sections) within the reader's agency-administrator scopes. */
export async function guideAgencies(db: Db, actor: Actor): Promise<OrgRow[]> {
  const paths = scopePaths(actor, GUIDE_EDITORS);
  if (!paths.length) return [];
  return (await listOrgs(db, { underPaths: paths })).filter((o) => o.kind !== 'section');
}

/** The org a guide belongs to (404 when there is none). */
export async function guideOrg(db: Db, orgId: number): Promise<OrgRow> {
  const org = await getOrg(db, orgId);
  if (!org) throw notFound('org_not_found', '机构不存在。');
  return org;
}

/** The agency's guide as stored, or the default text before its first edit. */
export async function guideText(db: Db, org: OrgRow): Promise<GuideText> {
  const row = await getGuideRow(db, org.id);
  return row
    ? {
        classification: row.classification,
        arrangement: row.arrangement,
        howToObtain: row.how_to_obtain,
        requestProcedure: row.request_procedure,
        supervision: row.supervision,
      }
    : defaultGuide(org.name);
}
