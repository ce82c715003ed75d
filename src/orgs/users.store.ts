import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/schema.js';
import type { Grant } from '../platform/context.js';
import type { ApiTokensTable, UsersTable } from './orgs.tables.js';
import './orgs.tables.js';

export type UserRow = Selectable<UsersTable>;
export type TokenRow = Selectable<ApiTokensTable>;

export const getUser = (db: Db, id: number): Promise<UserRow | undefined> =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const findUserByUsername = (db: Db, username: string): Promise<UserRow | undefined> =>
  db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

/** A user's grants with the path of each grant's org. */
export async function grantsOf(db: Db, userId: number): Promise<Array<Grant & { id: number; orgName: string }>> {
  const rows = await db
    .selectFrom('role_grants')
    .innerJoin('orgs', 'orgs.id', 'role_grants.org_id')
    .select(['role_grants.id', 'role_grants.role', 'role_grants.org_id', 'orgs.path', 'orgs.name'])
    .where('role_grants.user_id', '=', userId)
    .orderBy('orgs.path')
    .orderBy('role_grants.role')
    .execute();
  return rows.map((r) => ({ id: r.id, role: r.role, orgId: r.org_id, orgPath: r.path, orgName: r.name }));
}

/** Users with at least one grant inside one of the subtrees (all users when `underPaths` is undefined). */
export async function listUsers(db: Db, opts: { underPaths?: string[]; q?: string; limit: number; offset: number }) {
  let q = db
    .selectFrom('users')
    .select([
      'id',
      'username',
      'display_name',
      'email',
      'disabled',
      'last_login_at',
      'must_change_password',
      'is_demo',
      'locked_until',
    ]);
  if (opts.underPaths) {
    const paths = opts.underPaths;
    if (!paths.length) return { rows: [], total: 0 };
    q = q.where('id', 'in', (eb) =>
      eb
        .selectFrom('role_grants')
        .innerJoin('orgs', 'orgs.id', 'role_grants.org_id')
        .select('role_grants.user_id')
        .where((w) => w.or(paths.map((p) => w('orgs.path', 'like', `${p}%`)))),
    );
  }
  if (opts.q) {
    const like = `%${opts.q}%`;
    q = q.where((eb) => eb.or([eb('username', 'like', like), eb('display_name', 'like', like)]));
  }
  const total = Number(
    (
      await q
        .clearSelect()
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const rows = await q.orderBy('username').limit(opts.limit).offset(opts.offset).execute();
  return { rows, total };
}

export const findTokenByHash = (db: Db, hash: string): Promise<TokenRow | undefined> =>
  db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();

export const listTokens = (db: Db, userId: number): Promise<TokenRow[]> =>
  db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').execute();

/**
 * A history's entries with staff named by their real name (姓名) instead of the login name recorded in
 * `actor_label`; the recorded label stays for an entry without a user or whose user is gone.
 */
export async function withStaffNames<T extends { actor_id: number | null; actor_label: string }>(
  db: Db,
  events: readonly T[],
): Promise<T[]> {
  const ids = [...new Set(events.flatMap((e) => (e.actor_id === null ? [] : [e.actor_id])))];
  if (!ids.length) return [...events];
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  const names = new Map(rows.map((r) => [r.id, r.display_name]));
  return events.map((e) => ({ ...e, actor_label: names.get(e.actor_id ?? 0) ?? e.actor_label }));
}
