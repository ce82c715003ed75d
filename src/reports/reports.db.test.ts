import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import { isAppError } from '../platform/errors.js';
import { createReport } from './create-report.js';
import { updateReport } from './update-report.js';
import { submitReport } from './submit-report.js';
import { reviewReport } from './review-report.js';
import { publishReport } from './publish-report.js';
import { getReport, rowTables } from './reports.store.js';
import { recordsForCell, registerReportSource } from './report-source.js';
import { sampleTables } from './fixtures/sample-tables.js';
import { checkIdentities } from './identities.rules.js';

const NOW = new Date('2026-01-20T02:00:00Z');

async function rejects(p: Promise<unknown>, code: string): Promise<import('../platform/errors.js').AppError> {
  try {
    await p;
  } catch (e) {
    assert.ok(isAppError(e), String(e));
    assert.equal(e.code, code, JSON.stringify(e.errors));
    return e;
  }
  assert.fail(`expected ${code}`);
}

const audit = (h: { db(): import('../platform/db/schema.js').Db }, id: number) =>
  h
    .db()
    .selectFrom('audit_events')
    .select(['action', 'summary'])
    .where('subject_type', '=', 'annual_report')
    .where('subject_id', '=', String(id))
    .orderBy('seq')
    .execute();

describeDb('annual reports', (h) => {
  it('draft (computed) → refused with a broken identity → submitted → returned → accepted → published, each audited', async () => {
    const county = await makeOrg(h.db(), { name: '某县人民政府' });
    const agency = await makeOrg(h.db(), { parent: county, name: '某县交通运输局', kind: 'agency' });
    const editor = await makeUser(h.db(), [['editor', agency]]);
    const sup = await makeUser(h.db(), [['supervisor', county]]);
    const ctxE = h.ctx(editor.actor, NOW);
    const ctxS = h.ctx(sup.actor, NOW);
    // Earlier year entered as history (carry-over source for 二).
    const last = sampleTables('2021', 5);
    const hist = await createReport(ctxS, {
      orgId: agency.id,
      year: 2024,
      tables: last,
      source: 'imported',
      history: true,
    });
    assert.equal((await getReport(h.db(), hist.id))?.status, 'archived');

    const { id } = await createReport(ctxE, { orgId: agency.id, year: 2025 });
    const r = (await getReport(h.db(), id))!;
    assert.equal(r.status, 'draft');
    assert.equal(r.format, '2021');
    assert.equal(r.source, 'computed');
    const t = rowTables(r);
    assert.deepEqual(t.table3.carried, last.table3.next, '二 = last year 四');
    assert.deepEqual(checkIdentities(t, last), []);
    assert.match(r.overview, /2025年，某县交通运输局/);
    assert.match(r.other, /信息处理费/);
    await rejects(createReport(ctxE, { orgId: agency.id, year: 2025 }), 'report_exists');

    // Break 四 总计 then try to submit: refused, naming the cell.
    const bad = { ...t, table4: [...t.table4] };
    bad.table4[0] = (bad.table4[0] ?? 0) + 1;
    await updateReport(ctxE, { id, tables: bad, problems: '存在问题：……' });
    const e = await rejects(submitReport(ctxE, { id }), 'identity_table4_total');
    assert.equal(e.errors[0].field, 't4_4');
    assert.match(e.errors[0].message, /表四“行政复议”的“总计”应为/);
    assert.equal((await getReport(h.db(), id))?.status, 'draft');

    await updateReport(ctxE, { id, tables: t });
    await rejects(reviewReport(ctxS, { id, decision: 'accept' }), 'report_state');
    await submitReport(ctxE, { id });
    await rejects(reviewReport(ctxE, { id, decision: 'accept' }), 'forbidden');
    await rejects(reviewReport(ctxS, { id, decision: 'return' }), 'comment_required');
    await reviewReport(ctxS, { id, decision: 'return', comment: '请补充第五部分。' });
    const ret = (await getReport(h.db(), id))!;
    assert.equal(ret.status, 'returned');
    assert.equal(ret.review_comment, '请补充第五部分。');
    await submitReport(ctxE, { id });
    await reviewReport(ctxS, { id, decision: 'accept' });
    await rejects(publishReport(ctxE, { id }), 'forbidden');
    const pub = await publishReport(ctxS, { id });
    assert.equal(pub.late, false);
    assert.equal((await getReport(h.db(), id))?.status, 'published');
    await rejects(updateReport(ctxE, { id, overview: 'x' }), 'report_state');
    assert.deepEqual(
      (await audit(h, id)).map((a) => a.action),
      [
        'report.create',
        'report.update',
        'report.update',
        'report.submit',
        'report.return',
        'report.submit',
        'report.accept',
        'report.publish',
      ],
    );
  });

  it('a registered ReportSource fills table 三 and 四; a late publication is flagged', async () => {
    const county = await makeOrg(h.db(), { name: '某县人民政府二' });
    const agency = await makeOrg(h.db(), { parent: county, name: '某县自然资源局', kind: 'agency' });
    registerReportSource({
      name: 'test-source',
      table3: async (_ctx, org) =>
        org.id === agency.id
          ? { '1': [3, 1, 0, 0, 0, 0], '4.1': [2, 0, 0, 0, 0, 0], next: [1, 0, 0, 0, 0, 0], new: [6, 1, 0, 0, 0, 0] }
          : null,
      table4: async (_ctx, org) =>
        org.id === agency.id
          ? [
              [1, 0, 0, 1],
              [0, 0, 0, 0],
              [0, 1, 0, 0],
            ]
          : null,
      feesCollected: async (_ctx, org) => (org.id === agency.id ? 300 : null),
      records: async (_ctx, org, _year, cell) =>
        org.id === agency.id && cell.table === '三' && cell.key === '1' && cell.col === 0
          ? {
              what: '申请',
              columns: ['申请编号'],
              rows: [{ href: '/console/requests/1', cells: ['2025-001'] }],
              total: 1,
            }
          : null,
    });
    const admin = await makeUser(h.db(), [['agency_admin', agency]]);
    const sup = await makeUser(h.db(), [['supervisor', county]]);
    const late = new Date('2026-02-03T02:00:00Z');
    const { id } = await createReport(h.ctx(admin.actor, late), { orgId: agency.id, year: 2025 });
    const t = rowTables((await getReport(h.db(), id))!);
    assert.deepEqual(t.table3['1'], [3, 1, 0, 0, 0, 0, 4]);
    assert.deepEqual(t.table3.total, [5, 1, 0, 0, 0, 0, 6]);
    assert.deepEqual(t.table3.new, [6, 1, 0, 0, 0, 0, 7]);
    assert.deepEqual(t.table4, [1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1]);
    assert.match((await getReport(h.db(), id))!.other, /共计300元/);
    assert.deepEqual(checkIdentities(t), []);
    const cell = await recordsForCell(
      h.ctx(admin.actor, late),
      { id: agency.id, path: agency.path, name: agency.name },
      2025,
      { table: '三', key: '1', col: 0 },
      { limit: 10, offset: 0 },
    );
    assert.deepEqual(cell, {
      what: '申请',
      columns: ['申请编号'],
      rows: [{ href: '/console/requests/1', cells: ['2025-001'] }],
      total: 1,
    });
    await submitReport(h.ctx(admin.actor, late), { id });
    await reviewReport(h.ctx(sup.actor, late), { id, decision: 'accept' });
    assert.equal((await publishReport(h.ctx(sup.actor, late), { id })).late, true);
    const ev = await audit(h, id);
    assert.match(ev.at(-1)!.summary, /晚于法定期限 2026-01-31/);
  });

  it('bad input: a year out of range or tables of the wrong shape; nothing saved', async () => {
    const org = await makeOrg(h.db());
    const admin = await makeUser(h.db(), [['agency_admin', org]]);
    const e = await rejects(createReport(h.ctx(admin.actor, NOW), { orgId: org.id, year: 2030 }), 'year_invalid');
    assert.equal(e.errors[0].field, 'year');
    await rejects(
      createReport(h.ctx(admin.actor, NOW), { orgId: org.id, year: 2022, tables: { format: '2021' } as never }),
      'tables_invalid',
    );
    await rejects(
      createReport(h.ctx(admin.actor, NOW), { orgId: org.id, year: 2020, tables: sampleTables('2021', 1) }),
      'format_mismatch',
    );
    const n = await h
      .db()
      .selectFrom('annual_reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', org.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 0);
  });

  it('a report for a year that has not ended can be drafted, not submitted (第五十条: the whole year)', async () => {
    const county = await makeOrg(h.db(), { name: '某县人民政府' });
    const agency = await makeOrg(h.db(), { parent: county, name: '某县文化和旅游局', kind: 'agency' });
    const editor = await makeUser(h.db(), [['editor', agency]]);
    const december = new Date('2026-12-31T15:00:00Z'); // 23:00 on 31 December in Beijing
    const { id } = await createReport(h.ctx(editor.actor, december), { orgId: agency.id, year: 2026 });
    const e = await rejects(submitReport(h.ctx(editor.actor, december), { id }), 'report_year_not_ended');
    assert.equal(
      e.errors[0].message,
      '2026年尚未结束，年度报告须在2027年1月1日以后报送、发布（条例第五十条：报告全年情况）。',
    );
    assert.equal((await getReport(h.db(), id))?.status, 'draft');
    await submitReport(h.ctx(editor.actor, new Date('2026-12-31T16:00:00Z')), { id }); // 00:00 on 1 January in Beijing
    assert.equal((await getReport(h.db(), id))?.status, 'submitted');
  });
});

describeDb('annual reports: demo data', (h) => {
  it('seeds a historical report per demo agency and last year’s report computed, accepted and published, once', async () => {
    const { seedDemoReports } = await import('./seed-demo-reports.js');
    const { seedDemoCounty } = await import('../orgs/seed-demo.js');
    const root = await makeOrg(h.db(), { name: '根机构' });
    const demo = await seedDemoCounty(h.ctx(undefined, NOW), root.id);
    const msg = await seedDemoReports(h.ctx(undefined, NOW), { countyId: demo.countyId, seed: 1 });
    assert.match(msg, /2024 年历史报告，2025 年报告 11 份（已公开 11 份）/);
    const rows = await h.db().selectFrom('annual_reports').select(['year', 'status']).execute();
    assert.deepEqual(
      rows.filter((r) => r.year === 2025).map((r) => r.status),
      Array(11).fill('published'),
    );
    assert.equal(rows.filter((r) => r.year === 2024).length, 11);
    assert.equal(await seedDemoReports(h.ctx(undefined, NOW), { countyId: demo.countyId, seed: 1 }), '');
  });
});
