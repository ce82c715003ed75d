import * as cheerio from 'cheerio';
import type JSZip from 'jszip';
import { cellId, type Grid, type GridCell } from './grid.rules.js';

/** The parts of a parsed XML node used here. */
interface XmlNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: XmlNode[];
}

const kids = (n: XmlNode, name: string): XmlNode[] =>
  (n.children ?? []).filter((c) => c.type === 'tag' && c.name === name);
const first = (n: XmlNode | undefined, name: string): XmlNode | undefined => (n ? kids(n, name)[0] : undefined);

function textOf(n: XmlNode, out: string[]): void {
  for (const c of n.children ?? []) {
    if (c.type !== 'tag') continue;
    if (c.name === 'w:t') for (const t of c.children ?? []) out.push(t.data ?? '');
    else if (c.name === 'w:tab' || c.name === 'w:br' || c.name === 'w:p') {
      if (c.name === 'w:p' && out.length) out.push(' ');
      textOf(c, out);
    } else if (c.name !== 'w:tbl') textOf(c, out);
  }
}

function tableGrid(tbl: XmlNode): Grid {
  const grid: Grid = [];
  for (const tr of kids(tbl, 'w:tr')) {
    const row: GridCell[] = [];
    const before = Number(first(first(tr, 'w:trPr'), 'w:gridBefore')?.attribs?.['w:val'] ?? 0);
    for (let i = 0; i < before; i++) row.push({ text: '', id: cellId() });
    for (const tc of kids(tr, 'w:tc')) {
      const pr = first(tc, 'w:tcPr');
      const spanN = Math.max(1, Math.min(100, Number(first(pr, 'w:gridSpan')?.attribs?.['w:val'] ?? 1) || 1));
      const vm = first(pr, 'w:vMerge');
      const col = row.length;
      const above = grid.at(-1)?.[col];
      let cell: GridCell;
      if (vm && (vm.attribs?.['w:val'] ?? 'continue') === 'continue' && above) cell = above;
      else {
        const parts: string[] = [];
        textOf(tc, parts);
        cell = { text: parts.join('').replace(/\s+/g, ' ').trim(), id: cellId() };
      }
      for (let j = 0; j < spanN; j++) row.push(cell);
    }
    grid.push(row);
  }
  return grid;
}

/**
 * Every table of a DOCX (word/document.xml read with jszip) as an expanded grid: w:gridSpan is a
 * colspan; a w:vMerge continuation cell is the cell above it (rowspan).
 */
export async function docxGrids(zip: JSZip): Promise<Grid[]> {
  const xml = await zip.file('word/document.xml')!.async('string');
  const $ = cheerio.load(xml, { xml: { xmlMode: true } });
  const grids: Grid[] = [];
  $('w\\:tbl').each((_, el) => {
    grids.push(tableGrid(el as unknown as XmlNode));
  });
  return grids;
}

/** The text before the first table of a DOCX (title, opening paragraphs), a line per paragraph. */
export async function docxLead(zip: JSZip, max: number): Promise<string> {
  const xml = (await zip.file('word/document.xml')!.async('string')).split(/<w:tbl[\s>]/)[0].slice(0, 400_000);
  return xml
    .split('</w:p>')
    .map((p) =>
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) => m[1])
        .join('')
        .trim(),
    )
    .filter(Boolean)
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .slice(0, max);
}
