import type { ReportTables } from '../report-format.rules.js';
import { reportLayouts, type LayoutTable } from '../table-layout.js';

/** One official table with its merged cells, for console and portal pages. */
export function LayoutTableView({ layout, caption }: { layout: LayoutTable; caption?: string }) {
  return (
    <div class="table-wrap">
      <table class="report-table">
        {caption ? <caption>{caption}</caption> : null}
        <tbody>
          {layout.rows.map((cells) => (
            <tr>
              {cells.map((c) =>
                c.header ? (
                  <th scope="col" rowSpan={c.rs} colSpan={c.cs}>
                    {c.text}
                  </th>
                ) : (
                  <td rowSpan={c.rs} colSpan={c.cs} class={c.numeric ? 'num' : undefined}>
                    {c.text}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Tables 二, 三 and 四 with their section headings. */
export function ReportTablesView({ tables, level = 2 }: { tables: ReportTables; level?: 2 | 3 }) {
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <>
      {reportLayouts(tables).map((l) => (
        <section>
          <H>{l.title}</H>
          <LayoutTableView layout={l} />
        </section>
      ))}
    </>
  );
}
