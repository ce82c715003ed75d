import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import { isAppError } from '../platform/errors.js';
import { saveLegacyStats } from './save-legacy-stats.js';
import { findLegacyStats, listLegacyStats, rowLegacyValues } from './legacy-stats.store.js';

const NOW = new Date('2026-03-01T02:00:00Z');

describeDb('pre-2019 统计表 of earlier years', (h) => {
  it('entered, then replaced by an import; each save audited; soft checks warn', async () => {
    const county = await makeOrg(h.db(), { name: '统计表县人民政府' });
    const agency = await makeOrg(h.db(), { parent: county, name: '统计表县民政局', kind: 'agency' });
    const admin = await makeUser(h.db(), [['agency_admin', agency]]);
    const sup = await makeUser(h.db(), [['supervisor', county]]);
    const first = await saveLegacyStats(h.ctx(admin.actor, NOW), {
      orgId: agency.id,
      year: 2017,
      values: { a_received: '5', a_in_person: '2', a_online: '2', fees_wan: '0.012' },
      source: 'entered',
    });
    assert.equal(first.replaced, false);
    assert.match(first.warnings[0].message, /“（一）收到申请数”为 5，而其分项之和为 4。/);
    const v = rowLegacyValues((await findLegacyStats(h.db(), agency.id, 2017))!);
    assert.equal(v.a_received, 5);
    assert.equal(v.fees_wan, 0.012);
    assert.equal(v.a_fax, null);
    const second = await saveLegacyStats(h.ctx(sup.actor, NOW), {
      orgId: agency.id,
      year: 2017,
      values: { a_received: 4, a_in_person: 2, a_online: 2 },
      source: 'imported',
    });
    assert.deepEqual([second.replaced, second.id, second.warnings], [true, first.id, []]);
    const rows = await listLegacyStats(h.db(), agency.id);
    assert.deepEqual(
      rows.map((r) => [r.year, r.source]),
      [[2017, 'imported']],
    );
    const audit = await h
      .db()
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('subject_type', '=', 'legacy_report_stats')
      .where('subject_id', '=', String(first.id))
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['report.legacy_save', 'report.legacy_save'],
    );
    assert.match(audit[0].summary, /录入「统计表县民政局」2017年度政府信息公开情况统计表（手工录入）/);
    assert.match(audit[1].summary, /修改「统计表县民政局」2017年度政府信息公开情况统计表（从文件导入）/);
  });

  it('bad input and other agencies are refused; nothing changes', async () => {
    const county = await makeOrg(h.db(), { name: '统计表二县' });
    const agency = await makeOrg(h.db(), { parent: county, name: '统计表二县教育局', kind: 'agency' });
    const other = await makeOrg(h.db(), { parent: county, name: '统计表二县财政局', kind: 'agency' });
    const admin = await makeUser(h.db(), [['agency_admin', agency]]);
    const fail = async (p: Promise<unknown>, code: string) => {
      const e = await p.then(
        () => null,
        (x: unknown) => x,
      );
      assert.ok(isAppError(e), String(e));
      assert.equal(e.errors[0].code, code);
      return e;
    };
    const y = await fail(
      saveLegacyStats(h.ctx(admin.actor, NOW), { orgId: agency.id, year: 2019, values: {}, source: 'entered' }),
      'year_invalid',
    );
    assert.match(y.errors[0].message, /2008 至 2018/);
    const bad = await fail(
      saveLegacyStats(h.ctx(admin.actor, NOW), {
        orgId: agency.id,
        year: 2016,
        values: { a_received: '三', o_budget_wan: '1.5' },
        source: 'entered',
      }),
      'legacy_figure_invalid',
    );
    assert.equal(bad.errors[0].field, 'l_a_received');
    await fail(
      saveLegacyStats(h.ctx(admin.actor, NOW), {
        orgId: other.id,
        year: 2016,
        values: { a_received: '1' },
        source: 'entered',
      }),
      'forbidden',
    );
    const n = await h
      .db()
      .selectFrom('legacy_report_stats')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', 'in', [agency.id, other.id])
      .executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 0);
  });
});
