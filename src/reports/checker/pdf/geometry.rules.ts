/**
 * What the PDF reader takes from a page, in page points with the origin at the top left (y grows
 * downwards): text runs with their boxes and the straight lines drawn (table rulings). Runs are cut into
 * glyphs with estimated positions, so a run that crosses a cell border is split between the cells.
 */

/** A run of text as PDF.js reports it, in page coordinates (top-left origin). */
export interface TextBox {
  text: string;
  /** Left edge and top edge. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Written top to bottom (vertical writing or one character per line). */
  vertical?: boolean;
}

/** A straight horizontal or vertical line drawn on the page. */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One page as read: its size, its text and its rulings. */
export interface PdfPage {
  width: number;
  height: number;
  boxes: TextBox[];
  segments: Segment[];
}

/** One character with the centre of its estimated box and the run's size. */
export interface Glyph {
  ch: string;
  cx: number;
  cy: number;
  /** Font size (height of the line). */
  size: number;
  /** Left and right edges of the estimated box. */
  left: number;
  right: number;
}

/** Full-width characters (CJK, full-width forms) take one em; others about half. */
const wide = (ch: string): boolean =>
  /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u201c\u201d\u2018\u2019\u2014\u2026]/.test(ch);

/** Cuts a run into glyphs; blank characters are dropped (they only separate). */
export function glyphsOf(box: TextBox): Glyph[] {
  const chars = [...box.text];
  if (!chars.length) return [];
  const weights = chars.map((ch) => (wide(ch) ? 1 : 0.5));
  const total = weights.reduce((a, w) => a + w, 0);
  const out: Glyph[] = [];
  let at = 0;
  chars.forEach((ch, i) => {
    const from = at / total;
    at += weights[i];
    const to = at / total;
    if (!ch.trim()) return;
    if (box.vertical) {
      const top = box.y + from * box.h;
      const bottom = box.y + to * box.h;
      out.push({
        ch,
        cx: box.x + box.w / 2,
        cy: (top + bottom) / 2,
        size: Math.max(1, box.w),
        left: box.x,
        right: box.x + box.w,
      });
    } else {
      const left = box.x + from * box.w;
      const right = box.x + to * box.w;
      out.push({ ch, cx: (left + right) / 2, cy: box.y + box.h / 2, size: Math.max(1, box.h), left, right });
    }
  });
  return out;
}

/**
 * Glyphs grouped into lines (centres within half a glyph height of the line), top to bottom, each line
 * left to right.
 */
export function linesOf(glyphs: Glyph[]): Glyph[][] {
  const sorted = [...glyphs].sort((a, b) => a.cy - b.cy || a.cx - b.cx);
  const lines: Array<{ cy: number; size: number; glyphs: Glyph[] }> = [];
  for (const g of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(g.cy - line.cy) <= 0.5 * Math.min(line.size, g.size)) {
      line.glyphs.push(g);
      line.cy = (line.cy * (line.glyphs.length - 1) + g.cy) / line.glyphs.length;
      line.size = Math.max(line.size, g.size);
    } else lines.push({ cy: g.cy, size: g.size, glyphs: [g] });
  }
  return lines.map((l) => l.glyphs.sort((a, b) => a.cx - b.cx));
}

const cjk = (ch: string | undefined): boolean => !!ch && wide(ch);

/** Joins one line's glyphs; a space where Latin words or numbers are apart. */
export function lineText(line: Glyph[]): string {
  let s = '';
  line.forEach((g, i) => {
    const prev = line[i - 1];
    if (prev && g.left - prev.right > 0.3 * g.size && !(cjk(prev.ch) && cjk(g.ch))) s += ' ';
    s += g.ch;
  });
  return s;
}

/** The text of glyphs that belong together (one cell): lines joined, with a space between Latin words only. */
export function blockText(glyphs: Glyph[]): string {
  let s = '';
  for (const line of linesOf(glyphs)) {
    const t = lineText(line);
    if (s && !(cjk(s.at(-1)) || cjk(t[0]))) s += ' ';
    s += t;
  }
  return s;
}
