import { sql, type Kysely } from 'kysely';

/**
 * Search documents now end with filter terms (src/search/filter-tokens.rules.ts). An empty index is
 * marked as carrying them; an index built before needs `gongkai search reindex` (which marks it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const any = await db.selectFrom('search_docs').select('id').limit(1).executeTakeFirst();
  if (any) return;
  const at = new Date().toISOString();
  await sql`insert into settings (key, value, updated_at, updated_by) values ('search.filter_terms', '1', ${at}, null)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from settings where key = 'search.filter_terms'`.execute(db);
}
