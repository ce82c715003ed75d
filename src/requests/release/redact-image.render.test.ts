/**
 * Image redaction (poppler tier): a PNG with a text chunk and a JPEG with an EXIF segment, each with a
 * red "secret" region. After redaction no red pixel is left, the box's edges are black with the reason
 * printed in white inside, and the metadata is gone from the bytes.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { crc32 } from 'node:zlib';
import { decodeJpeg, decodePng, encodeJpeg, encodePng, type Rgba } from './raster.js';
import { cleanImage, redactImage } from './redact-image.js';

const skip = spawnSync('pdftoppm', ['-v']).error
  ? 'SKIPPED: pdftoppm not found (apt-get install poppler-utils)'
  : false;

function picture(): Rgba {
  const width = 240,
    height = 120;
  const data = new Uint8Array(width * height * 4).fill(255);
  for (let y = 30; y < 70; y++) for (let x = 40; x < 160; x++) data.set([230, 0, 0, 255], (y * width + x) * 4);
  return { width, height, data };
}

/** A PNG chunk (length, type, data, CRC). */
function chunk(type: string, body: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}

const reds = (img: Rgba) => {
  let n = 0;
  for (let i = 0; i < img.data.length; i += 4)
    if (img.data[i]! > 150 && img.data[i + 1]! < 90 && img.data[i + 2]! < 90) n++;
  return n;
};
const px = (img: Rgba, x: number, y: number) => img.data[(y * img.width + x) * 4]!;

describe('image redaction', { skip }, () => {
  const box = { page: 1, x: 30, y: 20, w: 150, h: 60, reason: 'art15' };

  it('PNG: pixels burnt, reason printed, text chunks gone', async () => {
    const plain = encodePng(picture());
    const png = Buffer.concat([
      plain.subarray(0, 33),
      chunk('tEXt', Buffer.from('Comment\0SECRETMETA')),
      plain.subarray(33),
    ]);
    assert.ok(png.includes('SECRETMETA') && reds(decodePng(png)) > 1000);
    const out = await redactImage('png', png, [box]);
    assert.ok(!out.includes('SECRETMETA'));
    const img = decodePng(out);
    assert.deepEqual([img.width, img.height], [240, 120]);
    assert.equal(reds(img), 0);
    for (let x = 31; x < 179; x++) assert.ok(px(img, x, 21) < 30 && px(img, x, 78) < 30, `edge at ${x}`);
    let white = 0;
    for (let y = 30; y < 70; y++) for (let x = 31; x < 179; x++) if (px(img, x, y) > 200) white++;
    assert.ok(white > 30, `the reason is printed (${white} white pixels)`);
    assert.ok(px(img, 5, 5) > 240 && px(img, 200, 100) > 240, 'outside the box the picture is kept');
    assert.ok(!cleanImage('png', png).includes('SECRETMETA'));
  });

  it('JPEG: pixels burnt, EXIF gone; bad boxes refused in Chinese', async () => {
    const plain = encodeJpeg(picture());
    const exif = Buffer.concat([Buffer.from([0xff, 0xe1, 0x00, 0x12]), Buffer.from('Exif\0\0SECRETEXIF')]);
    const jpg = Buffer.concat([plain.subarray(0, 2), exif, plain.subarray(2)]);
    assert.ok(jpg.includes('SECRETEXIF') && reds(decodeJpeg(jpg)) > 1000);
    const out = await redactImage('jpeg', jpg, [box]);
    assert.ok(!out.includes('SECRETEXIF'));
    const img = decodeJpeg(out);
    assert.equal(reds(img), 0);
    for (let x = 33; x < 177; x++) assert.ok(px(img, x, 23) < 40, `edge at ${x}`);
    assert.ok(!cleanImage('jpeg', jpg).includes('SECRETEXIF'));
    await assert.rejects(
      redactImage('jpeg', jpg, [{ ...box, w: 500 }]),
      (e: { errors: Array<{ code: string; message: string }> }) =>
        e.errors[0]!.code === 'redaction_box' && /页面范围/.test(e.errors[0]!.message),
    );
    await assert.rejects(
      redactImage('png', Buffer.from('no image'), [box]),
      (e: { errors: Array<{ code: string }> }) => e.errors[0]!.code === 'release_image_unreadable',
    );
  });
});
