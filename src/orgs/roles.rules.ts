import type { Actor, Grant } from '../platform/context.js';

/** The staff roles (issue: foundation). Each is held on an organisation subtree. */
export const ROLES = {
  sysadmin: '系统管理员',
  supervisor: '政务公开办（监督）',
  agency_admin: '单位管理员',
  editor: '信息员',
  secrecy_reviewer: '保密审查',
  legality_reviewer: '合法性审查',
  approver: '领导签发',
  request_handler: '依申请公开办理',
  request_admin: '依申请公开负责人',
  message_handler: '咨询投诉办理',
} as const;

export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];
export const isRole = (r: string): r is Role => Object.prototype.hasOwnProperty.call(ROLES, r);

/**
 * Foundation actions and the roles that may perform them within their subtree.
 * Capabilities declare their own action tables with `rolesAllow` below.
 */
export const FOUNDATION_ACTIONS = {
  'org.view': ROLE_NAMES,
  'org.manage': ['sysadmin', 'agency_admin'],
  'user.view': ['sysadmin', 'agency_admin', 'supervisor'],
  'user.manage': ['sysadmin', 'agency_admin'],
  'audit.read': ['sysadmin', 'supervisor', 'agency_admin'],
  'settings.manage': ['sysadmin'],
  'calendar.manage': ['sysadmin'],
} as const satisfies Record<string, readonly Role[]>;

export type FoundationAction = keyof typeof FOUNDATION_ACTIONS;

/** Grants the actor may use now: an API token narrows them to its roles. */
export function effectiveGrants(actor: Actor): readonly Grant[] {
  if (actor.kind !== 'user') return [];
  if (actor.mustChangePassword) return [];
  const t = actor.tokenRoles;
  return t ? actor.grants.filter((g) => t.includes(g.role)) : actor.grants;
}

/** True when `orgPath` lies within the subtree rooted at `scopePath`. */
export const inScope = (scopePath: string, orgPath: string): boolean => orgPath.startsWith(scopePath);

/**
 * Whether the actor holds one of `roles` on an org whose subtree contains `orgPath`.
 * Without `orgPath`, whether the actor holds one of the roles anywhere.
 */
export function rolesAllow(actor: Actor, roles: readonly string[], orgPath?: string): boolean {
  return effectiveGrants(actor).some(
    (g) => (roles.includes(g.role) || g.role === 'sysadmin') && (orgPath === undefined || inScope(g.orgPath, orgPath)),
  );
}

/** System administrators act on the whole installation, whatever org their grant sits on. */
export const isSysadmin = (actor: Actor): boolean => effectiveGrants(actor).some((g) => g.role === 'sysadmin');

/** Policy for foundation actions. */
export function can(actor: Actor, action: FoundationAction, orgPath?: string): boolean {
  return rolesAllow(actor, FOUNDATION_ACTIONS[action], orgPath);
}

/** Roles the actor may grant on the org at `orgPath`: admins grant agency roles in their subtree; only sysadmin grants sysadmin and supervisor. */
export function grantableRoles(actor: Actor, orgPath: string): Role[] {
  if (rolesAllow(actor, ['sysadmin'], orgPath)) return [...ROLE_NAMES];
  if (rolesAllow(actor, ['agency_admin'], orgPath))
    return ROLE_NAMES.filter((r) => r !== 'sysadmin' && r !== 'supervisor');
  return [];
}

/** Paths of the subtrees where the actor holds any of the roles (for list filters). */
export function scopePaths(actor: Actor, roles: readonly string[]): string[] {
  const paths = effectiveGrants(actor)
    .filter((g) => roles.includes(g.role) || g.role === 'sysadmin')
    .map((g) => g.orgPath)
    .sort((a, b) => a.length - b.length);
  // drop paths already covered by a shorter one
  return paths.filter((p, i) => !paths.slice(0, i).some((q) => inScope(q, p)));
}

/** Chinese labels of roles, for display. */
export const roleLabel = (r: string): string => (isRole(r) ? ROLES[r] : r);
