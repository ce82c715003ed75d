/**
 * Who may do what with requests (条例第四条: the agency's 政府信息公开工作机构 handles requests), pure.
 * Personal data is visible only to the case's handler and the agency's request administrators.
 */
import type { Actor } from '../platform/context.js';
import { effectiveGrants, inScope, rolesAllow, scopePaths } from '../orgs/index.js';
import { ITEM_WRITERS } from '../catalog/index.js';

/** Roles that may see (masked) request lists of their agencies. */
export const VIEW_ROLES = ['request_handler', 'request_admin', 'supervisor', 'agency_admin'] as const;
/** Roles that may register and work on requests. */
export const HANDLE_ROLES = ['request_handler', 'request_admin'] as const;
/** 第三十三条第二款: the office head (request_admin) approves extensions. */
export const APPROVE_ROLES = ['request_admin'] as const;

/** Whether the actor may view requests of the org at `orgPath`. */
export const canViewRequests = (actor: Actor, orgPath: string): boolean => rolesAllow(actor, VIEW_ROLES, orgPath);
/** Whether the actor may act on requests of the org at `orgPath`. */
export const canHandleRequests = (actor: Actor, orgPath: string): boolean => rolesAllow(actor, HANDLE_ROLES, orgPath);
/** Whether the actor may approve an extension for the org at `orgPath`. */
export const canApproveExtension = (actor: Actor, orgPath: string): boolean =>
  rolesAllow(actor, APPROVE_ROLES, orgPath);
/** Org subtrees whose requests the actor may list. */
export const requestScopes = (actor: Actor): string[] => scopePaths(actor, VIEW_ROLES);

/**
 * Whether the actor sees the applicant's personal data in clear: the assigned handler of the case
 * (holding request_handler or request_admin on the agency) or a request_admin of the agency.
 * System administrators do not, by design.
 */
export function seesPersonalData(actor: Actor, orgPath: string, handlerId: number | null): boolean {
  const grants = effectiveGrants(actor).filter((g) => inScope(g.orgPath, orgPath));
  if (grants.some((g) => g.role === 'request_admin')) return true;
  return handlerId !== null && actor.userId === handlerId && grants.some((g) => g.role === 'request_handler');
}

/**
 * Whether the actor may transfer (转送) the case: at intake (no handler yet) any handler of the agency, like
 * registering and confirming; once assigned, only the case's handler or a request administrator
 * (docs/security.md: a handler works only on the cases assigned to them).
 */
export const mayForward = (actor: Actor, r: { org_path: string; handler_id: number | null }): boolean =>
  r.handler_id === null ? canHandleRequests(actor, r.org_path) : seesPersonalData(actor, r.org_path, r.handler_id);

/** Subtrees where the actor sees every applicant's name (request_admin; sysadmin not, as `seesPersonalData`). */
export const nameScopes = (actor: Actor): string[] =>
  effectiveGrants(actor)
    .filter((g) => g.role === 'request_admin')
    .map((g) => g.orgPath);

/**
 * 依申请转主动 (第四十四条): an editor of the agency creates the draft ('editor'); the case's handler or the
 * request_admin without the editor role hands it off to the agency's editors ('hand_off'); nobody else.
 */
export function proactiveMode(
  actor: Actor,
  r: { org_path: string; handler_id: number | null },
): 'editor' | 'hand_off' | null {
  if (rolesAllow(actor, ITEM_WRITERS, r.org_path)) return 'editor';
  return seesPersonalData(actor, r.org_path, r.handler_id) ? 'hand_off' : null;
}
