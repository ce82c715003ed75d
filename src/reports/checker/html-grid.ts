import * as cheerio from 'cheerio';
import { expandRows, type Grid, type RawCell } from './grid.rules.js';

/** The parts of a parsed DOM node used here (htmlparser2/domhandler shape). */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

const span = (v: string | undefined): number => {
  const x = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(x) && x > 0 ? x : 1;
};

const tags = (n: DomNode, names: readonly string[]): DomNode[] =>
  (n.children ?? []).filter((c) => c.type === 'tag' && names.includes(c.name ?? ''));

function hasTable(n: DomNode): boolean {
  return (n.children ?? []).some((c) => (c.type === 'tag' && c.name === 'table') || hasTable(c));
}

function textOf(n: DomNode, out: string[]): void {
  for (const c of n.children ?? []) {
    if (c.type === 'text') out.push(c.data ?? '');
    else if (c.type === 'tag') {
      if (c.name === 'br' || c.name === 'p' || c.name === 'div') out.push(' ');
      textOf(c, out);
    }
  }
}

/**
 * Every `<table>` of an HTML document as an expanded grid. Rows belong to their own table only
 * (table > tr, or table > thead/tbody/tfoot > tr), so wrapper (layout) tables do not swallow the report
 * tables; a cell holding a nested table reads as empty.
 */
export function htmlGrids(html: string): Grid[] {
  // htmlparser2 (xmlMode off) is several times faster than parse5 and tolerant of broken markup.
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const grids: Grid[] = [];
  $('table').each((_, el) => {
    const table = el as unknown as DomNode;
    const trs = [...tags(table, ['tr']), ...tags(table, ['thead', 'tbody', 'tfoot']).flatMap((s) => tags(s, ['tr']))];
    const rows: RawCell[][] = trs.map((tr) =>
      tags(tr, ['td', 'th']).map((td) => {
        const parts: string[] = [];
        if (!hasTable(td)) textOf(td, parts);
        return {
          text: parts.join('').replace(/\s+/g, ' ').trim(),
          rowspan: span(td.attribs?.rowspan),
          colspan: span(td.attribs?.colspan),
        };
      }),
    );
    if (rows.length) grids.push(expandRows(rows));
  });
  return grids;
}
