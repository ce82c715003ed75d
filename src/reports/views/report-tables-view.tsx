import { useContext } from 'preact/hooks';
import { FormStateContext, postedValue } from '../../platform/views/components.js';
import type { ReportTables } from '../report-format.rules.js';
import { reportLayouts, type LayoutTable } from '../table-layout.js';

/** One official table with its merged cells, for console and portal pages. */
export function LayoutTableView({
  layout,
  caption,
  edit,
  marked,
  linkBase,
}: {
  layout: LayoutTable;
  caption?: string;
  edit?: boolean;
  marked?: ReadonlySet<string>;
  linkBase?: string;
}) {
  const posted = useContext(FormStateContext);
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
                  <td
                    rowSpan={c.rs}
                    colSpan={c.cs}
                    class={
                      [c.numeric ? 'num' : '', c.name && marked?.has(c.name) ? 'cell-error' : ''].join(' ').trim() ||
                      undefined
                    }
                  >
                    {edit && c.numeric && c.name ? (
                      <input
                        type="text"
                        inputMode="decimal"
                        name={c.name}
                        id={`f-${c.name}`}
                        value={postedValue(posted, c.name, c.text)}
                        size={5}
                        aria-label={c.aria ?? c.name}
                        aria-invalid={marked?.has(c.name) ? 'true' : undefined}
                      />
                    ) : linkBase && c.numeric && c.name ? (
                      <a href={`${linkBase}${c.name}`} aria-label={`${c.aria ?? ''}：${c.text || 0}，查看计入的记录`}>
                        {c.text}
                      </a>
                    ) : (
                      c.text
                    )}
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
export function ReportTablesView({
  tables,
  level = 2,
  edit,
  marked,
  linkBase,
}: {
  tables: ReportTables;
  level?: 2 | 3;
  edit?: boolean;
  marked?: ReadonlySet<string>;
  linkBase?: string;
}) {
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <>
      {reportLayouts(tables).map((l) => (
        <section>
          <H>{l.title}</H>
          <LayoutTableView layout={l} edit={edit} marked={marked} linkBase={linkBase} />
        </section>
      ))}
    </>
  );
}
