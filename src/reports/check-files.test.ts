import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runReportCheck } from './check-files.js';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe('gongkai report check', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'gk-report-'));
    for (const f of ['r2021-consistent.html', 'r2021-table4-error.html', 'r2019.html']) copyFileSync(fixture(f), path.join(dir, f));
    writeFileSync(path.join(dir, 'broken.docx'), Buffer.from([0x50, 0x4b, 3, 4, 9, 9]));
    writeFileSync(path.join(dir, 'ignored.png'), Buffer.from([0x89, 0x50]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a consistent file: exit 0', async () => {
    const out: string[] = [];
    assert.equal(await runReportCheck([fixture('r2019.html')], {}, (l) => out.push(l)), 0);
    assert.match(out[0], /勾稽关系一致/);
  });
  it('an inconsistent file: exit 2 and the cells listed', async () => {
    const out: string[] = [];
    assert.equal(await runReportCheck([fixture('r2021-table4-error.html')], {}, (l) => out.push(l)), 2);
    assert.equal(out.filter((l) => l.includes('✗')).length, 2);
  });
  it('a folder gives one CSV summary; an unreadable file gives exit 1 and a message, not a crash', async () => {
    const out: string[] = [];
    const csv = path.join(dir, 'summary.csv');
    assert.equal(await runReportCheck([dir], { csv }, (l) => out.push(l)), 1);
    assert.match(out.join('\n'), /共 4 份：一致 2，有误 1，不完整 0，无法读取 1。/);
    const text = readFileSync(csv, 'utf8');
    assert.ok(text.startsWith('\ufeff文件,结论,格式,不一致处数,说明'));
    const rows = text.trim().split('\r\n');
    assert.equal(rows.length, 5);
    assert.ok(rows.some((r) => /broken\.docx,无法读取,,0,文件已损坏/.test(r)));
    assert.ok(rows.some((r) => /r2021-table4-error\.html,勾稽关系有误,2021年格式.*,2,表四“行政复议”/.test(r)));
    assert.ok(!text.includes('ignored.png'));
  });
  it('checks 二 against last year’s 四 with --previous', async () => {
    const out: string[] = [];
    const code = await runReportCheck([fixture('r2021-consistent.html')], { previous: fixture('r2019.html') }, (l) => out.push(l));
    assert.equal(code, 2);
    assert.match(out.join('\n'), /应等于上年报告“四、结转下年度继续办理”/);
  });
  it('is registered in the gongkai CLI', () => {
    const main = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
    const r = spawnSync(process.execPath, ['--import', 'tsx', main, 'report', 'check', fixture('r2021-table4-error.html'), path.join(dir, 'missing.xlsx')], {
      encoding: 'utf8',
      env: { ...process.env, GONGKAI_ENV: 'test' },
      timeout: 60_000,
    });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /表四“复议后起诉”的“总计”应为 5/);
    assert.match(r.stdout, /文件不存在：missing\.xlsx/);
  });
});
