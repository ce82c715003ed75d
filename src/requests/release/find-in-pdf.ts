/**
 * Text search in a PDF for boxes to propose (身份证号, 手机号, the case's third parties' names, or any
 * text staff type). Positions come from PDF.js: each text item's baseline and width, shared between its
 * characters in proportion to their estimated advance (full-width characters one em, Latin after the
 * usual metrics). Proposals are padded by 2 pt, Latin ones by a third of an em more, and lineBoxes keeps
 * them on the page; staff review each one (and see it drawn over the page) before the copy is made.
 */
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { openPdf } from '../../platform/pdf.js';
import { findSensitive, lineBoxes, type Rect, type TextMatch } from './redaction.rules.js';

/** A proposed box: where, what was found, the default reason (第十五条 个人隐私). */
export interface ProposedBox extends Rect {
  page: number;
  kind: TextMatch['kind'] | 'text';
  text: string;
  reason: string;
}

const wide = (ch: string): boolean =>
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch);

/** Approximate advance of a character in em (full width 1; Latin after Helvetica/Times: digits .556, space .278, …). */
function advance(ch: string): number {
  if (wide(ch)) return 1;
  if (/[0-9]/.test(ch)) return 0.556;
  if (ch === ' ') return 0.278;
  if (/[ijl.,:;!|'`]/.test(ch)) return 0.25;
  if (/[frtI()[\]\-/]/.test(ch)) return 0.33;
  if (/[mwMW@%]/.test(ch)) return 0.86;
  if (/[A-Z]/.test(ch)) return 0.68;
  if (/[a-z]/.test(ch)) return 0.52;
  return 0.56;
}

/** Searches every page; `terms` are literal strings staff typed. */
export async function findInPdf(
  data: Buffer,
  opts: { names?: readonly string[]; terms?: readonly string[] } = {},
): Promise<ProposedBox[]> {
  const pdf = await openPdf(data);
  try {
    const found: ProposedBox[] = [];
    for (let n = 1; n <= pdf.doc.numPages; n++) {
      const page = await pdf.doc.getPage(n);
      const vp = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      let text = '';
      const rects: Rect[] = [];
      for (const it of content.items as TextItem[]) {
        if (typeof it.str !== 'string') continue;
        const chars = [...it.str];
        const [a, b, c, d, e, f] = it.transform as number[];
        const size = Math.hypot(c!, d!) || Math.hypot(a!, b!);
        const weights = chars.map(advance);
        const total = weights.reduce((s, w) => s + w, 0) || 1;
        let run = 0;
        for (let i = 0; i < chars.length; i++) {
          const [x0, y0] = vp.convertToViewportPoint(e! + (it.width * run) / total, f!);
          run += weights[i]!;
          const [x1] = vp.convertToViewportPoint(e! + (it.width * run) / total, f!);
          const left = Math.min(x0!, x1!);
          for (const _ of chars[i]!)
            rects.push({ x: left, y: y0! - size * 0.9, w: Math.abs(x1! - x0!), h: size * 1.15 });
          text += chars[i];
        }
        if (it.hasEOL) {
          text += '\n';
          rects.push({ x: 0, y: 0, w: 0, h: 0 });
        }
      }
      const matches: Array<TextMatch | { kind: 'text'; text: string; start: number; end: number }> = findSensitive(
        text,
        opts.names ?? [],
      );
      for (const t of new Set((opts.terms ?? []).map((s) => s.trim()).filter(Boolean))) {
        for (let at = text.indexOf(t); at >= 0; at = text.indexOf(t, at + t.length))
          matches.push({ kind: 'text', text: t, start: at, end: at + t.length });
      }
      for (const m of matches) {
        const chars = rects.slice(m.start, m.end).filter((r) => r.w > 0);
        // Widths inside a run are estimated: a match with Latin characters gets a third of an em more on each side.
        const slack = [...m.text].every(wide) ? 0 : Math.max(...chars.map((c) => c.h), 0) * 0.3;
        const grown = chars.map((c) => ({ ...c, x: c.x - slack, w: c.w + 2 * slack }));
        for (const r of lineBoxes(grown, 2, vp))
          found.push({ page: n, ...r, kind: m.kind, text: m.text, reason: 'art15' });
      }
    }
    return found;
  } finally {
    await pdf.close();
  }
}
