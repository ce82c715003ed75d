import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { ARCHIVE_LIMITS, ArchiveRefused, checkZipDirectory, readZip } from './archive-limits.js';

const zipOf = async (
  files: Record<string, Buffer | string>,
  compression: 'STORE' | 'DEFLATE' = 'DEFLATE',
): Promise<Buffer> => {
  const z = new JSZip();
  for (const [name, data] of Object.entries(files)) z.file(name, data);
  return z.generateAsync({ type: 'nodebuffer', compression, compressionOptions: { level: 9 } });
};

/** Rewrites the uncompressed size of every entry, in the central directory and the local headers. */
function declareSize(buf: Buffer, size: number): Buffer {
  const out = Buffer.from(buf);
  for (let p = 0; p + 4 <= out.length; p++) {
    const sig = out.readUInt32LE(p);
    if (sig === 0x02014b50) out.writeUInt32LE(size, p + 24);
    else if (sig === 0x04034b50) out.writeUInt32LE(size, p + 22);
  }
  return out;
}

const refused = (fn: () => unknown, kind: ArchiveRefused['kind'], message: RegExp): void =>
  assert.throws(fn, (e: unknown) => e instanceof ArchiveRefused && e.kind === kind && message.test(e.message));

describe('archive limits', () => {
  it('reads stored and deflated entries, skips folders and what the caller does not want', async () => {
    const buf = await zipOf({ 'a/报告.html': '<table></table>', 'a/b.txt': 'x'.repeat(1000), 'c.png': 'no' });
    assert.deepEqual(
      readZip(buf, (n) => !n.endsWith('.png')).map((e) => [e.name, e.data.length]),
      [
        ['a/报告.html', 15],
        ['a/b.txt', 1000],
      ],
    );
    const stored = await zipOf({ 'x.txt': 'hello' }, 'STORE');
    assert.equal(readZip(stored)[0].data.toString(), 'hello');
  });
  it('names without the UTF-8 flag are read as GBK (archives made on Chinese Windows)', async () => {
    const buf = Buffer.from(await zipOf({ 'ab.txt': 'x' }));
    const at = buf.indexOf('ab.txt', buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    const gbk = Buffer.from([0xb1, 0xa8]); // 报 in GBK
    gbk.copy(buf, at);
    buf.writeUInt16LE(buf.readUInt16LE(at - 46 + 8) & ~0x800, at - 46 + 8);
    assert.equal(checkZipDirectory(buf)[0].name, '报.txt');
  });
  it('refuses too many entries before expanding anything', async () => {
    const buf = await zipOf(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}.txt`, 'x'])));
    refused(
      () => checkZipDirectory(buf, { ...ARCHIVE_LIMITS, maxEntries: 10 }),
      'limit',
      /^压缩包内文件过多（12 个，上限 10 个），拒绝解压。$/,
    );
  });
  it('refuses an entry or a whole that would expand beyond the limits, from the declared sizes', async () => {
    const buf = await zipOf({ 'a.txt': 'abc', 'b.txt': 'def' });
    refused(
      () => checkZipDirectory(declareSize(buf, 200 * 2 ** 20)),
      'limit',
      /“a\.txt”解压后 200 MB，超过单个文件上限 100 MB，拒绝解压。/,
    );
    refused(
      () =>
        checkZipDirectory(declareSize(buf, 90 * 2 ** 20), {
          ...ARCHIVE_LIMITS,
          maxRatio: 1e9,
          maxTotalBytes: 150 * 2 ** 20,
        }),
      'limit',
      /解压后超过 150 MB 的上限/,
    );
  });
  it('refuses an implausible compression ratio (a bomb made of zeros)', async () => {
    const buf = await zipOf({ 'zeros.bin': Buffer.alloc(8 * 2 ** 20) });
    refused(() => checkZipDirectory(buf), 'limit', /“zeros\.bin”的压缩比异常（约 \d+ 倍），疑似压缩炸弹/);
    assert.equal(checkZipDirectory(buf, { ...ARCHIVE_LIMITS, maxRatio: 1e6 }).length, 1);
  });
  it('a directory that understates the size is caught while inflating, with no more than the declared size expanded', async () => {
    const buf = declareSize(await zipOf({ 'a.txt': 'x'.repeat(5000) }), 100);
    refused(() => readZip(buf), 'limit', /“a\.txt”实际解压大小超过声明，疑似压缩炸弹/);
  });
  it('what is not a ZIP, ZIP64 and encrypted entries are refused with a reason', async () => {
    refused(
      () => checkZipDirectory(Buffer.from('not a zip at all, but long enough to look')),
      'damaged',
      /文件不是有效的 ZIP 压缩包/,
    );
    const buf = Buffer.from(await zipOf({ 'a.txt': 'x' }));
    const cd = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const enc = Buffer.from(buf);
    enc.writeUInt16LE(enc.readUInt16LE(cd + 8) | 1, cd + 8);
    refused(() => readZip(enc), 'unsupported', /“a\.txt”已加密/);
    const z64 = Buffer.from(buf);
    z64.writeUInt32LE(0xffffffff, cd + 24);
    refused(() => checkZipDirectory(z64), 'unsupported', /ZIP64/);
  });
});
