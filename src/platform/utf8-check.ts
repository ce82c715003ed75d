import { isUtf8 } from 'node:buffer';

/**
 * Whether bytes read in pieces are valid UTF-8, without decoding them (Node's native check; a
 * decoder would build a string of the whole text only to drop it). A piece may end inside a
 * character: its last bytes wait for the next piece.
 */
export class Utf8Check {
  private tail: Buffer = Buffer.alloc(0);
  private ok = true;

  /** Reads a piece; false once the bytes so far cannot be UTF-8. */
  push(piece: Buffer): boolean {
    if (!this.ok) return false;
    const buf = this.tail.length ? Buffer.concat([this.tail, piece]) : piece;
    const cut = completeLength(buf);
    this.ok = isUtf8(buf.subarray(0, cut));
    this.tail = Buffer.from(buf.subarray(cut));
    return this.ok;
  }

  /** The verdict once every piece is read. */
  end(): boolean {
    return this.ok && (this.tail.length === 0 || isUtf8(this.tail));
  }
}

/** Length of `buf` without a last character whose bytes are not all there yet. */
function completeLength(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? buf.length - back : buf.length;
  }
  return buf.length;
}
