/**
 * Three real published reports (fixtures/gov-reports, see its README), each as the agency's PDF and as
 * the PDF's text layer. The expected figures below were typed from the printed pages, not produced by
 * the checker; r03's two errors are real errors of the publication.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkReportBytes, checkReportFile } from './check-report.js';
import { checkSources } from './check-batch.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/gov-reports/${name}`, import.meta.url));

/** A row where only 自然人 has figures: [n, 0, 0, 0, 0, 0, n]. */
const only = (n: number): number[] => [n, 0, 0, 0, 0, 0, n];

const R02_TABLE3: Record<string, number[]> = {
  new: [3001, 53, 0, 0, 61, 4, 3119],
  carried: only(34),
  '1': [1288, 21, 0, 0, 50, 3, 1362],
  '2': [447, 7, 0, 0, 0, 0, 454],
  '3.1': only(2),
  '3.2': [30, 1, 0, 0, 0, 0, 31],
  '3.3': only(5),
  '3.4': only(6),
  '3.5': [7, 1, 0, 0, 0, 0, 8],
  '3.6': only(12),
  '3.7': only(9),
  '3.8': only(105),
  '4.1': [746, 12, 0, 0, 10, 1, 769],
  '4.2': only(11),
  '4.3': only(1),
  '5.1': [56, 6, 0, 0, 0, 0, 62],
  '5.2': only(25),
  '5.3': only(0),
  '5.4': only(0),
  '5.5': only(1),
  '6.1': [67, 3, 0, 0, 1, 0, 71],
  '6.2': only(6),
  '6.3': [108, 2, 0, 0, 0, 0, 110],
  total: [2932, 53, 0, 0, 61, 4, 3050],
  next: only(103),
};
const R02_TABLE4 = [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20];

/** r03 and r04 keep the 2019 single （六）其他处理 row. */
const hongze = (v: Record<string, number>): Record<string, number[]> =>
  Object.fromEntries(
    [
      'new',
      'carried',
      '1',
      '2',
      '3.1',
      '3.2',
      '3.3',
      '3.4',
      '3.5',
      '3.6',
      '3.7',
      '3.8',
      '4.1',
      '4.2',
      '4.3',
      '5.1',
      '5.2',
      '5.3',
      '5.4',
      '5.5',
      '6',
      'total',
      'next',
    ].map((k) => [k, only(v[k] ?? 0)]),
  );
const R03_TABLE3 = hongze({ new: 21, '2': 4, '3.1': 1, '3.6': 1, '3.7': 1, '4.1': 10, '4.2': 3, '5.1': 1, total: 21 });
const R03_TABLE4 = [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0];
const R04_TABLE3 = hongze({
  new: 95,
  '1': 50,
  '2': 9,
  '3.3': 1,
  '3.6': 1,
  '3.7': 1,
  '4.1': 31,
  '4.2': 1,
  '5.1': 1,
  total: 95,
});
const R04_TABLE4 = [1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3];

const cells = (r: Awaited<ReturnType<typeof checkReportFile>>): string[][] =>
  r.violations.map((v) => [v.table, v.row, v.column, String(v.expected), String(v.actual)]);

for (const ext of ['pdf', 'txt'] as const)
  describe(`real reports, ${ext === 'pdf' ? 'as published (PDF)' : 'text layer (.txt)'}`, () => {
    it('r02 (淮安市人民政府 2024, 2021 format, table 三 across two pages, wrapped labels): 一致', async () => {
      const r = await checkReportFile(fixture(`r02.${ext}`));
      assert.equal(r.verdict, 'consistent', JSON.stringify([r.violations, r.missing]));
      assert.equal(r.kind, ext === 'pdf' ? 'pdf' : 'text');
      assert.equal(r.format, '2021');
      assert.deepEqual(r.tables?.table3, R02_TABLE3);
      assert.deepEqual(r.tables?.table4, R02_TABLE4);
      assert.deepEqual(r.tables?.table2, {
        规章: [1, 0, 11],
        行政规范性文件: [8, 26, 66],
        行政许可: [447228],
        行政处罚: [3985758],
        行政强制: [88283],
        行政事业性收费: [96171.6],
      });
      assert.deepEqual([r.agency, r.year], ['淮安市人民政府', 2024]);
      assert.deepEqual(r.missing, []);
      assert.match(r.summary, /^一致：/);
    });
    it('r03 (洪泽区 2023): 有误, exactly the two table 四 totals', async () => {
      const r = await checkReportFile(fixture(`r03.${ext}`));
      assert.equal(r.verdict, 'inconsistent');
      assert.deepEqual(cells(r), [
        ['四', '行政复议', '总计', '11', '0'],
        ['四', '复议后起诉', '总计', '5', '0'],
      ]);
      assert.deepEqual(r.missing, []);
      assert.equal(r.format, '2019');
      assert.match(r.formatNote ?? '', /表二为2021年格式.*表三为2019年格式/);
      assert.deepEqual(r.tables?.table3, R03_TABLE3);
      assert.deepEqual(r.tables?.table4, R03_TABLE4);
      assert.deepEqual([r.agency, r.year], ['洪泽区人民政府', 2023]);
    });
    it('r04 (洪泽区 2024, an abbreviated label “2.其他法律行政止公开”, 4.1 label below its figures): 一致', async () => {
      const r = await checkReportFile(fixture(`r04.${ext}`));
      assert.equal(r.verdict, 'consistent', JSON.stringify([r.violations, r.missing]));
      assert.deepEqual(r.tables?.table3, R04_TABLE3);
      assert.deepEqual(r.tables?.table4, R04_TABLE4);
      assert.deepEqual([r.agency, r.year], ['淮安市洪泽区人民政府', 2024]);
    });
  });

describe('real reports: the cross-year identity', () => {
  const read = (name: string): { name: string; data: Buffer } => ({ name, data: readFileSync(fixture(name)) });
  it('r03 and r04 are two years of one agency (titles differ by 淮安市): r04 二 is compared with r03 四 and holds', async () => {
    const results = await checkSources([read('r04.pdf'), read('r03.pdf')]);
    const r04 = results[0];
    assert.equal(r04.verdict, 'consistent');
    assert.ok(
      r04.notes.some((n) =>
        /已与上年报告 r03\.pdf（2023年）核对：本年“二、上年结转”等于上年“四、结转下年度继续办理”/.test(n),
      ),
      r04.notes.join(),
    );
    assert.equal(results[1].verdict, 'inconsistent');
  });
  it('a carried-over figure that does not match last year’s is 有误 with the cell', async () => {
    const r03 = readFileSync(fixture('r03.txt'), 'utf8')
      .replace('四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0', '四、结转下年度继续办理\t2\t0\t0\t0\t0\t0\t2')
      .replace(
        '一、本年新收政府信息公开申请数量\t21\t0\t0\t0\t0\t0\t21',
        '一、本年新收政府信息公开申请数量\t23\t0\t0\t0\t0\t0\t23',
      );
    const results = await checkSources([{ name: 'hz2023.txt', data: Buffer.from(r03) }, read('r04.txt')]);
    const r04 = results[1];
    assert.equal(r04.verdict, 'inconsistent');
    assert.deepEqual(cells(r04), [
      ['三', '二、上年结转政府信息公开申请数量', '自然人', '2', '0'],
      ['三', '二、上年结转政府信息公开申请数量', '总计', '2', '0'],
    ]);
    assert.match(r04.violations[0].message, /（上年报告：hz2023\.txt）。$/);
    // Last year's own table still has only its two table 四 errors.
    assert.deepEqual(
      cells(results[0]).map((c) => c[1]),
      ['行政复议', '复议后起诉'],
    );
  });
  it('other years or agencies are not compared', async () => {
    const r02 = await checkReportBytes(readFileSync(fixture('r02.txt')), 'r02.txt');
    assert.equal(r02.agency, '淮安市人民政府');
    const results = await checkSources([read('r02.txt'), read('r03.txt')]);
    assert.ok(results.every((r) => !r.notes.some((n) => n.includes('上年报告'))));
  });
});

describe('real reports: checked on worker threads', () => {
  it('two worker threads give the same results, in the same order, as checking in the main thread', async () => {
    const files = ['r02.pdf', 'r03.txt', 'r04.pdf', 'r03.pdf'].map((name) => ({
      name,
      data: readFileSync(fixture(name)),
    }));
    const inline = await checkSources(files, { workers: 1 });
    const pooled = await checkSources(files, { workers: 2 });
    assert.deepEqual(pooled, inline);
    assert.deepEqual(
      pooled.map((r) => r.verdict),
      ['consistent', 'inconsistent', 'consistent', 'inconsistent'],
    );
  });
});
