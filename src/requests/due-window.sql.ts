/**
 * The desk's “overdue” and “due soon” (due-window.rules.ts) as SQL conditions on a request's answer date,
 * for queries that list or count (the console queues, the supervision figures). With the state filter
 * `OPEN_REQUEST_STATES` they select exactly the rows `isOverdue` / `isDueSoon` accept.
 */
import { sql, type RawBuilder } from 'kysely';

type DueColumn = 'requests.due_on' | 'r.due_on';

/** The answer date has passed (a paused clock has no date and is never overdue). */
export const overdueSql = (col: DueColumn, today: string): RawBuilder<boolean> =>
  sql<boolean>`(${sql.ref(col)} is not null and ${sql.ref(col)} < ${today})`;

/** The answer date falls from `today` to `until` (`dueSoonUntil`), both included. */
export const dueSoonSql = (col: DueColumn, today: string, until: string): RawBuilder<boolean> =>
  sql<boolean>`(${sql.ref(col)} is not null and ${sql.ref(col)} >= ${today} and ${sql.ref(col)} <= ${until})`;
