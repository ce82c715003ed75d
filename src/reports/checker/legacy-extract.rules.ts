/**
 * Finds the pre-2019 《政府信息公开情况统计表》 (REFERENCE §2.3) in the tables of a published report and
 * reads its figures: rows are matched in printed order by their labels (traditional characters folded,
 * punctuation ignored), so the repeated labels of 四 and 五 (被依法纠错数, 其他情形数) land in the right row.
 */
import { normalizeText } from '../../search/index.js';
import { LEGACY_ROWS, type LegacyValues } from '../legacy-stats.rules.js';
import { distinctCells, normLabel, readNumber, type Grid } from './grid.rules.js';

/** What was read. */
export interface LegacyExtracted {
  /** Figures by row key (rows not found are absent). */
  values: LegacyValues;
  /** How many figure rows were found. */
  found: number;
  /** Labels of rows with a figure that match no row of the table (local additions), in Chinese. */
  unrecognised: string[];
  /** Unreadable figures, in Chinese. */
  problems: string[];
}

const norm = (s: string): string => normLabel(normalizeText(s));
// Made on first use: normalizing loads the traditional → simplified dictionaries, which merely starting
// a process (this module is part of the console's routes) should not.
let matchers: Array<{ row: (typeof LEGACY_ROWS)[number]; norms: string[] }> | undefined;
const matchersOf = () =>
  (matchers ??= LEGACY_ROWS.map((r) => ({ row: r, norms: [r.label, ...(r.aliases ?? [])].map(norm) })));

function matches(cell: string, norms: readonly string[]): boolean {
  return norms.some(
    (n) => cell === n || (n.length >= 4 && cell.startsWith(n)) || (cell.length >= 8 && n.startsWith(cell)),
  );
}

/** Reads the 统计表 from grids; `found` is 0 when the document has none. */
export function extractLegacyStats(grids: Grid[]): LegacyExtracted {
  const values: LegacyValues = {};
  const unrecognised: string[] = [];
  const problems: string[] = [];
  const known = matchersOf();
  let cursor = 0;
  for (const grid of grids)
    for (const gridRow of grid) {
      const cells = distinctCells(gridRow).filter((c) => c.text.trim() !== '');
      if (!cells.length) continue;
      const label = norm(cells[0].text);
      if (!label || readNumber(cells[0].text).kind !== 'text') continue;
      let at = -1;
      for (let i = cursor; i < known.length && at < 0; i++) if (matches(label, known[i].norms)) at = i;
      const last = cells.length > 1 ? cells[cells.length - 1].text : '';
      const figure = readNumber(last);
      if (at < 0) {
        if (cursor > 0 && cells.length > 1 && figure.kind === 'number')
          unrecognised.push(cells[0].text.trim().slice(0, 40));
        continue;
      }
      cursor = at + 1;
      const row = known[at].row;
      if (row.heading) continue;
      if (figure.kind === 'number') values[row.key] = figure.value;
      else if (figure.kind === 'blank' || cells.length === 1 || last.trim() === row.unit) values[row.key] = null;
      else {
        values[row.key] = null;
        problems.push(`“${row.label}”的数字“${last.trim().slice(0, 20)}”无法识别，未读取。`);
      }
    }
  return { values, found: Object.keys(values).length, unrecognised, problems };
}
