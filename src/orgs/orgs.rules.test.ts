import { test } from 'node:test';
import assert from 'node:assert/strict';
import { orderOrgs } from './orgs.rules.js';

const org = (id: number, parent: number | null, kind: string, code: string | null = null, sort = 0) => ({
  id,
  parent_id: parent,
  kind,
  code,
  sort_order: sort,
  name: `机构${id}`,
});

test('organisations: depth first, the set order, governments first, then by code, never by id as text', () => {
  const rows = [
    org(1, null, 'county'),
    org(2, 1, 'agency', '11000000000000000B'),
    org(10, 1, 'agency', '11000000000000000A'),
    org(3, 1, 'township'),
    org(4, 2, 'section'),
    org(11, 1, 'agency', null),
    org(12, 1, 'agency', '11000000000000000Z', -1),
  ];
  assert.deepEqual(
    orderOrgs(rows).map((o) => o.id),
    [1, 12, 10, 2, 4, 11, 3],
  );
  // A subset (an agency's own subtree) starts its own tree.
  assert.deepEqual(
    orderOrgs(rows.filter((r) => r.id === 2 || r.id === 4)).map((o) => o.id),
    [2, 4],
  );
});
