/**
 * Redacts a PDF so that the removed content no longer exists in the file (条例第三十七条 区分处理).
 * Every page with a box is rendered by poppler's `pdftoppm` to an image, the boxes are burnt into its
 * pixels, and the page is rebuilt from that image with the reason printed in each box; every other page
 * is copied with its text. The released copy is a new document: no information dictionary or XMP
 * metadata, no annotations (so no form fields, links or file attachments), no document JavaScript,
 * open actions, outlines or embedded files — only the pages.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';
import { AppError, invalid } from '../../platform/errors.js';
import { openPdf } from '../../platform/pdf.js';
import { drawLabel } from './box-label.js';
import { burnBoxes, decodePpm } from './raster.js';
import { reasonOf, validateBoxes, type PageSizes, type RedactionBox } from './redaction.rules.js';

const run = promisify(execFile);

/** Page-level entries that are not the page's appearance and are dropped from copied pages. */
const PAGE_EXTRAS = [
  'Annots',
  'AA',
  'Metadata',
  'PieceInfo',
  'Thumb',
  'B',
  'StructParents',
  'ID',
  'PZ',
  'SeparationInfo',
];

const unreadable = () => invalid('release_pdf_unreadable', '文件不是可读取的PDF（或已加密），无法区分处理。', 'file');

/** The size of each page as displayed (crop box, rotation applied), in points. */
export async function pdfPageSizes(data: Buffer): Promise<PageSizes> {
  let pdf;
  try {
    pdf = await openPdf(data);
  } catch {
    throw unreadable();
  }
  try {
    const sizes = [];
    for (let n = 1; n <= pdf.doc.numPages; n++) {
      const vp = (await pdf.doc.getPage(n)).getViewport({ scale: 1 });
      sizes.push({ width: vp.width, height: vp.height });
    }
    return sizes;
  } finally {
    await pdf.close();
  }
}

/** Renders page `n` (from 1) to an RGB PPM at `dpi`. */
async function renderPage(file: string, n: number, dpi: number, dir: string): Promise<Buffer> {
  const prefix = path.join(dir, `p${n}`);
  try {
    await run(
      'pdftoppm',
      ['-r', String(dpi), '-f', String(n), '-l', String(n), '-cropbox', '-singlefile', file, prefix],
      { maxBuffer: 1 << 20 },
    );
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new AppError('unavailable', {
        code: 'release_no_poppler',
        message: '服务器未安装 poppler-utils，无法处理PDF。',
      });
    throw unreadable();
  }
  return readFile(`${prefix}.ppm`);
}

/** Options: the resolution of rebuilt pages (150 dpi keeps 小四 text legible). */
export interface RedactOptions {
  dpi?: number;
}

/** The released copy of `data` with `boxes` removed. Throws `invalid` (Chinese) for a bad file or box. */
export async function redactPdf(
  data: Buffer,
  boxes: readonly RedactionBox[],
  opts: RedactOptions = {},
): Promise<Buffer> {
  const sizes = await pdfPageSizes(data);
  return rebuild(data, sizes, validateBoxes(boxes, sizes), opts.dpi ?? 150);
}

/** The released copy of a PDF given whole: every page keeps its text, everything but the pages is dropped. */
export async function cleanPdf(data: Buffer): Promise<Buffer> {
  return rebuild(data, await pdfPageSizes(data), [], 150);
}

async function rebuild(data: Buffer, sizes: PageSizes, checked: readonly RedactionBox[], dpi: number): Promise<Buffer> {
  const { PDFDocument, PDFName, rgb, pushGraphicsState, popGraphicsState, concatTransformationMatrix, drawObject } =
    await import('pdf-lib');
  let src;
  try {
    src = await PDFDocument.load(data, { updateMetadata: false });
  } catch {
    throw unreadable();
  }
  if (src.getPageCount() !== sizes.length) throw unreadable();
  for (const p of src.getPages()) for (const k of PAGE_EXTRAS) p.node.delete(PDFName.of(k));
  const out = await PDFDocument.create({ updateMetadata: false });
  const dir = await mkdtemp(path.join(tmpdir(), 'gk-redact-'));
  try {
    const file = path.join(dir, 'in.pdf');
    await writeFile(file, data);
    for (let i = 0; i < sizes.length; i++) {
      const onPage = checked.filter((b) => b.page === i + 1);
      if (onPage.length === 0) {
        const [copy] = await out.copyPages(src, [i]);
        out.addPage(copy!);
        continue;
      }
      const { width, height } = sizes[i]!;
      const img = decodePpm(await renderPage(file, i + 1, dpi, dir));
      burnBoxes(img, onPage, img.width / width);
      const page = out.addPage([width, height]);
      // The burnt pixels as an RGB image XObject, compressed with Node's zlib (pdf-lib's PNG path is pure JavaScript and slow).
      const image = out.context.register(
        out.context.stream(deflateSync(img.data), {
          Type: 'XObject',
          Subtype: 'Image',
          Width: img.width,
          Height: img.height,
          ColorSpace: 'DeviceRGB',
          BitsPerComponent: 8,
          Filter: 'FlateDecode',
        }),
      );
      const name = page.node.newXObject('Page', image);
      page.pushOperators(
        pushGraphicsState(),
        concatTransformationMatrix(width, 0, 0, height, 0, 0),
        drawObject(name),
        popGraphicsState(),
      );
      for (const b of onPage) {
        await drawLabel(
          page,
          reasonOf(b.reason)!.short,
          { x: b.x, y: height - b.y - b.h, w: b.w, h: b.h },
          rgb(1, 1, 1),
        );
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return Buffer.from(await out.save());
}

/** A page of a PDF as PNG for the console's viewer (`dpi` 72–200). */
export async function pagePreview(data: Buffer, page: number, dpi = 96): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gk-preview-'));
  try {
    const file = path.join(dir, 'in.pdf');
    await writeFile(file, data);
    const prefix = path.join(dir, 'p');
    try {
      await run(
        'pdftoppm',
        [
          '-r',
          String(Math.min(200, Math.max(72, dpi))),
          '-f',
          String(page),
          '-l',
          String(page),
          '-cropbox',
          '-png',
          '-singlefile',
          file,
          prefix,
        ],
        { maxBuffer: 1 << 20 },
      );
    } catch {
      throw unreadable();
    }
    return await readFile(`${prefix}.png`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
