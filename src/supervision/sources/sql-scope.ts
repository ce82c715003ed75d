import { sql, type RawBuilder } from 'kysely';

/** `(o.path like 'p1%' or o.path like 'p2%')` for the orgs alias `o`; false without paths. */
export function pathScope(paths: readonly string[]): RawBuilder<unknown> {
  if (!paths.length) return sql`1 = 0`;
  return sql`(${sql.join(
    paths.map((p) => sql`o.path like ${`${p}%`}`),
    sql` or `,
  )})`;
}

/** Last day of a YYYY-MM month, as YYYY-MM-DD bound for text comparisons. */
export const monthEnd = (m: string): string => `${m}-31`;
