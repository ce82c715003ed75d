import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../platform/context.js';
import { systemActor } from '../platform/context.js';
import { isAppError } from '../platform/errors.js';
import {
  availableActions,
  decide,
  statusesAwaiting,
  TRANSITIONS,
  ITEM_STATUSES,
  type ItemAction,
  type ItemStatus,
  type WorkflowItem,
} from './item-workflow.rules.js';

const user = (id: number, role: string, orgPath = '/1/2/'): Actor => ({
  kind: 'user',
  userId: id,
  label: `u${id}`,
  grants: [{ role, orgId: 2, orgPath }],
  ip: null,
});
const editor = user(1, 'editor');
const secrecy = user(2, 'secrecy_reviewer');
const legal = user(3, 'legality_reviewer');
const approver = user(4, 'approver');
const admin = user(5, 'agency_admin');
const otherAgencyApprover = user(6, 'approver', '/1/3/');
const item = (status: ItemStatus, needsLegality = false): WorkflowItem => ({
  status,
  needsLegality,
  authorId: 1,
  orgPath: '/1/2/',
});

function code(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
}

describe('item workflow (先审核后公开)', () => {
  const table: Array<[ItemStatus, boolean, ItemAction, Actor, string | null, ItemStatus | string]> = [
    ['draft', false, 'submit', editor, null, 'secrecy_review'],
    ['returned', false, 'submit', editor, null, 'secrecy_review'],
    ['secrecy_review', false, 'approve', secrecy, null, 'approval'],
    ['secrecy_review', true, 'approve', secrecy, null, 'legality_review'],
    ['legality_review', true, 'approve', legal, null, 'approval'],
    ['approval', false, 'publish', approver, null, 'published'],
    ['approval', false, 'schedule', approver, null, 'scheduled'],
    ['secrecy_review', false, 'return', secrecy, '涉及个人信息', 'returned'],
    ['approval', false, 'return', approver, '请修改标题', 'returned'],
    ['published', false, 'withdraw', approver, '内容有误', 'withdrawn'],
    ['published', false, 'correct', editor, '更正错别字', 'published'],
    ['scheduled', false, 'release', systemActor('job'), null, 'published'],
    // refusals
    ['draft', false, 'publish', approver, null, 'item_transition_invalid'],
    ['draft', false, 'approve', secrecy, null, 'item_transition_invalid'],
    ['secrecy_review', false, 'approve', legal, null, 'item_forbidden'],
    ['secrecy_review', false, 'approve', editor, null, 'item_self_approval'],
    ['approval', false, 'publish', otherAgencyApprover, null, 'item_forbidden'],
    ['approval', false, 'publish', editor, null, 'item_self_approval'],
    ['secrecy_review', false, 'return', secrecy, '  ', 'item_comment_required'],
    ['published', false, 'withdraw', approver, '', 'item_comment_required'],
    ['published', false, 'withdraw', editor, '理由', 'item_forbidden'],
    ['scheduled', false, 'release', approver, null, 'item_forbidden'],
    ['withdrawn', false, 'publish', approver, null, 'item_transition_invalid'],
    ['published', false, 'edit', editor, null, 'item_transition_invalid'],
  ];
  for (const [status, legality, action, actor, comment, expected] of table) {
    it(`${status}${legality ? '（规范性文件）' : ''} + ${action} by ${actor.grants[0]?.role ?? actor.kind} → ${expected}`, () => {
      const got = code(() => decide(item(status, legality), action, actor, comment));
      if (ITEM_STATUSES.includes(expected as ItemStatus))
        assert.equal(decide(item(status, legality), action, actor, comment), expected);
      else assert.equal(got, expected);
    });
  }

  it('an author who is also a reviewer still cannot approve their own item', () => {
    const both: Actor = {
      kind: 'user',
      userId: 1,
      label: 'u1',
      grants: [
        { role: 'editor', orgId: 2, orgPath: '/1/2/' },
        { role: 'secrecy_reviewer', orgId: 2, orgPath: '/1/2/' },
      ],
      ip: null,
    };
    assert.equal(
      code(() => decide(item('secrecy_review'), 'approve', both)),
      'item_self_approval',
    );
    assert.deepEqual(availableActions(item('secrecy_review'), both), ['return']);
  });
  it('agency admin can withdraw; sysadmin may do anything not reserved to non-authors', () => {
    assert.deepEqual(availableActions(item('published'), admin).sort(), ['correct', 'set_validity', 'withdraw']);
  });
  it('every state except published is reachable only through listed transitions', () => {
    const targets = new Set(TRANSITIONS.map((t) => (typeof t.to === 'string' ? t.to : 'approval')));
    for (const s of <ItemStatus[]>['published', 'scheduled', 'withdrawn', 'returned', 'secrecy_review', 'approval'])
      assert.ok(targets.has(s), s);
  });
  it('queues by role', () => {
    assert.deepEqual(statusesAwaiting('secrecy_reviewer'), ['secrecy_review']);
    assert.deepEqual(statusesAwaiting('approver'), ['approval']);
  });
});
