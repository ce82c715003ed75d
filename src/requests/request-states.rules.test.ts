import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canTransition, transition } from './request-states.rules.js';

test('the closed state model', () => {
  assert.equal(transition('submitted', 'confirm'), 'processing');
  assert.equal(transition('processing', 'request_correction'), 'awaiting_correction');
  assert.equal(transition('awaiting_correction', 'receive_correction'), 'processing');
  assert.equal(transition('processing', 'start_consultation'), 'consulting');
  assert.equal(transition('consulting', 'extend'), 'consulting');
  assert.equal(transition('processing', 'answer'), 'answered');
  assert.equal(canTransition('consulting', 'answer'), false);
  assert.equal(canTransition('answered', 'withdraw'), false);
  assert.throws(() => transition('answered', 'answer'), { code: 'request_state_conflict' });
});
