/**
 * Text of a PDF through Mozilla's PDF.js (legacy build, which runs on Node 20 without a DOM).
 * CJK fonts in government PDFs are mostly CID fonts: the packed CMaps shipped with pdfjs-dist map
 * their glyphs back to Unicode. Text items are joined per page; a line break where PDF.js reports one.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Opens a PDF with PDF.js (no eval, no system fonts, CMaps for CID fonts); `destroy()` the task when done. */
export async function openPdf(data: Buffer) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return getDocument({
    data: new Uint8Array(data),
    cMapUrl: path.join(pdfjsRoot, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(pdfjsRoot, 'standard_fonts') + path.sep,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
}

/** Reads at most `maxChars` characters (pages stop being read once reached). Throws on a damaged file. */
export async function pdfText(data: Buffer, maxChars: number): Promise<string> {
  const task = await openPdf(data);
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    let size = 0;
    for (let n = 1; n <= doc.numPages && size < maxChars; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      page.cleanup();
      pages.push(text);
      size += text.length;
    }
    return pages.join('\n');
  } finally {
    await task.destroy();
  }
}
