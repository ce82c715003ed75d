import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { readLegacyStats } from './read-legacy.js';
import {
  LEGACY_FIGURES,
  LEGACY_ROWS,
  legacyIndicators,
  legacyWarnings,
  parseLegacyValues,
} from '../legacy-stats.rules.js';

const fixture = (name: string): Buffer => readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)));

test('the 睢县 2016 统计表 (HTML, traditional characters) is read row by row', async () => {
  const r = await readLegacyStats(fixture('legacy-2016.html'), 'legacy-2016.html');
  assert.ok(!('error' in r), JSON.stringify(r));
  assert.equal(r.found, LEGACY_FIGURES.length);
  assert.deepEqual(r.unrecognised, []);
  assert.deepEqual(r.problems, []);
  assert.equal(r.values.p_items, 498);
  assert.equal(r.values.p_normative, 28);
  assert.equal(r.values.p_normative_made, 33);
  assert.equal(r.values.p_website, 988);
  assert.equal(r.values.r_explanations, 7);
  assert.equal(r.values.o_staff, 1);
  assert.equal(r.values.o_staff_part, 1);
  assert.equal(r.values.lt_other, 0);
  assert.deepEqual(legacyWarnings(r.values), []);
  assert.deepEqual(legacyIndicators(r.values), [0, 0, null, 0, 0]);
});

test('an XLSX in simplified characters with REFERENCE’s wording and a local extra row; 四 and 五 kept apart', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('统计表');
  ws.addRow(['统计指标', '单位', '统计数']);
  for (const row of LEGACY_ROWS) {
    const label = row.key === 'a_not_ours' ? '5.不属于本行政机关公开' : row.label;
    ws.addRow([
      label,
      row.unit,
      row.heading
        ? '——'
        : row.key === 'rc_corrected'
          ? 2
          : row.key === 'lt_corrected'
            ? 3
            : row.key === 'fees_wan'
              ? 0.05
              : 1,
    ]);
    if (row.key === 'complaints') ws.addRow(['（一）其中：网上举报投诉数', '件', 4]);
  }
  const r = await readLegacyStats(Buffer.from(await wb.xlsx.writeBuffer()), 'old.xlsx');
  assert.ok(!('error' in r));
  assert.equal(r.found, LEGACY_FIGURES.length);
  assert.equal(r.values.a_not_ours, 1);
  assert.equal(r.values.rc_corrected, 2);
  assert.equal(r.values.lt_corrected, 3);
  assert.equal(r.values.fees_wan, 0.05);
  assert.deepEqual(r.unrecognised, ['（一）其中：网上举报投诉数']);
});

test('documents without a 统计表 and bad figures get a clear reason', async () => {
  const r2021 = await readLegacyStats(fixture('r2021-consistent.html'), 'r2021-consistent.html');
  assert.ok('error' in r2021 && /未找到《政府信息公开情况统计表》/.test(r2021.error));
  const pdf = await readLegacyStats(Buffer.from('%PDF-1.4'), 'x.pdf');
  assert.ok('error' in pdf && /PDF 文件已损坏/.test(pdf.error));
  const bad = parseLegacyValues({ a_received: '-1', fees_wan: '1.23456', nonsense: '1' });
  assert.equal(bad.values, null);
  assert.deepEqual(bad.errors.map((e) => e.field).sort(), ['l_a_received', 'l_fees_wan', 'l_nonsense']);
  assert.match(bad.errors.find((e) => e.field === 'l_a_received')!.message, /“（一）收到申请数”应为不小于 0 的整数。/);
  const warn = legacyWarnings({ a_received: 5, a_in_person: 1, a_fax: 0, a_online: 2, a_letter: 0 });
  assert.match(warn[0].message, /“（一）收到申请数”为 5，而其分项之和为 3。/);
});
