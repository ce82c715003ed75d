/**
 * Opens a PDF with Mozilla's PDF.js (legacy build, which runs on Node 20 without a DOM). CJK fonts in
 * government PDFs are mostly CID fonts: the packed CMaps shipped with pdfjs-dist map their glyphs back
 * to Unicode. No code is evaluated, no system fonts are read.
 *
 * The legacy build carries core-js polyfills, one of which replaces the engine's Array.prototype.push
 * with a JavaScript version for the whole process (V8 before 12.2 fails one of core-js's edge-case
 * tests). That made every push in the server several times slower once a PDF had been read, so the
 * native push is put back after both PDF.js modules have loaded. The main-thread "worker" is loaded here
 * too (PDF.js looks for it on globalThis.pdfjsWorker), so that it is not imported later behind our back.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
let loading: Promise<PdfJs> | null = null;

/**
 * Where PDF.js would install the page fonts for drawing: nowhere. With `disableFontFace` (its default on
 * Node) it instead compiles every glyph outline in the worker and sends them over, which cost more than
 * reading the text; with this stand-in document it takes the synchronous @font-face path and drops it.
 */
const FONTLESS_DOCUMENT = {
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
};

/** PDF.js, loaded once (minified builds: no source maps to parse). */
export function pdfjs(): Promise<PdfJs> {
  loading ??= (async () => {
    const nativePush = Array.prototype.push;
    const lib = (await import('pdfjs-dist/legacy/build/pdf.min.mjs' as string)) as PdfJs;
    const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs' as string);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    Object.defineProperty(Array.prototype, 'push', {
      value: nativePush,
      writable: true,
      configurable: true,
      enumerable: false,
    });
    return lib;
  })();
  return loading;
}

/** An open PDF; call `close()` when done (also after an error). */
export interface OpenPdf {
  doc: PDFDocumentProxy;
  close(): Promise<void>;
}

/** Opens a PDF from bytes. Throws (PDF.js errors: InvalidPDFException, PasswordException, …) when it cannot. */
export async function openPdf(data: Buffer): Promise<OpenPdf> {
  const { getDocument } = await pdfjs();
  const task = getDocument({
    data: new Uint8Array(data),
    cMapUrl: path.join(pdfjsRoot, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(pdfjsRoot, 'standard_fonts') + path.sep,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: false,
    ownerDocument: FONTLESS_DOCUMENT as unknown as Document,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    return { doc, close: () => task.destroy() };
  } catch (e) {
    await task.destroy();
    throw e;
  }
}
