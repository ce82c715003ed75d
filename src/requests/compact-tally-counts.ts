/**
 * Sums table 三's counts (`request_tally_counts`): the rows the triggers on `requests` added (+1 / -1 per
 * change) become one row per group, groups summing to nothing disappear. Nothing is counted differently:
 * a group's count is the sum of its rows before and after. Run hourly (`requests.tally_compact`) so a
 * year's tally reads a few hundred rows; a tally between two runs also reads the hour's changes.
 */
import { sql } from 'kysely';
import type { Ctx } from '../platform/context.js';
import { dialectOf } from '../platform/db/dialect-sql.js';
import { tx } from '../platform/tx.js';

const GROUP = 'org_id, tally_key, received_year, closed_year';
const INTO = sql.raw(`insert into request_tally_counts (${GROUP}, n)`);
const SUMS = sql.raw(`select ${GROUP}, sum(n) from`);
const BY = sql.raw(`group by ${GROUP} having sum(n) <> 0`);

/** Compacts the counts; returns how many rows were summed and how many they became. */
export async function compactTallyCounts(ctx: Pick<Ctx, 'db'>): Promise<{ summed: number; groups: number }> {
  return tx(ctx, async (trx) => {
    if (dialectOf(trx) === 'postgres') {
      // One statement, one snapshot: the rows summed are exactly the rows deleted; rows other transactions
      // add meanwhile are neither (and they never wait: no row is ever updated).
      const r = await sql<{
        summed: string;
        groups: string;
      }>`with gone as (delete from request_tally_counts returning *),
  sums as (${INTO} ${SUMS} gone ${BY} returning 1)
  select (select count(*) from gone) as summed, (select count(*) from sums) as groups`.execute(trx);
      return { summed: Number(r.rows[0]!.summed), groups: Number(r.rows[0]!.groups) };
    }
    // SQLite: the first statement takes the one write lock, so nothing is added until the commit; the sums
    // get ids above every row summed, which are then deleted.
    const sums = await sql<{ id: number }>`${INTO} ${SUMS} request_tally_counts
  where id <= (select max(id) from request_tally_counts) ${BY} returning id`.execute(trx);
    const last = sums.rows.length
      ? sums.rows.reduce((m, r) => Math.min(m, r.id), Infinity) - 1
      : (
          await trx
            .selectFrom('request_tally_counts')
            .select((eb) => eb.fn.max('id').as('m'))
            .executeTakeFirst()
        )?.m;
    const gone =
      last == null
        ? 0
        : Number(
            (await trx.deleteFrom('request_tally_counts').where('id', '<=', last).executeTakeFirst()).numDeletedRows,
          );
    return { summed: gone, groups: sums.rows.length };
  });
}
