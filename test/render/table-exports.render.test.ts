/**
 * Rendering tier: the dashboard, catalogue and task XLSX exports converted by LibreOffice and checked on
 * the PDF: A4 landscape, the header row on every page, dates printed whole, no blank page, nothing
 * overlapping. The data is invented and long enough to run over several pages.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { isA4, overlaps, render, renderSkip, textLines, type PdfPage, type Rendered } from './render.js';
import { dashboardXlsx } from '../../src/supervision/dashboard-xlsx.js';
import { FIGURE_SOURCES } from '../../src/supervision/sources/index.js';
import type { Dashboard } from '../../src/supervision/build-dashboard.js';
import { tasksToXlsx } from '../../src/supervision/tasks-xlsx.js';
import type { TaskView } from '../../src/supervision/tasks.store.js';
import { catalogXlsx } from '../../src/catalog/catalog-xlsx.js';
import { EXPORT_HEADER } from '../../src/catalog/export-rows.rules.js';
import { readImportTable } from '../../src/catalog/import-file.js';

const day = (i: number): string =>
  `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`;
const AGENCIES = [
  '示例县人民政府办公室',
  '示例县发展和改革局',
  '示例县教育局',
  '示例县公安局',
  '示例县民政局',
  '示例县财政局',
  '示例县人力资源和社会保障局',
  '示例县自然资源局',
  '示例县生态环境局',
  '示例县住房和城乡建设局',
];

function dashboard(): Dashboard {
  const columns = FIGURE_SOURCES.flatMap((s) => s.columns.map((c) => ({ ...c, source: s.key, available: true })));
  const rows = Array.from({ length: 90 }, (_, i) => ({
    orgId: i + 1,
    orgName: `${AGENCIES[i % AGENCIES.length]}（第${i + 1}组）`,
    values: Object.fromEntries(
      columns.map((c, j) => [
        c.key,
        c.format === 'pct' ? ((i * 7 + j) % 100) + 0.5 : c.format === 'text' ? 1 : (i * 13 + j) % 97,
      ]),
    ),
  }));
  return {
    from: '2025-01-01',
    to: '2025-10-09',
    today: '2025-10-09',
    columns,
    rows,
    total: { orgId: 0, orgName: '合计', values: {} },
    paths: [],
    provisionalNote: null,
  };
}

function tasks(): TaskView[] {
  return Array.from({ length: 45 }, (_, i) => ({
    id: i + 1,
    org_id: 1,
    year: 2026,
    seq: i + 1,
    category: ['重点领域信息公开', '政策解读', '平台建设'][i % 3],
    content: `围绕${['优化营商环境', '乡村振兴', '义务教育', '社会救助'][i % 4]}做好政府信息公开，及时公开相关政策文件、执行情况和办理结果，并做好解读回应工作（第${i + 1}项）。`,
    responsible_org_id: 2,
    department_org_id: null,
    deadline: day(i).replace('2025', '2026'),
    evidence_required: '相关栏目链接、发布截图及工作台账',
    state: ['open', 'reported', 'accepted'][i % 3],
    accepted_on: null,
    created_at: '2026-01-05T02:00:00.000Z',
    updated_at: '2026-01-05T02:00:00.000Z',
    org_name: '示例县',
    org_path: '/1/',
    responsible_name: AGENCIES[i % AGENCIES.length],
    responsible_path: '/1/2/',
    department_name: i % 2 ? '办公室' : null,
  }));
}

function catalogue(): string[][] {
  const rows = Array.from({ length: 90 }, (_, i) => [
    `11500000-${String(i + 1).padStart(4, '0')}/2025-${String(i + 1).padStart(5, '0')}`,
    `关于印发示例县${['老旧小区改造', '农村公路养护', '城乡供水一体化'][i % 3]}实施方案的通知（第${i + 1}号）`,
    '为贯彻落实上级部署，结合本县实际，制定本实施方案。',
    `示政办发〔2025〕${i + 1}号`,
    day(i),
    day(i + 1),
    day(i + 2),
    '城乡建设、环境保护',
    '通知',
    '政策文件',
    '实施方案',
    '有效',
    AGENCIES[i % AGENCIES.length],
    '已发布',
  ]);
  return [[...EXPORT_HEADER, '状态'], ...rows];
}

const text = (p: PdfPage): string =>
  textLines(p)
    .map((l) => l.text.replace(/\s+/g, ''))
    .join('\n');

describe('dashboard, catalogue and task workbooks as printed by LibreOffice', { skip: renderSkip }, () => {
  let out: Map<string, Rendered>;
  let catalogBuf: Buffer;
  before(async () => {
    catalogBuf = await catalogXlsx(catalogue());
    out = await render('tables', [
      { name: 'dashboard.xlsx', data: await dashboardXlsx(dashboard()) },
      { name: 'catalogue.xlsx', data: catalogBuf },
      { name: 'tasks.xlsx', data: await tasksToXlsx(tasks(), '2026-06-30') },
    ]);
  });

  const common = (r: Rendered, header: string) => {
    assert.ok(r.pages.length >= 2, 'long enough to run over pages');
    r.pages.forEach((p, i) => {
      assert.ok(isA4(p) && p.width > p.height, `page ${i + 1}: A4 landscape`);
      assert.ok(textLines(p).length >= 4, `page ${i + 1} is not blank`);
      assert.ok(text(p).includes(header), `page ${i + 1} repeats the header (${header})`);
      assert.deepEqual(overlaps(p), [], `page ${i + 1}: no overlapping text`);
    });
  };

  it('dashboard: the period and header rows on every page', () => {
    const r = out.get('dashboard.xlsx')!;
    common(r, '单位');
    for (const p of r.pages) assert.ok(text(p).includes('统计期间：2025-01-01至2025-10-09'));
  });

  it('catalogue: dates printed whole as dates, the header on every page', async () => {
    const r = out.get('catalogue.xlsx')!;
    common(r, '索引号');
    const all = r.pages.map(text).join('\n');
    for (const d of [day(0), day(1), day(2), day(50)]) assert.ok(all.includes(d), `date ${d} printed`);
    assert.doesNotMatch(all, /###/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(catalogBuf as unknown as ArrayBuffer);
    assert.ok(wb.worksheets[0].getCell('E2').value instanceof Date, '成文日期 is a date cell');
    // The importer reads the export back with the same dates.
    const back = await readImportTable(catalogBuf);
    assert.deepEqual(back[1].slice(4, 7), [day(0), day(1), day(2)]);
  });

  it('tasks: 完成时限 printed whole, long task texts wrapped without overlap, the header on every page', () => {
    const r = out.get('tasks.xlsx')!;
    common(r, '任务内容');
    const all = r.pages.map(text).join('\n');
    for (const t of tasks().slice(0, 6)) assert.ok(all.includes(t.deadline), `deadline ${t.deadline} printed`);
  });
});
