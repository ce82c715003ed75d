import { hashPassword } from '../../src/platform/auth/password.js';
import type { Actor, Ctx } from '../../src/platform/context.js';
import { systemActor } from '../../src/platform/context.js';
import { insertOrg, type OrgRow } from '../../src/orgs/orgs.store.js';
import { actorForUser } from '../../src/orgs/resolve-actor.js';
import { emptyOrgFields, type OrgKind } from '../../src/orgs/orgs.rules.js';
import { testClock } from './clock.js';
import type { Db } from '../../src/platform/db/schema.js';

export const TEST_PASSWORD = 'Test-Password-2026';
let n = 0;
let cachedHash: Promise<string> | null = null;

/** An organisation (a root when no parent is given). */
export async function makeOrg(
  db: Db,
  opts: { parent?: OrgRow | null; name?: string; kind?: OrgKind; code?: string | null } = {},
): Promise<OrgRow> {
  n++;
  return insertOrg(
    db,
    opts.parent ?? null,
    {
      ...emptyOrgFields(opts.kind ?? (opts.parent ? 'agency' : 'county'), opts.name ?? `测试机构${n}`),
      code: opts.code ?? null,
    },
    testClock().toISOString(),
  );
}

/** A staff user with the given grants and the password TEST_PASSWORD (no forced change unless asked). */
export async function makeUser(
  db: Db,
  grants: Array<[string, OrgRow | number]>,
  opts: { username?: string; mustChange?: boolean } = {},
): Promise<{ id: number; username: string; actor: Actor }> {
  n++;
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const now = testClock().toISOString();
  const username = opts.username ?? `user${n}_${Math.random().toString(36).slice(2, 6)}`;
  const u = await db
    .insertInto('users')
    .values({
      username,
      display_name: `用户${n}`,
      email: null,
      phone: null,
      password_hash: await cachedHash,
      must_change_password: opts.mustChange ? 1 : 0,
      password_changed_at: now,
      disabled: 0,
      failed_logins: 0,
      locked_until: null,
      last_login_at: null,
      is_demo: 0,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [role, org] of grants) {
    await db
      .insertInto('role_grants')
      .values({
        user_id: u.id,
        role,
        org_id: typeof org === 'number' ? org : org.id,
        created_at: now,
        created_by: null,
      })
      .execute();
  }
  const actor = (await actorForUser(db, u.id, '127.0.0.1'))!;
  return { id: u.id, username, actor };
}

/** A system context on a database (for seeding inside tests). */
export const systemCtx = (ctx: Ctx): Ctx => ({ ...ctx, actor: systemActor('test') });
