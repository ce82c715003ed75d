import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { systemActor } from '../../platform/context.js';
import type { OrgRow } from '../../orgs/orgs.store.js';
import { importItems } from '../../catalog/import-items.js';
import { setValidity } from '../../catalog/set-validity.js';
import { annualTable2 } from '../../catalog/annual-table2.js';
import { saveAnnualFigures } from '../../catalog/save-annual-figures.js';
import { importAnnualFigures } from '../../catalog/import-annual-figures.js';
import { isAppError } from '../../platform/errors.js';

const NOW = new Date('2026-11-27T02:00:00Z');

describeApp(
  'annual report table 二',
  (h) => {
    let county: OrgRow;
    let org: OrgRow;
    let other: OrgRow;
    let editor = '';
    before(async () => {
      county = await makeOrg(h.db(), { name: '示例县' });
      org = await makeOrg(h.db(), { parent: county, name: '示例县司法局' });
      other = await makeOrg(h.db(), { parent: county, name: '示例县交通局' });
      editor = (await makeUser(h.db(), [['editor', org]])).username;
    });

    it('computes 规章/规范性文件 counts from items and sums entered figures, audited', async () => {
      const sys = h.ctx(systemActor('test'), NOW);
      const rows = [['索引号', '名称', '成文日期', '生成日期', '发布日期', '体裁']];
      for (let i = 1; i <= 3; i++)
        rows.push([
          `GK0000001/2025-0000${i}`,
          `规范性文件${i}`,
          `2025-0${i}-01`,
          `2025-0${i}-01`,
          `2025-0${i}-05`,
          '通知',
        ]);
      await importItems(sys, { orgId: org.id, table: rows, dryRun: false });
      await h.db().updateTable('items').set({ is_normative: 1 }).execute();
      const first = await h
        .db()
        .selectFrom('items')
        .select('id')
        .where('index_no', '=', 'GK0000001/2025-00001')
        .executeTakeFirstOrThrow();
      await setValidity(sys, { id: first.id, validity: '废止', validityOn: '2025-12-01' });

      const c = h.client();
      await c.login(editor);
      const bad = await c.post(
        '/console/catalog/table2',
        { orgId: String(org.id), year: '2025', licensing: '-3', penalties: '2', enforcement: '0', feesWan: '1.2.3' },
        { from: `/console/catalog/table2?orgId=${org.id}&year=2025` },
      );
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /行政许可处理决定数量应为不小于 0 的整数/);
      assert.match(bad.body, /行政事业性收费金额应为不小于 0 的数/);
      const ok = await c.post(
        '/console/catalog/table2',
        { orgId: String(org.id), year: '2025', licensing: '120', penalties: '35', enforcement: '4', feesWan: '12.5' },
        { from: `/console/catalog/table2?orgId=${org.id}&year=2025` },
      );
      assert.equal(ok.statusCode, 303);
      const page = await c.get(`/console/catalog/table2?orgId=${org.id}&year=2025`);
      assert.match(page.body, /<th scope="row">行政规范性文件<\/th><td>3<\/td><td>1<\/td><td>2<\/td>/);
      assert.match(page.body, /行政许可（本年处理决定数量）<\/th><td colspan="3">120<\/td>/);
      assert.match(page.body, /<td colspan="3">12.5<\/td>/);

      await saveAnnualFigures(sys, {
        orgId: other.id,
        year: 2025,
        licensing: '1',
        penalties: '0',
        enforcement: '0',
        feesWan: '0.0005',
      });
      const all = await annualTable2(h.db(), county.path, 2025);
      assert.deepEqual(
        { ...all, rules: undefined },
        {
          year: 2025,
          rules: undefined,
          normative: { made: 3, abolished: 1, inForce: 2 },
          licensing: 121,
          penalties: 35,
          enforcement: 4,
          feesWan: '12.5005',
        },
      );
      const audit = await h
        .db()
        .selectFrom('audit_events')
        .select('summary')
        .where('action', '=', 'catalog.annual_figures')
        .orderBy('seq')
        .execute();
      assert.equal(audit.length, 2);
      assert.match(audit[0]!.summary, /2025 年表二数据：许可 120、处罚 35、强制 4、收费 12.5 万元/);
    });

    it('imports table 二 figures from a table: bad rows are named and nothing is saved', async () => {
      const sys = h.ctx(systemActor('test'), NOW);
      const header = ['机构', '年度', '行政许可', '行政处罚', '行政强制', '行政事业性收费（万元）'];
      const bad = [
        header,
        ['示例县司法局', '2024', '10', '2', '0', '1'],
        ['示例县不存在局', '2024', '1', '1', '1', '1'],
        ['示例县交通局', '24', '1', 'x', '0', '0'],
      ];
      const err = await importAnnualFigures(sys, bad).catch((e: unknown) => e);
      assert.ok(isAppError(err));
      assert.deepEqual(
        err.errors.map((e) => e.message),
        [
          '第 3 行：机构“示例县不存在局”不存在。',
          '第 4 行：年度“24”无效。',
          '第 4 行：行政处罚处理决定数量应为不小于 0 的整数。',
        ],
      );
      assert.equal(
        (await h.db().selectFrom('annual_figures').selectAll().where('year', '=', 2024).execute()).length,
        0,
      );
      assert.equal(
        await importAnnualFigures(sys, [
          header,
          ['示例县司法局', '2024', '10', '2', '0', '1'],
          ['示例县交通局', '2024', '3', '0', '0', '0.25'],
        ]),
        2,
      );
      const t = await annualTable2(h.db(), county.path, 2024);
      assert.equal(t.licensing, 13);
      assert.equal(t.feesWan, '1.25');
      assert.equal(
        (
          await h
            .db()
            .selectFrom('audit_events')
            .select('summary')
            .where('action', '=', 'catalog.annual_figures_import')
            .execute()
        ).length,
        1,
      );
    });
  },
  { now: () => NOW },
);
