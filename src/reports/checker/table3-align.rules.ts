/**
 * Matches the rows of figures found in a published table 三 to the official rows (国办公开办函〔2021〕30号
 * and 〔2019〕60号, REFERENCE §2.1–2.2) by content and order, not by exact text. Published labels wrap
 * over lines, lose characters (“2.其他法律行政止公开”), change punctuation (“1、” for “1.”) or sit a line
 * above or below their figures; the official order does not change. So each row of figures is scored
 * against each official row by how much of the label text around it matches (character pairs), and the
 * rows are aligned in order (dynamic programming, like aligning two sequences): a row is missing only
 * when no row of figures is left for it between its neighbours.
 */
import { TABLE3_ROWS_2019, TABLE3_ROWS_2021, type ReportFormat, type Table3Row } from '../report-format.rules.js';
import { normLabel } from './grid.rules.js';

/** A row of seven figures found in the document, with the label texts that may name it. */
export interface FigureRow {
  /** Candidate label texts: the row's own text cells, alone and joined with the label-only lines around it. */
  texts: string[];
}

/** The alignment chosen: the format and, for each official row key, the index of its figure row. */
export interface Table3Alignment {
  format: ReportFormat;
  rows: Map<string, number>;
  /** Official rows without figures. */
  missing: Table3Row[];
}

/** The character pairs of a normalised label, counted. */
interface Pairs {
  counts: Map<string, number>;
  total: number;
}

function pairsOf(label: string): Pairs {
  const chars = [...normLabel(label)];
  const counts = new Map<string, number>();
  if (chars.length === 1) counts.set(chars[0], 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const p = chars[i] + chars[i + 1];
    counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  let total = 0;
  for (const v of counts.values()) total += v;
  return { counts, total };
}

function dice(a: Pairs, b: Pairs): number {
  if (!a.total || !b.total) return 0;
  const [small, large] = a.counts.size < b.counts.size ? [a, b] : [b, a];
  let common = 0;
  for (const [k, v] of small.counts) common += Math.min(v, large.counts.get(k) ?? 0);
  return (2 * common) / (a.total + b.total);
}

/**
 * Similarity of two labels from 0 to 1: the Dice coefficient of their character pairs after
 * normalisation (punctuation, spaces and full-width forms ignored; enumerators such as 1 or 一 kept).
 */
export function labelSimilarity(a: string, b: string): number {
  return dice(pairsOf(a), pairsOf(b));
}

/** Each official row's pairs: its label, and its group label with it (（四）无法提供 1.…). */
const OFFICIAL = new Map<Table3Row, Pairs[]>(
  [...TABLE3_ROWS_2021, ...TABLE3_ROWS_2019].map((o) => [
    o,
    o.group ? [pairsOf(o.label), pairsOf(o.group + o.label)] : [pairsOf(o.label)],
  ]),
);

/** Placing a figure row on an official row earns this plus twice the label similarity. */
const PLACE = 1;

/** How well a figure row's texts name an official row (the best of its texts against label and group + label). */
function rowSimilarity(texts: Pairs[], o: Table3Row): number {
  let best = 0;
  for (const t of texts) for (const p of OFFICIAL.get(o) ?? [pairsOf(o.label)]) best = Math.max(best, dice(t, p));
  return best;
}

function align(rows: Pairs[][], official: readonly Table3Row[]): { score: number; pick: Map<string, number> } {
  const sim = rows.map((texts) => official.map((o) => rowSimilarity(texts, o)));
  const n = rows.length;
  const m = official.length;
  // best[i][j]: best score using the first i figure rows and the first j official rows.
  const best = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  const move = Array.from({ length: n + 1 }, () => new Uint8Array(m + 1));
  for (let i = 1; i <= n; i++) move[i][0] = 1;
  for (let j = 1; j <= m; j++) move[0][j] = 2;
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++) {
      const take = best[i - 1][j - 1] + PLACE + 2 * sim[i - 1][j - 1];
      const skipRow = best[i - 1][j];
      const skipOfficial = best[i][j - 1];
      if (take >= skipRow && take >= skipOfficial) [best[i][j], move[i][j]] = [take, 0];
      else if (skipRow >= skipOfficial) [best[i][j], move[i][j]] = [skipRow, 1];
      else [best[i][j], move[i][j]] = [skipOfficial, 2];
    }
  const pick = new Map<string, number>();
  for (let i = n, j = m; i > 0 || j > 0;) {
    const mv = move[i][j];
    if (mv === 0) {
      pick.set(official[j - 1].key, i - 1);
      i--;
      j--;
    } else if (mv === 1) i--;
    else j--;
  }
  return { score: best[n][m], pick };
}

/**
 * Aligns figure rows (in document order) with the official rows of both formats and keeps the better:
 * the 2019 format has one （六）其他处理 row where 2021 has three. On a tie (a table cut off before
 * （六）) the format of the report's table 二 is taken, else 2021.
 */
export function alignTable3(rows: FigureRow[], prefer: ReportFormat = '2021'): Table3Alignment {
  const texts = rows.map((r) => r.texts.map(pairsOf));
  const options = (['2021', '2019'] as const).map((format) => {
    const official = format === '2021' ? TABLE3_ROWS_2021 : TABLE3_ROWS_2019;
    const { score, pick } = align(texts, official);
    return { format, rows: pick, missing: official.filter((o) => !pick.has(o.key)), score };
  });
  options.sort((a, b) => b.score - a.score || (a.format === prefer ? -1 : b.format === prefer ? 1 : 0));
  const { format, rows: picked, missing } = options[0];
  return { format, rows: picked, missing };
}
