import type { Db } from './db/schema.js';
import type { Ctx } from './context.js';

const afterCommitHooks = new WeakMap<Db, Array<() => void>>();

/** Runs `fn` in a transaction, or in the caller's transaction when there is one. */
export async function tx<T>(ctx: Pick<Ctx, 'db'>, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx.db);
  const hooks: Array<() => void> = [];
  const result = await ctx.db.transaction().execute((trx) => {
    afterCommitHooks.set(trx, hooks);
    return fn(trx);
  });
  for (const h of hooks) h();
  return result;
}

/**
 * Runs `hook` once the transaction commits (nothing when it rolls back); at once outside a transaction.
 * Returns false for a transaction not opened by `tx`, where the hook cannot be placed.
 */
export function afterCommit(trx: Db, hook: () => void): boolean {
  if (!trx.isTransaction) {
    hook();
    return true;
  }
  const hooks = afterCommitHooks.get(trx);
  if (!hooks) return false;
  hooks.push(hook);
  return true;
}

/** Next value of a named counter (申请编号, 索引号 serials), inside the caller's transaction. */
export async function nextCounter(trx: Db, scope: string): Promise<number> {
  const updated = await trx
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('scope', '=', scope)
    .returning('value')
    .executeTakeFirst();
  if (updated) return updated.value;
  await trx
    .insertInto('counters')
    .values({ scope, value: 1 })
    .onConflict((oc) => oc.column('scope').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
    .execute();
  const row = await trx.selectFrom('counters').select('value').where('scope', '=', scope).executeTakeFirstOrThrow();
  return row.value;
}
