/**
 * Entry module of 机构与人员 (orgs): agencies, departments, users, roles, sessions and API tokens.
 *
 * The only door into this capability from outside it (console, portal, api, cli, app and the other
 * capabilities): its use-cases, named read queries, rules and input schemas. Everything else in this
 * folder is internal; `npm run lint` enforces it (no-restricted-imports in eslint.config.js).
 */
export { createToken, revokeToken, TOKEN_PREFIX } from './api-tokens.js';
export { bootstrap } from './bootstrap.js';
export { changePassword } from './change-password.js';
export {
  isValidResidentId,
  isValidUscc,
  maskId,
  maskPhone,
  residentIdCheckChar,
  usccCheckChar,
} from './codes.rules.js';
export { createOrg } from './create-org.js';
export { createUser } from './create-user.js';
export type { CreateUserInput } from './create-user.js';
export { grantRole, revokeRole } from './grant-role.js';
export { login } from './login.js';
export { logoutEverywhere, resetPassword, setUserDisabled } from './manage-account.js';
export { agencyOptions, findEnabledOrg, findPublicAgency, publicAgencies, rootOrg } from './org-directory.js';
export { findOrg, orgOrNotFound, orgsWithin } from './org-queries.js';
export { authorizeOrgFirst, orgsInScope, viewableOrg } from './org-reads.js';
export { buildTree, ORG_KINDS } from './orgs.rules.js';
export { onOrgRenamed } from './org-listeners.js';
export type { OrgRenameListener } from './org-listeners.js';
export type { OrgInput } from './orgs.rules.js';
export { getOrg, listOrgs } from './orgs.store.js';
export type { OrgRow } from './orgs.store.js';
export { actorForToken, actorForUser } from './resolve-actor.js';
export { getDigestChoice, saveDigestChoice } from './digest-prefs.js';
export {
  DIGEST_CHOICES,
  DEFAULT_DIGEST_CHOICE,
  digestWays,
  parseDigestChoice,
  type DigestChoice,
} from './digest-prefs.rules.js';
export { roleHolderGrants } from './role-holders.js';
export {
  can,
  effectiveGrants,
  FOUNDATION_ACTIONS,
  grantableRoles,
  inScope,
  isRole,
  isSysadmin,
  ROLE_NAMES,
  roleLabel,
  ROLES,
  rolesAllow,
  scopePaths,
} from './roles.rules.js';
export type { FoundationAction, Role } from './roles.rules.js';
export { seedDemoCounty } from './seed-demo.js';
export { demoAgencies, demoStaff } from './demo-staff.js';
export type { DemoStaff } from './demo-staff.js';
export { setOrgDisabled, updateOrg } from './update-org.js';
export { myDisplayName, myTokens, userDetail, userGrants, userList } from './user-queries.js';
export type { UserGrant, UserListRow } from './user-queries.js';
export {
  findTokenByHash,
  findUserByUsername,
  getUser,
  grantsOf,
  listTokens,
  listUsers,
  withStaffNames,
} from './users.store.js';
export type { TokenRow, UserRow } from './users.store.js';
export { whoAmI } from './who-am-i.js';
