/**
 * Text of a PDF through PDF.js (platform/pdf.ts). Text items are joined per page; a line break where
 * PDF.js reports one. Radical code points from shared CJK glyphs are folded back (platform/cjk-radicals.ts).
 */
import { openPdf } from '../platform/pdf.js';
import { foldRadicals } from '../platform/cjk-radicals.js';

/** Reads at most `maxChars` characters (pages stop being read once reached). Throws on a damaged file. */
export async function pdfText(data: Buffer, maxChars: number): Promise<string> {
  const { doc, close } = await openPdf(data);
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
    return foldRadicals(pages.join('\n'));
  } finally {
    await close();
  }
}
