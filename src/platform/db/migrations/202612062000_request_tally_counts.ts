import { sql, type Kysely } from 'kysely';
import { isPostgres, withId } from './_lib.js';

/**
 * Table 三 counted from counts kept by the database (`request_tally_counts`), not from the cases: one row
 * per change of a case's org, `tally_key` or receipt or closure year (-1 for what it was, +1 for what it
 * is), written by triggers on `requests` — whatever writes the cases (a use-case, an import, a test, a
 * hand-made statement) — so the counts cannot drift. Rows are only ever added, never updated, so writers
 * never wait on each other or deadlock; the hourly job `requests.tally_compact` sums each group's rows into
 * one (`compactTallyCounts`). A year's tally then reads a few hundred rows whatever the agency's history
 * (20,000 cases a year: 0.5–1.7 ms, against 7–10 ms on SQLite and 5–14 ms on PostgreSQL from the cases).
 * Existing cases are counted here, one row per group.
 */
const YEAR = (d: string) => `cast(nullif(substr(${d}, 1, 4), '') as integer)`;
const ROW = (r: 'old' | 'new', n: 1 | -1) =>
  `(${r}.org_id, ${r}.tally_key, ${YEAR(`${r}.received_on`)}, ${YEAR(`${r}.closed_on`)}, ${n})`;
const COLS = 'request_tally_counts (org_id, tally_key, received_year, closed_year, n)';
/** When an update changes what the tally reads of the case. */
const CHANGED = `old.org_id <> new.org_id or old.tally_key <> new.tally_key or ${YEAR('old.received_on')} is distinct from ${YEAR('new.received_on')} or ${YEAR('old.closed_on')} is distinct from ${YEAR('new.closed_on')}`;

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('request_tally_counts'))
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('tally_key', 'text', (c) => c.notNull())
    .addColumn('received_year', 'integer')
    .addColumn('closed_year', 'integer')
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('request_tally_counts_org')
    .on('request_tally_counts')
    .columns(['org_id', 'received_year', 'closed_year', 'tally_key', 'n'])
    .execute();
  await sql`insert into ${sql.raw(COLS)} select org_id, tally_key, ${sql.raw(YEAR('received_on'))}, ${sql.raw(
    YEAR('closed_on'),
  )}, count(*) from requests group by 1, 2, 3, 4`.execute(db);
  if (isPostgres(db)) {
    await sql`create function requests_tally_count() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then insert into ${sql.raw(COLS)} values ${sql.raw(ROW('old', -1))}; end if;
  if tg_op <> 'DELETE' then insert into ${sql.raw(COLS)} values ${sql.raw(ROW('new', 1))}; end if;
  return null;
end $$`.execute(db);
    await sql`create trigger requests_tally_count_id after insert or delete on requests
for each row execute function requests_tally_count()`.execute(db);
    await sql`create trigger requests_tally_count_u after update on requests
for each row when (${sql.raw(CHANGED)}) execute function requests_tally_count()`.execute(db);
    return;
  }
  await sql`create trigger requests_tally_count_i after insert on requests begin
  insert into ${sql.raw(COLS)} values ${sql.raw(ROW('new', 1))};
end`.execute(db);
  await sql`create trigger requests_tally_count_d after delete on requests begin
  insert into ${sql.raw(COLS)} values ${sql.raw(ROW('old', -1))};
end`.execute(db);
  await sql`create trigger requests_tally_count_u after update on requests when ${sql.raw(CHANGED)} begin
  insert into ${sql.raw(COLS)} values ${sql.raw(ROW('old', -1))}, ${sql.raw(ROW('new', 1))};
end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger requests_tally_count_id on requests`.execute(db);
    await sql`drop trigger requests_tally_count_u on requests`.execute(db);
    await sql`drop function requests_tally_count()`.execute(db);
  } else {
    for (const t of ['i', 'd', 'u']) await sql`drop trigger ${sql.raw(`requests_tally_count_${t}`)}`.execute(db);
  }
  await db.schema.dropTable('request_tally_counts').execute();
}
