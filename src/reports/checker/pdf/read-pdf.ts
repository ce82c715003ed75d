/**
 * Reads the text runs and rulings of a PDF's pages with PDF.js (platform/pdf.ts). Rulings are taken
 * from the drawing operators: stroked lines and rectangle edges, and filled rectangles thin enough to be
 * lines (how many producers draw borders); white ones are invisible and ignored. Pages with fewer than
 * a few numbers are not searched for rulings (their drawing operators are not needed, and reading them
 * is the slow part).
 */
import { openPdf, pdfjs } from '../../../platform/pdf.js';
import { foldRadicals } from '../../../platform/cjk-radicals.js';
import type { PdfPage, Segment, TextBox } from './geometry.rules.js';

type Matrix = [number, number, number, number, number, number];

/** Pages read at most (annual reports have 5 to 30). */
export const MAX_PDF_PAGES = 200;
/** Fewer non-blank characters than this in the whole file: no text layer (a scan). */
const MIN_TEXT = 20;

/** What a PDF holds, or why it cannot be read. */
export type PdfRead =
  | { ok: true; pages: PdfPage[]; pagesWithoutText: number[]; truncated: boolean }
  | { ok: false; reason: 'no_text' | 'encrypted' | 'damaged' };

const mul = (m: Matrix, n: readonly number[]): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

interface Ops {
  [name: string]: number;
}

/** Rulings of one page, in the coordinates of `view` (the page's viewport transform). */
function rulings(fnArray: number[], argsArray: unknown[], OPS: Ops, view: Matrix): Segment[] {
  const out: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let stroke = true;
  let fill = true;
  let lines: Array<[number, number, number, number]> = [];
  let rects: Array<[number, number, number, number]> = [];
  const visible = (rgb: unknown): boolean =>
    !(Array.isArray(rgb) && rgb.length >= 3 && rgb.slice(0, 3).every((v) => Number(v) >= 250));
  const seg = (x0: number, y0: number, x1: number, y1: number): void => {
    const m = mul(view, ctm);
    const [a, b] = apply(m, x0, y0);
    const [c, d] = apply(m, x1, y1);
    out.push({ x0: a, y0: b, x1: c, y1: d });
  };
  const rectEdges = ([x, y, w, h]: [number, number, number, number]): void => {
    seg(x, y, x + w, y);
    seg(x + w, y, x + w, y + h);
    seg(x, y + h, x + w, y + h);
    seg(x, y, x, y + h);
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = mul(ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push(ctm);
      if (Array.isArray(args[0])) ctm = mul(ctm, args[0] as number[]);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.setStrokeRGBColor) stroke = visible(args);
    else if (fn === OPS.setFillRGBColor) fill = visible(args);
    else if (fn === OPS.constructPath && args) {
      const ops = args[0] as number[];
      const xy = args[1] as number[];
      let j = 0;
      let cx = 0;
      let cy = 0;
      for (const op of ops) {
        if (op === OPS.rectangle) {
          rects.push([xy[j], xy[j + 1], xy[j + 2], xy[j + 3]]);
          [cx, cy] = [xy[j], xy[j + 1]];
          j += 4;
        } else if (op === OPS.moveTo) {
          [cx, cy] = [xy[j], xy[j + 1]];
          j += 2;
        } else if (op === OPS.lineTo) {
          lines.push([cx, cy, xy[j], xy[j + 1]]);
          [cx, cy] = [xy[j], xy[j + 1]];
          j += 2;
        } else if (op === OPS.curveTo) {
          [cx, cy] = [xy[j + 4], xy[j + 5]];
          j += 6;
        } else if (op === OPS.curveTo2 || op === OPS.curveTo3) {
          [cx, cy] = [xy[j + 2], xy[j + 3]];
          j += 4;
        }
      }
    } else if (
      fn === OPS.stroke ||
      fn === OPS.closeStroke ||
      fn === OPS.fillStroke ||
      fn === OPS.eoFillStroke ||
      fn === OPS.closeFillStroke ||
      fn === OPS.closeEOFillStroke
    ) {
      if (stroke) {
        for (const [a, b, c, d] of lines) seg(a, b, c, d);
        rects.forEach(rectEdges);
      }
      [lines, rects] = [[], []];
    } else if (fn === OPS.fill || fn === OPS.eoFill) {
      if (fill)
        for (const [x, y, w, h] of rects) {
          const m = mul(view, ctm);
          const [a, b] = apply(m, x, y);
          const [c, d] = apply(m, x + w, y + h);
          const [dw, dh] = [Math.abs(c - a), Math.abs(d - b)];
          if (dh <= 2.5 && dw >= 3)
            out.push({ x0: Math.min(a, c), y0: (b + d) / 2, x1: Math.max(a, c), y1: (b + d) / 2 });
          else if (dw <= 2.5 && dh >= 3)
            out.push({ x0: (a + c) / 2, y0: Math.min(b, d), x1: (a + c) / 2, y1: Math.max(b, d) });
        }
      [lines, rects] = [[], []];
    } else if (fn === OPS.endPath) [lines, rects] = [[], []];
  }
  return out;
}

/** A numeric-looking text run (a table figure). */
const numeric = (s: string): boolean => /\d/.test(s) && /^[\d\s,.，．\-—%]+$/.test(s.trim());

/**
 * Reads the pages of a PDF (at most MAX_PDF_PAGES), stopping early after the page where `until` says
 * the text read so far is enough. Never throws for bad input.
 */
export async function readPdf(buf: Buffer, until: (text: string) => boolean = () => false): Promise<PdfRead> {
  const { Util, OPS } = await pdfjs();
  let open;
  try {
    open = await openPdf(buf);
  } catch (e) {
    return { ok: false, reason: (e as { name?: string }).name === 'PasswordException' ? 'encrypted' : 'damaged' };
  }
  try {
    const { doc } = open;
    const pages: PdfPage[] = [];
    const pagesWithoutText: number[] = [];
    let chars = 0;
    let text = '';
    const count = Math.min(doc.numPages, MAX_PDF_PAGES);
    for (let n = 1; n <= count; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const view = viewport.transform as Matrix;
      const content = await page.getTextContent();
      const boxes: TextBox[] = [];
      let numbers = 0;
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const m = Util.transform(view, item.transform) as Matrix;
        const vertical = item.height > 1.5 * item.width && [...item.str].length > 1;
        const size = Math.hypot(m[2], m[3]) || item.height;
        const text = foldRadicals(item.str);
        if (vertical) boxes.push({ text, x: m[4], y: m[5], w: item.width, h: item.height, vertical });
        else boxes.push({ text, x: m[4], y: m[5] - 0.8 * size, w: item.width, h: size });
        chars += item.str.replace(/\s/g, '').length;
        if (numeric(item.str)) numbers++;
      }
      if (!boxes.length) pagesWithoutText.push(n);
      let segments: Segment[] = [];
      if (numbers >= 5) {
        const ops = await page.getOperatorList();
        segments = rulings(ops.fnArray, ops.argsArray, OPS as unknown as Ops, view);
      }
      pages.push({ width: viewport.width, height: viewport.height, boxes, segments });
      page.cleanup();
      text += boxes.map((b) => b.text).join('');
      if (until(text)) break;
    }
    if (chars < MIN_TEXT) return { ok: false, reason: 'no_text' };
    return { ok: true, pages, pagesWithoutText, truncated: doc.numPages > count };
  } catch {
    return { ok: false, reason: 'damaged' };
  } finally {
    await open.close();
  }
}
