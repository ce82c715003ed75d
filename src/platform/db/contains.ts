import { sql, type RawBuilder } from 'kysely';

/**
 * `column LIKE %text%` with the wildcards in `text` taken literally (`%` and `_` escaped), the same on
 * SQLite and PostgreSQL: what a staff list's 检索 box means.
 */
export const contains = (column: string, text: string): RawBuilder<boolean> =>
  sql<boolean>`${sql.ref(column)} like ${`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`;
