/**
 * Takes the documentation's pictures of generated documents: the demo county on a fresh SQLite database
 * (clock fixed at 2026-03-10), a 部分公开 answer letter of the government office and table 三 of the county's
 * 2025 report (computed from the demo records), converted to PDF by LibreOffice (as in the render tier) and saved as PNG under docs/screenshots/.
 * Run: `node --import tsx scripts/document-pictures.ts` (needs LibreOffice, poppler-utils, fonts-noto-cjk).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { systemActor } from '../src/platform/context.js';
import { runInit } from '../src/cli/init.js';
import { getRequest } from '../src/requests/requests.store.js';
import { caseClock } from '../src/requests/case-support.js';
import { caseLetters } from '../src/requests/case-letters.js';
import { letterDocx } from '../src/requests/letter-docx.js';
import { listReports } from '../src/reports/reports.store.js';
import { reportFile } from '../src/reports/report-files.js';
import { render, renderSkip, textLines } from '../test/render/render.js';

if (renderSkip) throw new Error(renderSkip);
const NOW = new Date('2026-03-10T02:00:00Z');
const dir = '.tmp/pictures-db';
rmSync(dir, { recursive: true, force: true });
const config = loadConfig({ GONGKAI_DATA_DIR: dir, GONGKAI_LOG_LEVEL: 'silent', GONGKAI_JOBS: 'off' });
const database = openDatabase({ dialect: 'sqlite', sqliteFile: config.sqliteFile });
const db = database.db;
await migrateToLatest(db);
await runInit({ db, actor: systemActor('pictures'), now: () => NOW, config }, { demo: true, log: () => undefined });

// An answer of the government office, which numbers its letters (发文字号).
const answered = await db
  .selectFrom('requests')
  .innerJoin('orgs', 'orgs.id', 'requests.org_id')
  .select('requests.id')
  .where('requests.state', '=', 'answered')
  .where('requests.outcome_code', '=', '2')
  .where('orgs.name', '=', '示例县人民政府办公室（示例）')
  .orderBy('requests.id')
  .executeTakeFirstOrThrow();
const r = (await getRequest(db, answered.id))!;
const letter = (await caseLetters(db, r, await caseClock(db, r, '2026-03-10'))).find((l) => l.kind === 'answer')!;
// Last year's report of the county, computed from the demo records and published.
const report = (await listReports(db, { year: 2025 })).sort((a, b) => a.org_id - b.org_id)[0]!;
const file = await reportFile(report, 'docx');
const out = await render('pictures', [
  { name: 'letter.docx', data: await letterDocx(letter) },
  { name: 'report.docx', data: file.data },
]);
await database.close();

mkdirSync('docs/screenshots', { recursive: true });
const page = (pdf: string, n: number, png: string) => {
  const r2 = spawnSync('pdftoppm', [
    '-r',
    '80',
    '-f',
    String(n),
    '-l',
    String(n),
    '-png',
    '-singlefile',
    pdf,
    `docs/screenshots/${png}`,
  ]);
  if (r2.status !== 0) throw new Error(`pdftoppm failed for ${pdf}`);
};
const lettersPdf = out.get('letter.docx')!;
page(lettersPdf.pdf, 1, 'letter-answer');
const reportPdf = out.get('report.docx')!;
// The page with the most of table 三 (its rows under the repeated header rows).
const rows = (i: number) =>
  textLines(reportPdf.pages[i]).filter(
    (l) => /^\s*(（[一二三四五六七]）|\d\.)/.test(l.text) || /^\d/.test(l.text.replace(/^\D+/, '')),
  ).length;
const t3 = reportPdf.pages
  .map((_, i) => i)
  .filter((i) => textLines(reportPdf.pages[i]).some((l) => l.text.includes('申请人情况')))
  .sort((a, b) => rows(b) - rows(a))[0]!;
page(reportPdf.pdf, t3 + 1, 'report-table3');
console.log(
  `docs/screenshots/letter-answer.png (${letter.title} ${letter.docNo ?? ''}), docs/screenshots/report-table3.png (${file.filename}, page ${t3 + 1})`,
);
