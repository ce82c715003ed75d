import { CompiledQuery, type Compilable } from 'kysely';
import type { Db } from './schema.js';
import { dialectOf } from './dialect-sql.js';

type Args = Record<string, string | number>;

/** The placeholder an argument is built with; it must come out of compile() as a parameter of its own. */
const mark = (k: string) => `\u0000gk-arg:${k}\u0000`;

interface Compiled<A> {
  sql: string;
  params: readonly unknown[];
  /** Parameter position → argument. */
  slots: Array<[number, keyof A]>;
}

/** Compiles `build` with placeholders and records where each argument lands among the parameters. */
export function compileWithSlots<A extends Args>(
  db: Db,
  keys: Array<keyof A>,
  build: (db: Db, args: A) => Compilable<unknown>,
): Compiled<A> {
  const q = build(db, Object.fromEntries(keys.map((k) => [k, mark(String(k))])) as A).compile();
  const byMark = new Map(keys.map((k) => [mark(String(k)), k]));
  const slots = q.parameters.flatMap((p, i) =>
    typeof p === 'string' && byMark.has(p) ? [[i, byMark.get(p)!] as [number, keyof A]] : [],
  );
  const missing = keys.filter((k) => !slots.some(([, s]) => s === k));
  if (missing.length)
    throw new Error(`reusableQuery: argument ${missing.join(', ')} is not a plain parameter of the query`);
  return { sql: q.sql, params: q.parameters, slots };
}

/**
 * A read built and compiled once per dialect, then run with new argument values. For the hottest
 * pages, where Kysely's building and compiling cost as much as the read itself. `build` gets
 * placeholders for the arguments and must use each only as a value (a parameter); it is checked.
 */
export function reusableQuery<A extends Args, R>(
  build: (db: Db, args: A) => Compilable<R>,
): (db: Db, args: A) => Promise<R[]> {
  const byDialect = new Map<string, Compiled<A>>();
  return async (db, args) => {
    const dialect = dialectOf(db);
    let c = byDialect.get(dialect);
    if (!c) byDialect.set(dialect, (c = compileWithSlots(db, Object.keys(args), build)));
    const params = [...c.params];
    for (const [i, k] of c.slots) params[i] = args[k];
    return (await db.executeQuery<R>(CompiledQuery.raw(c.sql, params))).rows;
  };
}
