import type { ReportTables } from './report-format.rules.js';
import { reportLayouts, table2Layout, table3Layout, table4Layout, type LayoutTable } from './table-layout.js';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One official table as an HTML `<table>` with its merged cells. */
export function layoutHtml(l: LayoutTable, n: number): string {
  const rows = l.rows.map(
    (cells) =>
      `<tr>${cells
        .map((c) => {
          const tag = c.header ? 'th' : 'td';
          const a = `${(c.rs ?? 1) > 1 ? ` rowspan="${c.rs}"` : ''}${(c.cs ?? 1) > 1 ? ` colspan="${c.cs}"` : ''}${c.numeric ? ' class="num"' : ''}`;
          return `<${tag}${a}>${esc(c.text)}</${tag}>`;
        })
        .join('')}</tr>`,
  );
  return `<table class="report-table" data-table="${n}"><tbody>${rows.join('')}</tbody></table>`;
}

/** Table 二 as HTML. */
export const table2Html = (t: ReportTables): string => layoutHtml(table2Layout(t), 2);
/** Table 三 as HTML. */
export const table3Html = (t: ReportTables): string => layoutHtml(table3Layout(t), 3);
/** Table 四 as HTML. */
export const table4Html = (t: ReportTables): string => layoutHtml(table4Layout(t), 4);

/** The three tables with their section headings, as an HTML fragment. */
export function reportTablesHtml(t: ReportTables): string {
  return reportLayouts(t)
    .map((l, i) => `<h2>${esc(l.title)}</h2>\n${layoutHtml(l, i + 2)}`)
    .join('\n');
}
