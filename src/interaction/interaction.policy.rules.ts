/**
 * Who may do what with public messages and comment periods, pure. 条例第四条 and 国办秘函〔2019〕19号:
 * each agency answers the messages addressed to it; supervisors see the figures.
 * Personal data (name, phone, e-mail, address) is visible only to the staff who handle messages
 * of the agency (message_handler on it); everyone else sees it masked.
 */
import type { Actor } from '../platform/context.js';
import { effectiveGrants, inScope, rolesAllow, scopePaths } from '../orgs/index.js';

/** Roles that see (masked) message lists and figures. */
export const VIEW_ROLES = ['message_handler', 'supervisor', 'agency_admin'] as const;
/** Roles that handle messages (签收, assign, transfer, reply, extend, register). */
export const HANDLE_ROLES = ['message_handler'] as const;
/** Roles that moderate and publish Q&A and open comment periods. */
export const PUBLISH_ROLES = ['message_handler', 'agency_admin'] as const;

/** Whether the actor may view messages of the org at `orgPath`. */
export const canViewMessages = (actor: Actor, orgPath: string): boolean => rolesAllow(actor, VIEW_ROLES, orgPath);
/** Whether the actor may handle messages of the org at `orgPath`. */
export const canHandleMessages = (actor: Actor, orgPath: string): boolean => rolesAllow(actor, HANDLE_ROLES, orgPath);
/** Whether the actor may moderate and publish for the org at `orgPath`. */
export const canPublish = (actor: Actor, orgPath: string): boolean => rolesAllow(actor, PUBLISH_ROLES, orgPath);
/** Org subtrees whose messages the actor may list. */
export const messageScopes = (actor: Actor): string[] => scopePaths(actor, VIEW_ROLES);

/** Whether the actor sees the citizen's contact details in clear: a message_handler of the agency (not sysadmin). */
export function seesContact(actor: Actor, orgPath: string): boolean {
  return effectiveGrants(actor).some((g) => g.role === 'message_handler' && inScope(g.orgPath, orgPath));
}
