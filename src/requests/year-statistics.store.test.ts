import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tallyKeyParts } from './year-statistics.store.js';

test('a tally key reads back as the applicant, state and outcome; a malformed key is refused', () => {
  assert.deepEqual(tallyKeyParts('organization|research|answered|3.1'), {
    applicantType: 'organization',
    applicantKind: 'research',
    state: 'answered',
    outcomeCode: '3.1',
  });
  assert.deepEqual(tallyKeyParts('citizen||processing|'), {
    applicantType: 'citizen',
    applicantKind: null,
    state: 'processing',
    outcomeCode: null,
  });
  for (const bad of ['citizen|a|b|c|d', 'citizen||processing', '|x|answered|3.1', 'citizen|||3.1'])
    assert.throws(() => tallyKeyParts(bad), /unexpected tally key/, bad);
});
