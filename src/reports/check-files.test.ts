import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runReportCheck } from './check-files.js';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe('gongkai report check', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'gk-report-'));
    // A jurisdiction folder: agencies in sub-folders, mixed formats and years.
    mkdirSync(path.join(dir, 'hongze'), { recursive: true });
    mkdirSync(path.join(dir, 'city'), { recursive: true });
    for (const f of ['r2021-consistent.html', 'r2021-table4-error.html', 'r2019.html'])
      copyFileSync(fixture(f), path.join(dir, f));
    copyFileSync(fixture('gov-reports/r03.pdf'), path.join(dir, 'hongze', 'r03.pdf'));
    copyFileSync(fixture('gov-reports/r04.txt'), path.join(dir, 'hongze', 'r04.txt'));
    copyFileSync(fixture('gov-reports/r02.pdf'), path.join(dir, 'city', 'r02.pdf'));
    writeFileSync(path.join(dir, 'broken.docx'), Buffer.from([0x50, 0x4b, 3, 4, 9, 9]));
    writeFileSync(path.join(dir, 'ignored.png'), Buffer.from([0x89, 0x50]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a consistent file: exit 0', async () => {
    const out: string[] = [];
    assert.equal(await runReportCheck([fixture('r2019.html')], {}, (l) => out.push(l)), 0);
    assert.match(out[0], /r2019\.html：一致：/);
  });
  it('an inconsistent file: exit 2 and the cells listed', async () => {
    const out: string[] = [];
    assert.equal(await runReportCheck([fixture('r2021-table4-error.html')], {}, (l) => out.push(l)), 2);
    assert.equal(out.filter((l) => l.includes('✗')).length, 2);
  });
  it('an unreadable file alone: exit 3 (无法判断), not 0 and not 2', async () => {
    const out: string[] = [];
    assert.equal(await runReportCheck([path.join(dir, 'broken.docx')], {}, (l) => out.push(l)), 3);
    assert.match(out[0], /broken\.docx：无法判断：文件已损坏/);
  });
  it('a folder of many agencies and years: every verdict, CSV with one line per finding, cross-year applied', async () => {
    const out: string[] = [];
    const csv = path.join(dir, 'result.csv');
    const progress: string[] = [];
    const code = await runReportCheck(
      [dir],
      { csv },
      (l) => out.push(l),
      (l) => progress.push(l),
    );
    assert.equal(code, 2);
    assert.match(out.join('\n'), /共 7 份：一致 4，有误 2，无法判断 1。/);
    assert.equal(progress.length, 7);
    assert.match(out.join('\n'), /r04\.txt：一致/);
    assert.match(out.join('\n'), /已与上年报告 r03\.pdf（2023年）核对/);
    const rows = readFileSync(csv, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    assert.equal(rows[0], '文件,单位,年度,格式,结论,表,行,列,应为,实为,说明');
    const of = (name: string): string[] => rows.filter((r) => r.includes(name));
    assert.deepEqual(
      of('r03.pdf').map((r) => r.split(',').slice(1, 10).join(',')),
      [
        '洪泽区人民政府,2023,2019年格式,有误,表四,行政复议,总计,11,0',
        '洪泽区人民政府,2023,2019年格式,有误,表四,复议后起诉,总计,5,0',
      ],
    );
    assert.equal(of('r02.pdf').length, 1);
    assert.match(of('r02.pdf')[0], /,淮安市人民政府,2024,2021年格式,一致,,,,,,一致：/);
    assert.match(of('broken.docx')[0], /,无法判断,,,,,,文件已损坏/);
    assert.equal(of('r2021-table4-error.html').length, 2);
    assert.ok(!rows.some((r) => r.includes('ignored.png')));
  });
  it('XLSX: a 结论 sheet (one row per report) and a 明细 sheet (one row per finding)', async () => {
    const xlsx = path.join(dir, 'result.xlsx');
    await runReportCheck([path.join(dir, 'hongze'), fixture('r2021-table4-error.html')], { xlsx }, () => undefined);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const summary = wb.getWorksheet('结论')!;
    const detail = wb.getWorksheet('明细')!;
    const values = (ws: ExcelJS.Worksheet, r: number): unknown[] => (ws.getRow(r).values as unknown[]).slice(1);
    assert.equal(summary.rowCount, 4);
    assert.deepEqual(values(summary, 2).slice(1, 7), ['洪泽区人民政府', 2023, '2019年格式', '有误', 2, 0]);
    assert.deepEqual(values(summary, 3).slice(4, 5), ['一致']);
    assert.deepEqual(values(detail, 2).slice(4, 10), ['有误', '表四', '行政复议', '总计', 11, 0]);
  });
  it('a ZIP archive of reports is read like a folder; a zip bomb is refused in Chinese', async () => {
    const zip = new JSZip();
    zip.file('2023/r03.pdf', readFileSync(fixture('gov-reports/r03.pdf')));
    zip.file('2024/r04.pdf', readFileSync(fixture('gov-reports/r04.pdf')));
    const archive = path.join(dir, 'hongze.zip');
    writeFileSync(archive, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const out: string[] = [];
    assert.equal(await runReportCheck([archive], {}, (l) => out.push(l)), 2);
    assert.match(out.join('\n'), /hongze\.zip\/2024\/r04\.pdf：一致/);
    assert.match(out.join('\n'), /已与上年报告 r03\.pdf（2023年）核对/);

    const bomb = new JSZip();
    bomb.file('zeros.html', Buffer.alloc(4 * 2 ** 20));
    const bombFile = path.join(dir, 'bomb.zip');
    writeFileSync(
      bombFile,
      await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }),
    );
    const out2: string[] = [];
    assert.equal(await runReportCheck([bombFile], {}, (l) => out2.push(l)), 3);
    assert.match(
      out2[0],
      /bomb\.zip：无法判断：压缩包中“zeros\.html”的压缩比异常（约 \d+ 倍），疑似压缩炸弹，拒绝解压。/,
    );
  });
  it('checks 二 against last year’s 四 with --previous', async () => {
    const out: string[] = [];
    const code = await runReportCheck([fixture('r2021-consistent.html')], { previous: fixture('r2019.html') }, (l) =>
      out.push(l),
    );
    assert.equal(code, 2);
    assert.match(out.join('\n'), /应等于上年报告“四、结转下年度继续办理”/);
  });
  it('is registered in the gongkai CLI, with its exit codes', () => {
    const main = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', main, 'report', 'check', ...args], {
        encoding: 'utf8',
        env: { ...process.env, GONGKAI_ENV: 'test' },
        timeout: 60_000,
      });
    const r = run(fixture('r2021-table4-error.html'), path.join(dir, 'missing.xlsx'));
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stdout, /表四“复议后起诉”的“总计”应为 5/);
    assert.match(r.stdout, /missing\.xlsx：无法判断：文件不存在：missing\.xlsx/);
    assert.equal(run(fixture('gov-reports/r04.pdf')).status, 0);
    assert.equal(run(path.join(dir, 'nothing-here')).status, 3);
  });
});
