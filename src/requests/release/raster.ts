/**
 * Pixels: PNG and JPEG decoded to RGBA, boxes burnt in (the pixels themselves are overwritten), encoded
 * again. Re-encoding keeps no ancillary chunk or EXIF/XMP segment, so the metadata goes with it.
 */
import { createRequire } from 'node:module';
import type upngModule from '@pdf-lib/upng';
import type jpegModule from 'jpeg-js';
import { pixelRect, type Rect } from './redaction.rules.js';

// Both codecs are CommonJS and loaded on first use (the console's routes load this file at start-up).
const require = createRequire(import.meta.url);
let upng: typeof upngModule | undefined;
let jpegJs: typeof jpegModule | undefined;
const UPNGlib = (): typeof upngModule => (upng ??= require('@pdf-lib/upng') as typeof upngModule);
const jpeg = (): typeof jpegModule => (jpegJs ??= require('jpeg-js') as typeof jpegModule);

/** The CommonJS build exports the codec as `default`. */
const UPNG = (): typeof upngModule => {
  const m = UPNGlib() as unknown as { default?: typeof upngModule };
  return m.default ?? (m as unknown as typeof upngModule);
};

/** An image: RGBA (4 channels) or RGB (3, as poppler writes PPM). */
export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
  channels?: 3 | 4;
}

/** Reads a binary PPM (P6, maxval 255), the format `pdftoppm` writes by default. */
export function decodePpm(ppm: Buffer): Rgba {
  const m = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!m) throw new Error('not a PPM image');
  const width = Number(m[1]),
    height = Number(m[2]);
  const data = ppm.subarray(m[0].length, m[0].length + width * height * 3);
  if (data.length !== width * height * 3) throw new Error('truncated PPM image');
  return { width, height, data, channels: 3 };
}

export function decodePng(png: Uint8Array): Rgba {
  const img = UPNG().decode(png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer);
  return { width: img.width, height: img.height, data: new Uint8Array(UPNG().toRGBA8(img)[0]!) };
}

export function encodePng(img: Rgba): Buffer {
  return Buffer.from(
    UPNG().encode(
      [img.data.buffer.slice(img.data.byteOffset, img.data.byteOffset + img.data.byteLength) as ArrayBuffer],
      img.width,
      img.height,
      0,
    ),
  );
}

/** JPEG limits: refuse images that would need more than this many pixels (a decompression bomb). */
const MAX_PIXELS = 60_000_000;

export function decodeJpeg(data: Uint8Array): Rgba {
  const img = jpeg().decode(data, {
    useTArray: true,
    formatAsRGBA: true,
    maxResolutionInMP: MAX_PIXELS / 1e6,
    maxMemoryUsageInMB: 512,
  });
  return { width: img.width, height: img.height, data: img.data };
}

export function encodeJpeg(img: Rgba, quality = 90): Buffer {
  return Buffer.from(jpeg().encode({ width: img.width, height: img.height, data: img.data }, quality).data);
}

/** Overwrites every pixel of each box (in units of `scale` pixels) with opaque black. */
export function burnBoxes(img: Rgba, boxes: readonly Rect[], scale: number): void {
  for (const b of boxes) {
    const r = pixelRect(b, scale, img.width, img.height);
    const c = img.channels ?? 4;
    for (let y = r.y0; y < r.y1; y++) {
      const row = y * img.width * c;
      for (let x = r.x0; x < r.x1; x++) {
        const i = row + x * c;
        img.data[i] = 0;
        img.data[i + 1] = 0;
        img.data[i + 2] = 0;
        if (c === 4) img.data[i + 3] = 255;
      }
    }
  }
}
