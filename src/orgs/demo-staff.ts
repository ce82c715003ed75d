import type { Actor, Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { actorForUser } from './resolve-actor.js';

/** The demo staff as the demo seeders act with them, and a clock set to the day of each event. */
export interface DemoStaff {
  /** A demo user holding `role` on the org itself, else on its nearest ancestor (the county's staff). */
  actor(orgId: number, role: string): Promise<Actor>;
  /** A copy of ctx acting as `actor` at 09:00 Beijing time on `day`, plus `minute` minutes. */
  at(actor: Actor, day: string, minute?: number): Ctx;
}

/** Loads the demo users' grants once; `actor()` answers from them. */
export async function demoStaff(ctx: Ctx): Promise<DemoStaff> {
  const rows = await ctx.db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .innerJoin('orgs', 'orgs.id', 'role_grants.org_id')
    .select(['users.id as userId', 'role_grants.role', 'orgs.path'])
    .where('users.is_demo', '=', 1)
    .orderBy('users.id')
    .execute();
  const orgPaths = new Map(
    (await ctx.db.selectFrom('orgs').select(['id', 'path']).execute()).map((o) => [o.id, o.path] as const),
  );
  const cache = new Map<number, Actor>();
  return {
    async actor(orgId, role) {
      const path = orgPaths.get(orgId) ?? '';
      const best = rows
        .filter((r) => r.role === role && path.startsWith(r.path))
        .sort((a, b) => b.path.length - a.path.length)[0];
      if (!best) throw new Error(`no demo user with role ${role} over org ${orgId}`);
      let a = cache.get(best.userId);
      if (!a) {
        const found = await actorForUser(ctx.db, best.userId, null);
        if (!found) throw new Error(`demo user ${best.userId} unavailable`);
        a = found;
        cache.set(best.userId, a);
      }
      return a;
    },
    at(actor, day, minute = 0) {
      // Never later than the real clock: an event of today happens before now.
      const t = new Date(Math.min(Date.parse(`${day}T01:00:00Z`) + minute * 60_000, ctx.now().getTime()));
      return { ...ctx, actor, now: () => t };
    },
  };
}

/** The demo agencies and townships (not the county, not sections), in creation order: who the demo seeders work for. */
export function demoAgencies(db: Db): Promise<Array<{ id: number; name: string }>> {
  return db
    .selectFrom('orgs')
    .select(['id', 'name'])
    .where('is_demo', '=', 1)
    .where('kind', 'in', ['agency', 'township'])
    .orderBy('id')
    .execute();
}
