/**
 * Tables from the lines drawn on a PDF page. Horizontal and vertical rulings that touch form one table;
 * the distinct heights of its horizontal rulings are the row boundaries and the distinct positions of
 * its vertical rulings the column boundaries. Two neighbouring grid cells are one (merged) cell when no
 * ruling separates them at the middle of their common edge — that is how spans are recognised.
 */
import type { Segment } from './geometry.rules.js';

/** Rulings closer than this (points) are the same line (double borders, rounding). */
const SNAP = 2.5;
/** A ruling that stops this close to another still touches it. */
const TOUCH = 2.5;

interface HLine {
  y: number;
  x0: number;
  x1: number;
}
interface VLine {
  x: number;
  y0: number;
  y1: number;
}

/** A table found from rulings: boundaries and, for each grid position, the merged cell it belongs to. */
export interface RuledTable {
  /** Row boundaries, top to bottom (rows = ys.length - 1). */
  ys: number[];
  /** Column boundaries, left to right (columns = xs.length - 1). */
  xs: number[];
  /** cell[r][c] = index of the merged cell covering grid position (r, c). */
  cell: number[][];
  /** Number of merged cells. */
  cells: number;
}

/** Joins collinear pieces of lines (a border drawn cell by cell) into whole lines. */
function mergeLines<T>(
  items: T[],
  key: (t: T) => number,
  from: (t: T) => number,
  to: (t: T) => number,
  make: (k: number, a: number, b: number) => T,
): T[] {
  const sorted = [...items].sort((a, b) => key(a) - key(b) || from(a) - from(b));
  const out: T[] = [];
  const groups: T[][] = [];
  for (const t of sorted) {
    const g = groups.at(-1);
    if (g && Math.abs(key(t) - key(g[0])) <= SNAP) g.push(t);
    else groups.push([t]);
  }
  for (const g of groups) {
    const k = g.reduce((a, t) => a + key(t), 0) / g.length;
    const spans = g.map((t) => [from(t), to(t)] as const).sort((a, b) => a[0] - b[0]);
    let [a, b] = spans[0];
    for (const [c, d] of spans.slice(1)) {
      if (c <= b + TOUCH) b = Math.max(b, d);
      else {
        out.push(make(k, a, b));
        [a, b] = [c, d];
      }
    }
    out.push(make(k, a, b));
  }
  return out;
}

/** Sorted distinct values, those within SNAP of each other taken as one (their mean). */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out.at(-1);
    if (last && v - last[last.length - 1] <= SNAP) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, x) => a + x, 0) / g.length);
}

class Sets {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }
  join(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

const crosses = (h: HLine, v: VLine): boolean =>
  v.x >= h.x0 - TOUCH && v.x <= h.x1 + TOUCH && h.y >= v.y0 - TOUCH && h.y <= v.y1 + TOUCH;

function buildTable(hs: HLine[], vs: VLine[]): RuledTable | null {
  // Open tables (no outer border on a side) end where their rulings of the other direction end.
  const ys = cluster([...hs.map((h) => h.y), Math.min(...vs.map((v) => v.y0)), Math.max(...vs.map((v) => v.y1))]);
  const xs = cluster([...vs.map((v) => v.x), Math.min(...hs.map((h) => h.x0)), Math.max(...hs.map((h) => h.x1))]);
  if (ys.length < 2 || xs.length < 2) return null;
  const R = ys.length - 1;
  const C = xs.length - 1;
  const sets = new Sets(R * C);
  const at = (r: number, c: number): number => r * C + c;
  for (let r = 0; r < R; r++) {
    const mid = (ys[r] + ys[r + 1]) / 2;
    for (let c = 0; c + 1 < C; c++) {
      const x = xs[c + 1];
      const wall = vs.some((v) => Math.abs(v.x - x) <= SNAP && v.y0 - TOUCH <= mid && v.y1 + TOUCH >= mid);
      if (!wall) sets.join(at(r, c), at(r, c + 1));
    }
  }
  for (let c = 0; c < C; c++) {
    const mid = (xs[c] + xs[c + 1]) / 2;
    for (let r = 0; r + 1 < R; r++) {
      const y = ys[r + 1];
      const wall = hs.some((h) => Math.abs(h.y - y) <= SNAP && h.x0 - TOUCH <= mid && h.x1 + TOUCH >= mid);
      if (!wall) sets.join(at(r, c), at(r + 1, c));
    }
  }
  const index = new Map<number, number>();
  const cell = Array.from({ length: R }, (_, r) =>
    Array.from({ length: C }, (_, c) => {
      const root = sets.find(at(r, c));
      if (!index.has(root)) index.set(root, index.size);
      return index.get(root)!;
    }),
  );
  return { ys, xs, cell, cells: index.size };
}

/**
 * The ruled tables of a page: segments are split into horizontal and vertical lines (others ignored),
 * joined where collinear, and grouped by crossing; a group with at least two lines each way is a table.
 */
export function ruledTables(segments: Segment[]): RuledTable[] {
  const hs0: HLine[] = [];
  const vs0: VLine[] = [];
  for (const s of segments) {
    const dx = Math.abs(s.x1 - s.x0);
    const dy = Math.abs(s.y1 - s.y0);
    if (dy <= 1 && dx >= 3) hs0.push({ y: (s.y0 + s.y1) / 2, x0: Math.min(s.x0, s.x1), x1: Math.max(s.x0, s.x1) });
    else if (dx <= 1 && dy >= 3) vs0.push({ x: (s.x0 + s.x1) / 2, y0: Math.min(s.y0, s.y1), y1: Math.max(s.y0, s.y1) });
  }
  const hs = mergeLines(
    hs0,
    (h) => h.y,
    (h) => h.x0,
    (h) => h.x1,
    (y, x0, x1) => ({ y, x0, x1 }),
  );
  const vs = mergeLines(
    vs0,
    (v) => v.x,
    (v) => v.y0,
    (v) => v.y1,
    (x, y0, y1) => ({ x, y0, y1 }),
  );
  const sets = new Sets(hs.length + vs.length);
  hs.forEach((h, i) => vs.forEach((v, j) => crosses(h, v) && sets.join(i, hs.length + j)));
  const groups = new Map<number, { hs: HLine[]; vs: VLine[] }>();
  const group = (i: number): { hs: HLine[]; vs: VLine[] } => {
    const root = sets.find(i);
    if (!groups.has(root)) groups.set(root, { hs: [], vs: [] });
    return groups.get(root)!;
  };
  hs.forEach((h, i) => group(i).hs.push(h));
  vs.forEach((v, j) => group(hs.length + j).vs.push(v));
  const tables: RuledTable[] = [];
  for (const g of groups.values()) {
    if (g.hs.length < 2 || g.vs.length < 2) continue;
    const t = buildTable(g.hs, g.vs);
    if (t) tables.push(t);
  }
  return tables.sort((a, b) => a.ys[0] - b.ys[0]);
}

/** Index of the band [bounds[i], bounds[i+1]) holding v, or -1. */
export function bandOf(bounds: number[], v: number): number {
  if (v < bounds[0] || v >= bounds[bounds.length - 1]) return -1;
  let lo = 0;
  let hi = bounds.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid] <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
