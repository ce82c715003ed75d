/**
 * Redacts a JPEG or PNG: the image is decoded, the boxes (in pixels, from the top-left corner) are burnt
 * into its pixels, the reasons are printed in the boxes (the image is placed on a page of the same size
 * with the reasons as glyph outlines and rendered back by `pdftoppm` at one pixel per point), and it is
 * encoded again — so no EXIF, XMP, ICC comment or text chunk of the original survives. Without boxes it
 * only cleans. EXIF orientation is not applied: boxes refer to the stored pixels, which the console shows.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';
import { AppError, invalid } from '../../platform/errors.js';
import { drawLabel } from './box-label.js';
import { burnBoxes, decodeJpeg, decodePng, encodeJpeg, encodePng, type Rgba } from './raster.js';
import { reasonOf, validateBoxes, type RedactionBox } from './redaction.rules.js';

const run = promisify(execFile);
export type ImageKind = 'jpeg' | 'png';

/** Decodes the image; a Chinese `invalid` error when it cannot be read. */
export function decodeImage(kind: ImageKind, data: Buffer): Rgba {
  try {
    return kind === 'jpeg' ? decodeJpeg(data) : decodePng(data);
  } catch {
    throw invalid('release_image_unreadable', '图片无法读取（文件损坏或尺寸过大），无法区分处理。', 'file');
  }
}

/** The image's size in pixels, as the one "page" boxes refer to. */
export const imagePages = (kind: ImageKind, data: Buffer) => {
  const img = decodeImage(kind, data);
  return [{ width: img.width, height: img.height }];
};

/** The stored pixels as PNG, for the console's viewer. */
export const imagePreview = (kind: ImageKind, data: Buffer): Buffer => encodePng(decodeImage(kind, data));

/** Prints the reasons over the burnt boxes: one page the size of the image, rendered at 72 dpi. */
async function withLabels(img: Rgba, boxes: readonly RedactionBox[], kind: ImageKind): Promise<Buffer> {
  const { PDFDocument, rgb, pushGraphicsState, popGraphicsState, concatTransformationMatrix, drawObject } =
    await import('pdf-lib');
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([img.width, img.height]);
  const rgbData = Buffer.alloc(img.width * img.height * 3);
  for (let i = 0, j = 0; j < rgbData.length; i += 4, j += 3) {
    const a = img.data[i + 3]! / 255;
    for (let c = 0; c < 3; c++) rgbData[j + c] = Math.round(img.data[i + c]! * a + 255 * (1 - a));
  }
  const ref = doc.context.register(
    doc.context.stream(deflateSync(rgbData), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: img.width,
      Height: img.height,
      ColorSpace: 'DeviceRGB',
      BitsPerComponent: 8,
      Filter: 'FlateDecode',
    }),
  );
  const name = page.node.newXObject('Img', ref);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(img.width, 0, 0, img.height, 0, 0),
    drawObject(name),
    popGraphicsState(),
  );
  for (const b of boxes)
    await drawLabel(
      page,
      reasonOf(b.reason)!.short,
      { x: b.x, y: img.height - b.y - b.h, w: b.w, h: b.h },
      rgb(1, 1, 1),
    );
  const dir = await mkdtemp(path.join(tmpdir(), 'gk-redact-img-'));
  try {
    const file = path.join(dir, 'in.pdf');
    await writeFile(file, await doc.save());
    const fmt = kind === 'jpeg' ? ['-jpeg', '-jpegopt', 'quality=90'] : ['-png'];
    try {
      await run('pdftoppm', ['-r', '72', ...fmt, '-singlefile', file, path.join(dir, 'out')], { maxBuffer: 1 << 20 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT')
        throw new AppError('unavailable', {
          code: 'release_no_poppler',
          message: '服务器未安装 poppler-utils，无法处理图片。',
        });
      throw e;
    }
    return await readFile(path.join(dir, kind === 'jpeg' ? 'out.jpg' : 'out.png'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The released copy of an image with `boxes` (pixels) removed and their reasons printed. */
export async function redactImage(kind: ImageKind, data: Buffer, boxes: readonly RedactionBox[]): Promise<Buffer> {
  const img = decodeImage(kind, data);
  const checked = validateBoxes(boxes, [{ width: img.width, height: img.height }]);
  burnBoxes(img, checked, 1);
  return withLabels(img, checked, kind);
}

/** The released copy of an image given whole: the same pixels, encoded again without any metadata. */
export function cleanImage(kind: ImageKind, data: Buffer): Buffer {
  const img = decodeImage(kind, data);
  return kind === 'jpeg' ? encodeJpeg(img) : encodePng(img);
}
