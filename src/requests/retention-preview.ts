/** How many closed cases a retention period would erase today (read only, for the settings page). */
import type { Db } from '../platform/db/schema.js';
import { ERASED, retentionCutoff } from './retention.js';

/** Cases closed before the cutoff whose personal data is still there, and their identity-proof files. */
export async function previewRetention(
  db: Db,
  day: string,
  years: number,
): Promise<{ cutoff: string; cases: number; files: number }> {
  const cutoff = retentionCutoff(day, years);
  const c = await db
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('closed_on', 'is not', null)
    .where('closed_on', '<', cutoff)
    .where('applicant_name', '!=', ERASED)
    .executeTakeFirstOrThrow();
  const f = await db
    .selectFrom('request_id_proofs')
    .innerJoin('requests', 'requests.id', 'request_id_proofs.request_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('requests.closed_on', 'is not', null)
    .where('requests.closed_on', '<', cutoff)
    .executeTakeFirstOrThrow();
  return { cutoff, cases: Number(c.n), files: Number(f.n) };
}
