/**
 * Text search in a PDF for boxes to propose (身份证号, 手机号, the case's third parties' names, or any
 * text staff type). Positions come from PDF.js: each text item's baseline and width, shared between its
 * characters in proportion to their width (full-width characters count one em, others about half).
 * Proposals are padded by 2 pt; staff review each one before the copy is made.
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

const wide = (ch: string): boolean => /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch);

/** Searches every page; `terms` are literal strings staff typed. */
export async function findInPdf(data: Buffer, opts: { names?: readonly string[]; terms?: readonly string[] } = {}): Promise<ProposedBox[]> {
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
        const weights = chars.map((ch) => (wide(ch) ? 1 : 0.55));
        const total = weights.reduce((s, w) => s + w, 0) || 1;
        let run = 0;
        for (let i = 0; i < chars.length; i++) {
          const [x0, y0] = vp.convertToViewportPoint(e! + (it.width * run) / total, f!);
          run += weights[i]!;
          const [x1] = vp.convertToViewportPoint(e! + (it.width * run) / total, f!);
          const left = Math.min(x0!, x1!);
          for (const _ of chars[i]!) rects.push({ x: left, y: y0! - size * 0.9, w: Math.abs(x1! - x0!), h: size * 1.15 });
          text += chars[i];
        }
        if (it.hasEOL) {
          text += '\n';
          rects.push({ x: 0, y: 0, w: 0, h: 0 });
        }
      }
      const matches: Array<TextMatch | { kind: 'text'; text: string; start: number; end: number }> = findSensitive(text, opts.names ?? []);
      for (const t of new Set((opts.terms ?? []).map((s) => s.trim()).filter(Boolean))) {
        for (let at = text.indexOf(t); at >= 0; at = text.indexOf(t, at + t.length)) matches.push({ kind: 'text', text: t, start: at, end: at + t.length });
      }
      for (const m of matches) {
        const chars = rects.slice(m.start, m.end).filter((r) => r.w > 0);
        for (const r of lineBoxes(chars, 2, vp)) found.push({ page: n, ...r, kind: m.kind, text: m.text, reason: 'art15' });
      }
    }
    return found;
  } finally {
    await pdf.close();
  }
}
