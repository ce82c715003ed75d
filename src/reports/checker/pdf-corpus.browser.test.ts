/**
 * The checker on PDFs printed by Chromium from Gongkai's own HTML and DOCX exports (fixtures/pdf-corpus):
 * every verdict, every reported cell, and every figure read, in ruled, wrapped, page-broken, unruled,
 * blank-cell, scanned and truncated layouts; then the same files in one folder with other formats.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserSkip, launch } from '../../../test/browser/browser.js';
import { buildCorpus, type CorpusCase } from '../fixtures/pdf-corpus.js';
import { sampleTables } from '../fixtures/sample-tables.js';
import { exportReportDocx } from '../export-docx.js';
import { exportReportXlsx } from '../export-xlsx.js';
import type { ReportTables } from '../report-format.rules.js';
import { runReportCheck } from '../check-files.js';
import { checkReportBytes } from './check-report.js';

const zeroBlanks = (t: ReportTables): ReportTables => ({
  ...t,
  table2: Object.fromEntries(Object.entries(t.table2).map(([k, v]) => [k, v.map((x) => x ?? 0)])),
  table3: Object.fromEntries(Object.entries(t.table3).map(([k, v]) => [k, v.map((x) => x ?? 0)])),
  table4: t.table4.map((x) => x ?? 0),
});

describe('report checker on a PDF corpus printed by Chromium', { skip: browserSkip }, () => {
  let cases: CorpusCase[] = [];
  before(async () => {
    const b = await launch();
    try {
      cases = await buildCorpus(await b.browser.newPage());
    } finally {
      await b.close();
    }
  });

  const each = (name: string, fn: (c: CorpusCase) => Promise<void>) =>
    it(name, async () => {
      assert.ok(cases.length >= 10);
      for (const c of cases) await fn(c);
    });

  each('each PDF gets its verdict, each broken identity its cell, each missing part its line', async (c) => {
    const r = await checkReportBytes(c.pdf, c.name);
    assert.equal(r.verdict, c.verdict, `${c.name}: ${r.summary}`);
    assert.equal(r.kind, c.name === 'scan.pdf' ? undefined : 'pdf');
    assert.deepEqual(
      r.violations.map((v) => [v.table, v.row, v.column, v.expected, v.actual]),
      c.cells ?? [],
      c.name,
    );
    if (c.missing) {
      assert.equal(r.missing.length, c.missing.length, `${c.name}: ${r.missing.join(' | ')}`);
      c.missing.forEach((m, i) => assert.ok(r.missing[i].includes(m), `${c.name}: “${r.missing[i]}” should name ${m}`));
    } else assert.deepEqual(r.missing, [], c.name);
  });

  each('every figure of tables 二, 三 and 四 is read as printed (blanks and “—” as blanks)', async (c) => {
    if (!c.tables) return;
    const r = await checkReportBytes(c.pdf, c.name);
    assert.ok(r.tables, c.name);
    if (c.name === 'html-blanks.pdf') {
      assert.deepEqual(zeroBlanks(r.tables), zeroBlanks(c.tables), c.name);
      assert.ok(
        Object.values(r.tables.table3)
          .flat()
          .filter((x) => x === null).length > 20,
        'blank cells read as blanks',
      );
    } else assert.deepEqual(r.tables, c.tables, c.name);
  });

  it('the agency and year come from the printed title', async () => {
    const r = await checkReportBytes(cases.find((c) => c.name === 'docx-errors.pdf')!.pdf, 'x.pdf');
    assert.deepEqual([r.agency, r.year], ['示例县公安局', 2020]);
  });

  describe('a folder of one jurisdiction in every format', () => {
    let dir = '';
    before(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'gk-corpus-'));
      for (const c of cases) writeFileSync(path.join(dir, c.name), c.pdf);
      for (const f of ['r02.pdf', 'r03.txt', 'r04.pdf'])
        copyFileSync(fileURLToPath(new URL(`../fixtures/gov-reports/${f}`, import.meta.url)), path.join(dir, f));
      const t = sampleTables('2021', 70);
      t.table3.total[0] = (t.table3.total[0] ?? 0) + 1;
      writeFileSync(
        path.join(dir, 'export.docx'),
        await exportReportDocx(t, { title: '示例县林业局2025年政府信息公开工作年度报告' }),
      );
      writeFileSync(
        path.join(dir, 'export.xlsx'),
        await exportReportXlsx(sampleTables('2019', 71), '示例县林业局2019年'),
      );
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('gives the right verdict for every file in the CSV', async () => {
      const csv = path.join(dir, 'out', 'result.csv');
      const { mkdirSync } = await import('node:fs');
      mkdirSync(path.dirname(csv));
      const code = await runReportCheck([dir], { csv }, () => undefined);
      assert.equal(code, 2);
      const lines = readFileSync(csv, 'utf8')
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n')
        .slice(1);
      const verdicts = new Map(lines.map((l) => [path.basename(l.split(',')[0]), l.split(',')[4]]));
      const expected = new Map<string, string>([
        ...cases.map(
          (c) =>
            [c.name, { consistent: '一致', inconsistent: '有误', undetermined: '无法判断' }[c.verdict]] as [
              string,
              string,
            ],
        ),
        ['r02.pdf', '一致'],
        ['r03.txt', '有误'],
        ['r04.pdf', '一致'],
        ['export.docx', '有误'],
        ['export.xlsx', '一致'],
      ]);
      assert.deepEqual(new Map([...verdicts].sort()), new Map([...expected].sort()));
      assert.ok(lines.some((l) => l.includes('r04.pdf') && l.includes('一致')));
    });
  });
});
