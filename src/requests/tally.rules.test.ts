import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TABLE3_COLUMNS, table3Balanced, tallyTable3, type TallyCase } from './tally.rules.js';

const c = (o: Partial<TallyCase>): TallyCase => ({
  applicantType: 'citizen',
  applicantKind: null,
  receivedOn: '2025-03-01',
  state: 'answered',
  closedOn: '2025-03-20',
  outcomeCode: '1',
  ...o,
});

test('table 三 for 2025: new, carried over, outcomes by applicant column, carried forward; balanced', () => {
  const t = tallyTable3(
    [
      c({}),
      c({ applicantType: 'organization', applicantKind: 'legal_service', outcomeCode: '2' }),
      c({ receivedOn: '2024-12-20', closedOn: '2025-01-10', outcomeCode: '4.1' }),
      c({ receivedOn: '2025-12-25', state: 'processing', closedOn: null, outcomeCode: null }),
      c({
        state: 'withdrawn',
        outcomeCode: null,
        closedOn: '2025-04-01',
        applicantType: 'organization',
        applicantKind: 'business',
      }),
      c({ receivedOn: '2024-05-01', closedOn: '2024-05-20' }),
      c({ receivedOn: null, state: 'submitted', closedOn: null, outcomeCode: null }),
    ],
    2025,
  );
  assert.equal(TABLE3_COLUMNS.length, 7);
  assert.deepEqual(t['一'], [2, 1, 0, 0, 1, 0, 4]);
  assert.deepEqual(t['二'], [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(t['三.1'], [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(t['三.2'], [0, 0, 0, 0, 1, 0, 1]);
  assert.deepEqual(t['三.4.1'], [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(t['三.6.3'], [0, 1, 0, 0, 0, 0, 1]);
  assert.deepEqual(t['三.(七)'], [2, 1, 0, 0, 1, 0, 4]);
  assert.deepEqual(t['四'], [1, 0, 0, 0, 0, 0, 1]);
  assert.equal(table3Balanced(t), true);
  assert.equal(Object.keys(t).length, 25);
});
