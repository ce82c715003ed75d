import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import { addAppeal, addCase, addItem } from '../../test/helpers/report-records.js';
import { isAppError } from '../platform/errors.js';
import type { OrgRow } from '../orgs/orgs.store.js';
import { registerReportSource, recordsForCell, type CellRecords } from './report-source.js';
import { requestsReportSource } from './requests-source.js';
import { catalogReportSource } from './catalog-source.js';
import { createReport } from './create-report.js';
import { getReport, rowTables } from './reports.store.js';
import { reportCellOf } from './tables-input.rules.js';
import type { ReportFormat, ReportTables } from './report-format.rules.js';

const NOW = new Date('2026-01-10T02:00:00Z');

/** The value a field shows in the stored report. */
function valueOf(t: ReportTables, field: string): number {
  const c = reportCellOf(field, t.format)!;
  if (c.table === '二') return t.table2[c.label][c.col] ?? 0;
  if (c.table === '三') return t.table3[c.key][c.col] ?? 0;
  return t.table4[c.index] ?? 0;
}

describeDb('annual report drill-down: every computed number opens the records counted in it', (h) => {
  async function records(
    agency: OrgRow,
    year: number,
    format: ReportFormat,
    field: string,
    actor: Parameters<typeof h.ctx>[0],
    page = { limit: 100, offset: 0 },
  ) {
    return recordsForCell(
      h.ctx(actor, NOW),
      { id: agency.id, path: agency.path, name: agency.name },
      year,
      reportCellOf(field, format)!,
      page,
    );
  }

  it('tables 二, 三 and 四: the number of drilled records equals each cell; pages, masking and scope', async () => {
    registerReportSource(requestsReportSource);
    registerReportSource(catalogReportSource);
    const county = await makeOrg(h.db(), { name: '钻取县人民政府' });
    const agency = await makeOrg(h.db(), { parent: county, name: '钻取县住建局', kind: 'agency' });
    const other = await makeOrg(h.db(), { parent: county, name: '钻取县水利局', kind: 'agency' });
    const sup = await makeUser(h.db(), [['supervisor', county]]);
    const admin = await makeUser(h.db(), [['agency_admin', agency]]);
    const editor = await makeUser(h.db(), [['editor', agency]]);
    // Table 三: new, carried from 2024, closed in 2026 (→ 四), closed before 2025 (not counted), withdrawn, firms.
    for (let i = 0; i < 5; i++)
      await addCase(h.db(), agency, { received: `2025-0${i + 1}-10`, closed: `2025-0${i + 1}-20`, outcome: '1' });
    await addCase(h.db(), agency, {
      received: '2025-03-01',
      closed: '2025-03-09',
      outcome: '1',
      type: 'organization',
      kind: 'business',
      name: '某建设公司',
    });
    await addCase(h.db(), agency, {
      received: '2025-04-01',
      closed: '2025-04-09',
      outcome: '4.1',
      type: 'organization',
      kind: 'legal_service',
      name: '某律师事务所',
    });
    await addCase(h.db(), agency, { received: '2024-12-20', closed: '2025-01-15', outcome: '4.1' });
    await addCase(h.db(), agency, { received: '2024-11-20', closed: '2024-12-01', outcome: '1' });
    await addCase(h.db(), agency, { received: '2025-12-28' });
    await addCase(h.db(), agency, { received: '2025-12-29', closed: '2026-01-05', outcome: '2' });
    await addCase(h.db(), agency, { received: '2025-06-01', closed: '2025-06-02', state: 'withdrawn' });
    await addCase(h.db(), other, { received: '2025-05-05', closed: '2025-05-06', outcome: '1' });
    // Table 四: a reconsideration later corrected, a direct suit pending, a suit after reconsideration, one filed in 2024.
    const c1 = await addCase(h.db(), agency, { received: '2025-02-02', closed: '2025-02-20', outcome: '3.4' });
    await addAppeal(h.db(), c1, {
      kind: 'reconsideration',
      filedOn: '2025-03-01',
      result: 'pending',
      laterResult: 'corrected',
    });
    await addAppeal(h.db(), c1, { kind: 'litigation', filedOn: '2025-04-01', result: 'pending' });
    await addAppeal(h.db(), c1, {
      kind: 'litigation',
      filedOn: '2025-05-01',
      result: 'upheld',
      afterReconsideration: true,
    });
    await addAppeal(h.db(), c1, { kind: 'reconsideration', filedOn: '2024-05-01', result: 'upheld' });
    // Table 二: 规章 and 行政规范性文件 made, abolished and in force.
    await addItem(h.db(), agency, { title: '某规章', written: '2025-02-01', published: '2025-02-05', rule: true });
    await addItem(h.db(), agency, {
      title: '旧规章',
      written: '2020-02-01',
      published: '2020-02-05',
      rule: true,
      validity: '废止',
      validityOn: '2025-06-01',
    });
    await addItem(h.db(), agency, {
      title: '规范性文件甲',
      written: '2025-03-01',
      published: '2025-03-02',
      normative: true,
    });
    await addItem(h.db(), agency, {
      title: '规范性文件乙',
      written: '2023-03-01',
      published: '2023-03-02',
      normative: true,
    });
    await addItem(h.db(), agency, {
      title: '草稿规范性文件',
      written: '2025-03-01',
      published: '2025-03-02',
      normative: true,
      status: 'draft',
    });
    await addItem(h.db(), other, {
      title: '他局规范性文件',
      written: '2025-03-01',
      published: '2025-03-02',
      normative: true,
    });

    const { id } = await createReport(h.ctx(admin.actor, NOW), { orgId: agency.id, year: 2025 });
    const t = rowTables((await getReport(h.db(), id))!);
    const fields = [
      't2_0_0',
      't2_0_1',
      't2_0_2',
      't2_1_0',
      't2_1_2',
      't3_new_0',
      't3_new_6',
      't3_carried_6',
      't3_1_0',
      't3_1_1',
      't3_4_1_6',
      't3_6_3_6',
      't3_total_5',
      't3_total_6',
      't3_next_6',
      't4_0',
      't4_1',
      't4_4',
      't4_8',
      't4_14',
    ];
    let sum = 0;
    for (const f of fields) {
      const r = (await records(agency, 2025, '2021', f, sup.actor)) as CellRecords;
      assert.ok(r && 'rows' in r, f);
      assert.equal(r.total, valueOf(t, f), `${f}: drilled ${r.total}, report ${valueOf(t, f)}`);
      assert.equal(r.rows.length, r.total, f);
      sum += r.total;
    }
    assert.deepEqual(
      [
        valueOf(t, 't3_new_6'),
        valueOf(t, 't3_carried_6'),
        valueOf(t, 't3_next_6'),
        valueOf(t, 't4_4'),
        valueOf(t, 't2_1_2'),
      ],
      [11, 1, 2, 1, 2],
    );
    assert.ok(sum > 30);

    // The rows: 申请编号 linking to the case, applicant kind, the name masked; appeals with their latest result.
    const firms = (await records(agency, 2025, '2021', 't3_1_1', sup.actor)) as CellRecords;
    assert.equal(firms.rows[0].cells[5], '商业企业');
    const citizens = (await records(agency, 2025, '2021', 't3_1_0', sup.actor)) as CellRecords;
    assert.equal(citizens.rows[0].cells[6], '张**');
    assert.match(citizens.rows[0].href, /^\/console\/requests\/\d+$/);
    assert.ok(!JSON.stringify(citizens).includes('13800138000') && !JSON.stringify(citizens).includes('张三丰'));
    const recon = (await records(agency, 2025, '2021', 't4_1', sup.actor)) as CellRecords;
    assert.deepEqual(recon.rows[0].cells.slice(2, 5), ['行政复议', '2025-03-01', '结果纠正']);
    const items = (await records(agency, 2025, '2021', 't2_1_2', sup.actor)) as CellRecords;
    assert.deepEqual(items.rows.map((r) => r.cells[1]).sort(), ['规范性文件乙', '规范性文件甲']);
    assert.match(items.rows[0].href, /^\/console\/items\/\d+$/);

    // Pages: the second page of 2 holds the 3rd and 4th records.
    const all = (await records(agency, 2025, '2021', 't3_new_6', sup.actor)) as CellRecords;
    const p2 = (await records(agency, 2025, '2021', 't3_new_6', sup.actor, { limit: 2, offset: 2 })) as CellRecords;
    assert.equal(p2.total, 11);
    assert.deepEqual(p2.rows, all.rows.slice(2, 4));

    // Entered figures say so.
    const entered = await records(agency, 2025, '2021', 't2_2_0', sup.actor);
    assert.ok(entered && 'entered' in entered);
    assert.match(entered.entered, /手工录入/);

    // Scope: an editor reads the report and its catalogue items, but not the requests.
    assert.equal(((await records(agency, 2025, '2021', 't2_0_0', editor.actor)) as CellRecords).total, 1);
    await assert.rejects(
      records(agency, 2025, '2021', 't3_new_6', editor.actor),
      (e) => isAppError(e) && e.status === 403 && /依申请公开记录的权限/.test(e.errors[0].message),
    );
  });

  it('2019 format: the single （六）其他处理 row drills into the three kinds of 其他处理', async () => {
    registerReportSource(requestsReportSource);
    const agency = await makeOrg(h.db(), { parent: await makeOrg(h.db()), name: '二〇年局', kind: 'agency' });
    const admin = await makeUser(h.db(), [['agency_admin', agency]]);
    await addCase(h.db(), agency, { received: '2020-03-01', closed: '2020-03-09', outcome: '6.1' });
    await addCase(h.db(), agency, { received: '2020-04-01', closed: '2020-04-09', state: 'withdrawn' });
    await addCase(h.db(), agency, { received: '2020-05-01', closed: '2020-05-09', outcome: '1' });
    const { id } = await createReport(h.ctx(admin.actor, NOW), { orgId: agency.id, year: 2020 });
    const t = rowTables((await getReport(h.db(), id))!);
    assert.equal(t.format, '2019');
    const r = (await records(agency, 2020, '2019', 't3_6_6', admin.actor)) as CellRecords;
    assert.equal(valueOf(t, 't3_6_6'), 2);
    assert.equal(r.total, 2);
  });
});
