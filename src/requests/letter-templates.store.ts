import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/schema.js';
import type { RequestLetterTemplatesTable } from './request-departments.tables.js';
import { defaultTemplate, type LetterTemplate } from './letter-templates.rules.js';
import './request-departments.tables.js';

/** An agency's stored template row. */
export type LetterTemplateRow = Selectable<RequestLetterTemplatesTable> & { updated_by_name: string | null };

/** The agency's edited templates (outcome code → row). */
export async function listAgencyTemplates(db: Db, orgId: number): Promise<Map<string, LetterTemplateRow>> {
  const rows = await db
    .selectFrom('request_letter_templates')
    .leftJoin('users', 'users.id', 'request_letter_templates.updated_by')
    .selectAll('request_letter_templates')
    .select('users.display_name as updated_by_name')
    .where('request_letter_templates.org_id', '=', orgId)
    .execute();
  return new Map(rows.map((r) => [r.outcome_code, r]));
}

/** The agency's own template for an outcome, if edited. */
export const findAgencyTemplate = (db: Db, orgId: number, code: string) =>
  db
    .selectFrom('request_letter_templates')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('outcome_code', '=', code)
    .executeTakeFirst();

/** The template in force for an outcome: the agency's own, else the built-in default. */
export async function templateInForce(
  db: Db,
  orgId: number,
  code: string,
): Promise<LetterTemplate & { custom: boolean }> {
  const t = await findAgencyTemplate(db, orgId, code);
  return t ? { title: t.title, body: t.body, custom: true } : { ...defaultTemplate(code), custom: false };
}

/** Inserts or replaces the agency's template of an outcome. */
export async function putAgencyTemplate(
  db: Db,
  orgId: number,
  code: string,
  t: LetterTemplate,
  at: string,
  by: number | null,
): Promise<void> {
  await db
    .insertInto('request_letter_templates')
    .values({
      org_id: orgId,
      outcome_code: code,
      title: t.title,
      body: t.body,
      updated_by: by,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'outcome_code'])
        .doUpdateSet({ title: t.title, body: t.body, updated_by: by, updated_at: at }),
    )
    .execute();
}

/** Deletes the agency's template of an outcome (back to the built-in default); returns whether one existed. */
export async function deleteAgencyTemplate(db: Db, orgId: number, code: string): Promise<boolean> {
  const r = await db
    .deleteFrom('request_letter_templates')
    .where('org_id', '=', orgId)
    .where('outcome_code', '=', code)
    .executeTakeFirst();
  return Number(r.numDeletedRows ?? 0) > 0;
}
