import type { Actor, Grant } from '../platform/context.js';
import { can, isSysadmin } from './roles.rules.js';

/**
 * Whether the actor may manage (reset, disable, edit) a user with these grants:
 * system administrators always; agency administrators when every grant of the
 * user lies within their subtree and the user holds no system-wide role.
 */
export function canManageUser(actor: Actor, targetGrants: readonly Grant[]): boolean {
  if (actor.kind === 'system') return true;
  if (isSysadmin(actor)) return true;
  if (!targetGrants.length) return false;
  if (targetGrants.some((g) => g.role === 'sysadmin' || g.role === 'supervisor')) return false;
  return targetGrants.every((g) => can(actor, 'user.manage', g.orgPath));
}
