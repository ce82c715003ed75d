import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, systemCtx } from '../../test/helpers/factories.js';
import { addCase, addCaseEvent } from '../../test/helpers/report-records.js';
import type { OrgRow } from '../orgs/orgs.store.js';
import { OUTCOMES } from './outcomes.rules.js';
import { requestStatistics } from './request-statistics.js';
import { seededRandom } from '../platform/seeded-random.js';
import { tallyTable3 } from './tally.rules.js';
import { TABLE3_ROWS } from './outcomes.rules.js';
import { requestCellRecords } from './request-cell-records.js';
import { sql } from 'kysely';

const KINDS = [null, 'business', 'research', 'public_interest', 'legal_service', 'other'] as const;
const STATES_OPEN = ['processing', 'awaiting_correction', 'consulting', 'awaiting_fee'] as const;
const iso = (d: Date) => d.toISOString().slice(0, 10);

describeDb('annual report table 三 and fees counted from the year’s rows (SQL groups) = counted case by case', (h) => {
  let agency: OrgRow;
  const NOW = new Date('2027-01-10T02:00:00Z');
  type Case = {
    id: number;
    orgId: number;
    type: string;
    kind: string | null;
    received: string | null;
    state: string;
    closed: string | null;
    outcome: string | null;
  };
  const cases: Case[] = [];
  const fees: Array<{ c: Case; amount: number; noticeOn: string; paidOn: string | null }> = [];

  before(async () => {
    const county = await makeOrg(h.db(), { name: '示范县' });
    agency = await makeOrg(h.db(), { parent: county, name: '县自然资源局' });
    const section = await makeOrg(h.db(), { parent: agency, kind: 'section', name: '法规股' });
    const other = await makeOrg(h.db(), { parent: county, name: '县教育局' });
    const random = seededRandom(20261206);
    const rnd = random.next;
    const pick = random.pick;
    for (let i = 0; i < 600; i++) {
      // Received 2019-06 … 2026-12; some closed the same year, some years later, some never, a few withdrawn.
      const day = new Date(Date.UTC(2019, 5, 1) + Math.floor(rnd() * 7.5 * 365) * 86_400_000);
      const r = rnd();
      const closed = r < 0.12 ? null : new Date(day.getTime() + Math.floor(rnd() * (r < 0.3 ? 700 : 60)) * 86_400_000);
      const kind = pick(KINDS);
      const withdrawn = closed && rnd() < 0.05;
      const c = {
        orgId: pick([agency.id, agency.id, section.id, other.id]),
        type: kind ? 'organization' : 'citizen',
        kind,
        received: rnd() < 0.03 ? null : iso(day),
        state: closed ? (withdrawn ? 'withdrawn' : 'answered') : pick(STATES_OPEN),
        closed: closed ? iso(closed) : null,
        outcome: closed && !withdrawn ? pick(OUTCOMES).code : null,
      };
      const id = await addCase(
        h.db(),
        { id: c.orgId },
        {
          ...c,
          type: c.type as 'citizen' | 'organization',
          submitted: iso(day),
          closed: c.closed ?? undefined,
          outcome: c.outcome ?? undefined,
        },
      );
      cases.push({ ...c, id });
      // Fee cycles in recording order: a notice, then (mostly) its payment; a later notice (a second fee, or
      // one that replaces an unpaid notice) counts only for the payments after it.
      for (let cycle = 0, at = day.getTime(); rnd() < (cycle ? 0.35 : 0.15); cycle++) {
        const noticeOn = iso(new Date((at += 5 * 86_400_000)));
        const paidOn = rnd() < 0.7 ? iso(new Date((at += Math.floor(rnd() * 400) * 86_400_000))) : null;
        fees.push({ c: cases.at(-1)!, amount: 10 + Math.floor(rnd() * 90), noticeOn, paidOn });
      }
    }
    for (const f of fees) {
      await addCaseEvent(h.db(), f.c.id, 'fee_notice_sent', f.noticeOn, { amount: f.amount });
      if (f.paidOn) await addCaseEvent(h.db(), f.c.id, 'fee_paid', f.paidOn, {});
    }
  });

  test('every year 2019–2026: the same table 三 as counting each case, and the same fees', async () => {
    const inAgency = new Set(
      (await h.db().selectFrom('orgs').select('id').where('path', 'like', `${agency.path}%`).execute()).map(
        (o) => o.id,
      ),
    );
    const mine = cases.filter((c) => inAgency.has(c.orgId));
    assert.ok(mine.length > 300);
    let counted = 0;
    for (let year = 2019; year <= 2026; year++) {
      const stats = await requestStatistics(systemCtx(h.ctx(undefined, NOW)), { orgId: agency.id, year });
      const expected = tallyTable3(
        mine.map((c) => ({
          applicantType: c.type,
          applicantKind: c.kind,
          receivedOn: c.received,
          state: c.state,
          closedOn: c.closed,
          outcomeCode: c.outcome,
        })),
        year,
      );
      assert.deepEqual(stats.table, expected, `table 三 of ${year}`);
      assert.equal(stats.balanced, true);
      counted += expected['一'][6];
      const paid = fees
        .filter((f) => f.paidOn?.startsWith(String(year)) && inAgency.has(f.c.orgId))
        .reduce((s, f) => s + f.amount, 0);
      assert.equal(stats.feesCollected, paid, `fees of ${year}`);
    }
    assert.ok(counted > 250, 'most cases were received in some year and counted');
    assert.ok(
      fees.some((f, i) => fees.findIndex((g) => g.c === f.c) !== i && f.paidOn),
      'some case paid a second notice',
    );
  });

  test('the drill-down of every cell of 2024 lists exactly the cases its number counts', async () => {
    const ctx = systemCtx(h.ctx(undefined, NOW));
    const { table } = await requestStatistics(ctx, { orgId: agency.id, year: 2024 });
    let nonZero = 0;
    for (const { row } of TABLE3_ROWS)
      for (let col = 0; col < 7; col++) {
        const cell = { table: '三' as const, rows: [row], col };
        const r = await requestCellRecords(ctx, { orgId: agency.id, year: 2024, cell, limit: 5, offset: 0 });
        assert.equal(r.total, table[row][col], `cell ${row} / column ${col}`);
        assert.equal(r.rows.length, Math.min(5, r.total));
        if (r.total) nonZero++;
      }
    assert.ok(nonZero > 40, `many cells hold cases (${nonZero})`);
  });

  test('an index on the receipt date (as a deployment might add) changes no count', async () => {
    const ctx = systemCtx(h.ctx(undefined, NOW));
    const before = await requestStatistics(ctx, { orgId: agency.id, year: 2024 });
    await sql`create index probe_org_received on requests (org_id, received_on, applicant_type)`.execute(h.db());
    try {
      assert.deepEqual(await requestStatistics(ctx, { orgId: agency.id, year: 2024 }), before);
    } finally {
      await sql`drop index probe_org_received`.execute(h.db());
    }
  });
});
