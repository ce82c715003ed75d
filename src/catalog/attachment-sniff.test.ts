import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sniff } from './attachment-files.js';
import { classifyAttachment } from './attachment.rules.js';
import { checkIdProofs } from '../requests/identity-proof.rules.js';
import { onePagePdf } from '../../test/helpers/pdf.js';

it('a file that is only a %PDF- header is not a PDF: refused as an attachment and as an identity proof (issue 16 item 10)', async () => {
  for (const fake of [
    '%PDF-',
    '%PDF-1.7\n%%EOF\n',
    '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  ]) {
    const sniffed = await sniff(Buffer.from(fake));
    assert.equal(sniffed.ext, null, fake);
    assert.ok('code' in classifyAttachment('公告.pdf', fake.length, sniffed, 1e7), fake);
    assert.deepEqual(
      checkIdProofs([{ filename: '身份证.pdf', size: fake.length, sniffed }], 1e7).errors.map((e) => e.code),
      ['id_proof_type'],
    );
  }
  const real = onePagePdf();
  assert.equal((await sniff(real)).ext, 'pdf');
  assert.ok(!('code' in classifyAttachment('公告.pdf', real.length, await sniff(real), 1e7)));
});

/** A PNG's signature and header chunk claiming `w` × `h` pixels (the checksum is not checked by any reader here). */
const pngHeader = (w: number, h: number) => {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(w, 8);
  ihdr.writeUInt32BE(h, 12);
  ihdr.set([8, 6, 0, 0, 0], 16);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), ihdr]);
};
const ONE_PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

it('an image that does not open is damaged, not a 500: cut after its signature, a JPEG of its first marker, 100,000 × 100,000 pixels', async () => {
  for (const [name, data] of [
    ['signature.png', ONE_PIXEL.subarray(0, 8)],
    ['header.jpg', Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex')],
    ['bomb.png', pngHeader(100_000, 100_000)],
  ] as const) {
    const sniffed = await sniff(data);
    assert.deepEqual(sniffed, { ext: null, damaged: true }, name);
    const c = classifyAttachment(name, data.length, sniffed, 1e7);
    assert.ok('code' in c && c.code === 'attachment_damaged', name);
    assert.match(c.message, /已损坏或不完整/);
    assert.match(
      checkIdProofs([{ filename: name, size: data.length, sniffed }], 1e7).errors[0]!.message,
      /已损坏或不完整，无法打开/,
    );
  }
  // A whole image, and a large scan (7,000 × 10,000 pixels) are images.
  assert.deepEqual(await sniff(ONE_PIXEL), { ext: 'png' });
  assert.deepEqual(await sniff(pngHeader(7_000, 10_000)), { ext: 'png' });
});
