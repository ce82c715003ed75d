/** Read queries on users, their grants and API tokens for the console pages. */
import type { Ctx } from '../platform/context.js';
import { forbidden, notFound } from '../platform/errors.js';
import { can, isSysadmin } from './roles.rules.js';
import { canManageUser } from './manage-users.rules.js';
import { getUser, grantsOf, listTokens, listUsers, type TokenRow, type UserRow } from './users.store.js';

export type { TokenRow, UserRow };
export type UserGrant = Awaited<ReturnType<typeof grantsOf>>[number];
export type UserListRow = Awaited<ReturnType<typeof listUsers>>['rows'][number];

/** One page of the users with a grant inside the subtrees (all users when `underPaths` is undefined), searched by username or name. */
export const userList = (
  ctx: Pick<Ctx, 'db'>,
  opts: { underPaths?: string[]; q?: string; limit: number; offset: number },
): Promise<{ rows: UserListRow[]; total: number }> => listUsers(ctx.db, opts);

/** A user as the reader may see them: 404 when there is none, 403 when no grant lies in the reader's view; `manage` when the reader may manage the account. */
export async function userDetail(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  id: number,
): Promise<{ user: UserRow; grants: UserGrant[]; manage: boolean }> {
  const user = await getUser(ctx.db, id);
  if (!user) throw notFound('user_not_found', '用户不存在。');
  const grants = await grantsOf(ctx.db, id);
  if (!(grants.some((g) => can(ctx.actor, 'user.view', g.orgPath)) || isSysadmin(ctx.actor))) throw forbidden();
  return { user, grants, manage: canManageUser(ctx.actor, grants) };
}

/** The grants of a user (with the org's name). */
export const userGrants = (ctx: Pick<Ctx, 'db'>, userId: number): Promise<UserGrant[]> => grantsOf(ctx.db, userId);

/** The signed-in user's display name (undefined for a system or public actor). */
export async function myDisplayName(ctx: Pick<Ctx, 'db' | 'actor'>): Promise<string | undefined> {
  return ctx.actor.userId ? (await getUser(ctx.db, ctx.actor.userId))?.display_name : undefined;
}

/** The signed-in user's API tokens, newest first. */
export const myTokens = async (ctx: Pick<Ctx, 'db' | 'actor'>): Promise<TokenRow[]> =>
  ctx.actor.userId ? listTokens(ctx.db, ctx.actor.userId) : [];
