import { deflateRawSync, createDeflateRaw } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(chunks: Iterable<Buffer>): number {
  let c = 0xffffffff;
  for (const b of chunks) for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

type Entry = { name: string; data: Buffer } | { name: string; repeat: Buffer; times: number };

/** Deflates `times` copies of `chunk` without ever holding the expanded whole in memory. */
async function deflateRepeated(chunk: Buffer, times: number): Promise<Buffer> {
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => z.on('end', resolve));
  for (let i = 0; i < times; i++) if (!z.write(chunk)) await new Promise((r) => z.once('drain', r));
  z.end();
  await done;
  return Buffer.concat(out);
}

/** A ZIP built by hand (deflated entries); `declare` overrides the declared expanded size (a lying directory). */
export async function makeZip(entries: Entry[], declare: Record<string, number> = {}): Promise<Buffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const size = 'data' in e ? e.data.length : e.repeat.length * e.times;
    const crc =
      'data' in e
        ? crc32([e.data])
        : crc32(
            (function* () {
              for (let i = 0; i < e.times; i++) yield e.repeat;
            })(),
          );
    const comp = 'data' in e ? deflateRawSync(e.data) : await deflateRepeated(e.repeat, e.times);
    const declared = declare[e.name] ?? size;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x800, 6);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(comp.length, 18);
    lh.writeUInt32LE(declared, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x800, 8);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(comp.length, 20);
    ch.writeUInt32LE(declared, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, comp);
    central.push(ch, name);
    offset += 30 + name.length + comp.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const CT =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** An XLSX-looking file whose one sheet expands to `mb` MiB of XML (~150 KB on disk for 150 MiB). */
export const xlsxBomb = (mb: number, declare?: number): Promise<Buffer> =>
  makeZip(
    [
      { name: '[Content_Types].xml', data: Buffer.from(CT) },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', repeat: Buffer.alloc(2 ** 20, '<row r="1"></row>'), times: mb },
    ],
    declare === undefined ? {} : { 'xl/worksheets/sheet1.xml': declare },
  );

/** A DOCX-looking file whose document.xml expands to `mb` MiB. */
export const docxBomb = (mb: number, declare?: number): Promise<Buffer> =>
  makeZip(
    [
      { name: '[Content_Types].xml', data: Buffer.from(CT) },
      { name: 'word/document.xml', repeat: Buffer.alloc(2 ** 20, '<w:p></w:p>'), times: mb },
    ],
    declare === undefined ? {} : { 'word/document.xml': declare },
  );
