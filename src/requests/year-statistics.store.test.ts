import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupOfKey } from './year-statistics.store.js';

test('a SQLite tally key reads back as its group; a malformed key is refused', () => {
  assert.deepEqual(groupOfKey('organization|research|answered|3.1|10', 4), {
    applicantType: 'organization',
    applicantKind: 'research',
    state: 'answered',
    outcomeCode: '3.1',
    receivedInYear: true,
    closedInYear: false,
    n: 4,
  });
  assert.deepEqual(groupOfKey('citizen||processing||01', 1), {
    applicantType: 'citizen',
    applicantKind: null,
    state: 'processing',
    outcomeCode: null,
    receivedInYear: false,
    closedInYear: true,
    n: 1,
  });
  assert.throws(() => groupOfKey('citizen|a|b|c|d|11', 1), /unexpected tally key/);
  assert.throws(() => groupOfKey('citizen||processing||1', 1), /unexpected tally key/);
});
