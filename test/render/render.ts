/**
 * The rendering tier: generated DOCX/XLSX files converted to PDF by LibreOffice (headless, several files
 * per run: it starts slowly), read back with PDF.js (text with positions) and `pdffonts`, and the first
 * page of each saved as a PNG under .tmp/render/ for people to look at. The fontconfig rules of
 * src/platform/office/gongwen-fonts.conf stand in for the official fonts, as on an agency's Linux desktop.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openPdf } from '../../src/platform/pdf.js';

export const SOFFICE = process.env.GONGKAI_SOFFICE ?? '/usr/bin/soffice';
const POPPLER = spawnSync('pdftoppm', ['-v']).error === undefined;
export const renderSkip =
  existsSync(SOFFICE) && POPPLER
    ? false
    : `SKIPPED: ${existsSync(SOFFICE) ? 'pdftoppm' : SOFFICE} not found (render tier: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils)`;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FONTS_CONF = path.join(ROOT, 'src/platform/office/gongwen-fonts.conf');

/** A text item on a page, in points, y downwards from the top of the page. */
export interface TextItem {
  str: string;
  x: number;
  /** Top and bottom of the glyph box. */
  top: number;
  bottom: number;
  width: number;
  /** Type size (points). */
  size: number;
}

/** A page: its size in points and its text. */
export interface PdfPage {
  width: number;
  height: number;
  items: TextItem[];
}

/** A converted file. */
export interface Rendered {
  pdf: string;
  png: string;
  pages: PdfPage[];
  /** Names of the embedded fonts (`pdffonts`). */
  fonts: string[];
}

/** The pages of a PDF with their text items (PDF.js). */
export async function pdfPages(data: Buffer): Promise<PdfPage[]> {
  const { doc, close } = await openPdf(data);
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width, height] = page.view;
      const items: TextItem[] = [];
      for (const it of (await page.getTextContent()).items) {
        if (!('str' in it) || !it.str.trim()) continue;
        const [a, b, , , e, f] = it.transform as number[];
        const size = Math.hypot(a, b);
        // The glyph box of CJK type: about 0.88 of the size above the baseline, 0.12 below.
        // Chromium's PDFs map some CJK glyphs to Kangxi radicals (⽰ for 示): fold them back.
        const str = it.str.replace(/[\u2e80-\u2fdf]/gu, (ch) => ch.normalize('NFKC'));
        items.push({
          str,
          x: e,
          top: height - f - size * 0.88,
          bottom: height - f + size * 0.12,
          width: it.width,
          size,
        });
      }
      pages.push({ width, height, items });
      page.cleanup();
    }
    return pages;
  } finally {
    await close();
  }
}

/**
 * Converts the files to PDF with one LibreOffice run (its own profile, so parallel runs do not meet),
 * under .tmp/render/<group>/, and saves a PNG of each first page beside it.
 */
export async function render(
  group: string,
  files: Array<{ name: string; data: Buffer }>,
): Promise<Map<string, Rendered>> {
  const dir = path.join(ROOT, '.tmp/render', group);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(path.join(dir, f.name), f.data);
  const profile = mkdtempSync(path.join(tmpdir(), 'gk-soffice-'));
  try {
    const r = spawnSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...files.map((f) => path.join(dir, f.name)),
      ],
      {
        encoding: 'utf8',
        timeout: 180_000,
        env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF, HOME: profile },
      },
    );
    if (r.status !== 0) throw new Error(`LibreOffice failed (${r.status}): ${r.stderr || r.error?.message}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const out = new Map<string, Rendered>();
  for (const f of files) {
    const base = f.name.replace(/\.[^.]+$/, '');
    const pdf = path.join(dir, `${base}.pdf`);
    if (!existsSync(pdf)) throw new Error(`LibreOffice did not convert ${f.name}`);
    const png = path.join(dir, base);
    spawnSync('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', '-png', '-singlefile', pdf, png]);
    const fonts = spawnSync('pdffonts', [pdf], { encoding: 'utf8' })
      .stdout.split('\n')
      .slice(2)
      .map((l) => l.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, '') ?? '')
      .filter(Boolean);
    out.set(f.name, { pdf, png: `${png}.png`, pages: await pdfPages(readFileSync(pdf)), fonts });
  }
  return out;
}

/** True for an A4 page (portrait or landscape), to a point. */
export const isA4 = (p: PdfPage): boolean => {
  const [w, h] = [Math.min(p.width, p.height), Math.max(p.width, p.height)];
  return Math.abs(w - 595.3) < 1 && Math.abs(h - 841.9) < 1;
};

/** The items whose text contains `s` (first match first). */
export const find = (p: PdfPage, s: string): TextItem[] => p.items.filter((i) => i.str.includes(s));

/** A line of text on a page: the items at the same height joined left to right, and its box. */
export interface TextLine {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** The largest type size on the line. */
  size: number;
}

/** The lines of a page, top to bottom. */
export function textLines(p: PdfPage): TextLine[] {
  const sorted = [...p.items].sort((a, b) => a.top - b.top || a.x - b.x);
  const groups: TextItem[][] = [];
  for (const it of sorted) {
    const last = groups.at(-1);
    if (last && Math.abs(last[0].top - it.top) < Math.min(last[0].size, it.size) * 0.5) last.push(it);
    else groups.push([it]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.x - b.x);
    return {
      text: g.map((i) => i.str).join(''),
      left: g[0].x,
      right: Math.max(...g.map((i) => i.x + i.width)),
      top: Math.min(...g.map((i) => i.top)),
      bottom: Math.max(...g.map((i) => i.bottom)),
      size: Math.max(...g.map((i) => i.size)),
    };
  });
}

/** The text of a page, one string per line. */
export const lines = (p: PdfPage): string[] => textLines(p).map((l) => l.text);

/** The first line whose text contains `s`. */
export const lineWith = (p: PdfPage, s: string): TextLine | undefined => textLines(p).find((l) => l.text.includes(s));

/** Pairs of text items whose boxes overlap (more than a tenth of the smaller type size each way). */
export function overlaps(p: PdfPage): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const its = p.items;
  for (let i = 0; i < its.length; i++)
    for (let j = i + 1; j < its.length; j++) {
      const a = its[i];
      const b = its[j];
      const slack = Math.min(a.size, b.size) * 0.1;
      const dx = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (dx > slack && dy > slack) out.push([a.str, b.str]);
    }
  return out;
}
