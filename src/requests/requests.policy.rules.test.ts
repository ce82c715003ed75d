import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../platform/context.js';
import { ROLE_NAMES } from '../orgs/index.js';
import { canHandleRequests, canViewRequests, mayForward, seesPersonalData } from './requests.policy.rules.js';

// /1/ county; /1/2/ education bureau (the case's agency); /1/3/ finance bureau.
const EDU = '/1/2/';
const FIN = '/1/3/';
const actor = (role: string, orgPath: string, userId = 7): Actor => ({
  kind: 'user',
  userId,
  label: 'u',
  grants: [{ role, orgId: Number(orgPath.split('/').filter(Boolean).pop()), orgPath }],
  ip: null,
});

test('request handlers (docs/security.md): view the agency’s cases, work on and see the data of their own only', () => {
  const unassigned = { org_path: EDU, handler_id: null };
  const theirs = { org_path: EDU, handler_id: 7 };
  const colleagues = { org_path: EDU, handler_id: 8 };
  const handler = actor('request_handler', EDU);
  assert.equal(canViewRequests(handler, EDU), true);
  assert.equal(canHandleRequests(handler, EDU), true); // register, confirm, take an unassigned case
  assert.deepEqual(
    [unassigned, theirs, colleagues].map((r) => seesPersonalData(handler, r.org_path, r.handler_id)),
    [false, true, false],
  );
  assert.deepEqual(
    [unassigned, theirs, colleagues].map((r) => mayForward(handler, r)),
    [true, true, false],
  );
  // The head of office works on every case of the agency; nobody outside it on any.
  const head = actor('request_admin', EDU, 99);
  assert.deepEqual(
    [unassigned, theirs, colleagues].map((r) => [
      seesPersonalData(head, r.org_path, r.handler_id),
      mayForward(head, r),
    ]),
    [
      [true, true],
      [true, true],
      [true, true],
    ],
  );
  for (const role of ROLE_NAMES) {
    const outsider = actor(role, FIN);
    if (role === 'sysadmin') continue; // whole installation (sees no personal data: seesPersonalData)
    assert.equal(mayForward(outsider, unassigned) || mayForward(outsider, theirs), false, role);
  }
  // Other roles of the agency: view (supervisor, agency_admin) but never transfer.
  for (const role of ['supervisor', 'agency_admin', 'editor', 'message_handler'])
    assert.equal(mayForward(actor(role, EDU), unassigned), false, role);
});
