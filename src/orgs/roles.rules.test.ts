import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../platform/context.js';
import {
  can,
  grantableRoles,
  scopePaths,
  FOUNDATION_ACTIONS,
  ROLE_NAMES,
  type FoundationAction,
} from './roles.rules.js';
import { canManageUser } from './manage-users.rules.js';

// Tree: /1/ county; /1/2/ education bureau; /1/2/5/ its section; /1/3/ finance bureau.
const COUNTY = '/1/';
const EDU = '/1/2/';
const EDU_SECTION = '/1/2/5/';
const FIN = '/1/3/';
const actor = (role: string, orgPath: string, extra: Partial<Actor> = {}): Actor => ({
  kind: 'user',
  userId: 1,
  label: 'u',
  grants: [{ role, orgId: Number(orgPath.split('/').filter(Boolean).pop()), orgPath }],
  ip: null,
  ...extra,
});

test('policy matrix: every role × foundation action × scope', () => {
  const expected: Record<FoundationAction, string[]> = {
    'org.view': [...ROLE_NAMES],
    'org.manage': ['sysadmin', 'agency_admin'],
    'user.view': ['sysadmin', 'agency_admin', 'supervisor'],
    'user.manage': ['sysadmin', 'agency_admin'],
    'audit.read': ['sysadmin', 'supervisor', 'agency_admin'],
    'settings.manage': ['sysadmin'],
    'calendar.manage': ['sysadmin'],
  };
  for (const action of Object.keys(FOUNDATION_ACTIONS) as FoundationAction[]) {
    for (const role of ROLE_NAMES) {
      const a = actor(role, EDU);
      const allowed = expected[action].includes(role);
      assert.equal(can(a, action, EDU), allowed, `${role} ${action} on own org`);
      assert.equal(can(a, action, EDU_SECTION), allowed, `${role} ${action} on own subtree`);
      assert.equal(can(a, action, FIN), false, `${role} ${action} on a sibling agency`);
      assert.equal(can(a, action, COUNTY), false, `${role} ${action} on the parent`);
    }
  }
});

test('the public, the system and users with a pending password change hold no grants', () => {
  const pub: Actor = { kind: 'public', userId: null, label: 'public', grants: [], ip: null };
  assert.equal(can(pub, 'org.view', EDU), false);
  assert.equal(can(actor('sysadmin', COUNTY, { mustChangePassword: true }), 'org.manage', EDU), false);
});

test('an API token narrows the user to its roles', () => {
  const a: Actor = {
    ...actor('agency_admin', EDU),
    grants: [
      { role: 'agency_admin', orgId: 2, orgPath: EDU },
      { role: 'editor', orgId: 2, orgPath: EDU },
    ],
    tokenRoles: ['editor'],
  };
  assert.equal(can(a, 'org.manage', EDU), false);
  assert.equal(can(a, 'org.view', EDU), true);
});

test('only system administrators grant sysadmin and supervisor; agency admins grant agency roles in their subtree', () => {
  assert.ok(grantableRoles(actor('sysadmin', COUNTY), EDU).includes('supervisor'));
  const admin = actor('agency_admin', EDU);
  assert.deepEqual(grantableRoles(admin, FIN), []);
  const g = grantableRoles(admin, EDU_SECTION);
  assert.ok(g.includes('editor') && !g.includes('sysadmin') && !g.includes('supervisor'));
});

test('scopePaths drops subtrees already covered', () => {
  const a: Actor = {
    ...actor('agency_admin', EDU),
    grants: [
      { role: 'agency_admin', orgId: 2, orgPath: EDU },
      { role: 'agency_admin', orgId: 5, orgPath: EDU_SECTION },
      { role: 'editor', orgId: 3, orgPath: FIN },
    ],
  };
  assert.deepEqual(scopePaths(a, ['agency_admin']), [EDU]);
});

test('agency admins manage users only inside their subtree and never system-wide roles', () => {
  const admin = actor('agency_admin', EDU);
  assert.equal(canManageUser(admin, [{ role: 'editor', orgId: 5, orgPath: EDU_SECTION }]), true);
  assert.equal(canManageUser(admin, [{ role: 'editor', orgId: 3, orgPath: FIN }]), false);
  assert.equal(canManageUser(admin, [{ role: 'supervisor', orgId: 2, orgPath: EDU }]), false);
  assert.equal(canManageUser(admin, []), false);
  assert.equal(canManageUser(actor('sysadmin', COUNTY), [{ role: 'supervisor', orgId: 1, orgPath: COUNTY }]), true);
});
