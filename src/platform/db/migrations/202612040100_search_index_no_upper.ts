import { sql, type Kysely } from 'kysely';

/**
 * 索引号 in the search index are kept in upper case, so a 索引号 typed in any letter case (or in
 * full-width characters, folded by NFKC at query time) finds its document.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`update search_docs set index_no = upper(index_no) where index_no is not null and index_no <> upper(index_no)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  // The original letter case is not kept in the index; re-indexing restores it from the items.
}
