/**
 * Prints a redaction's reason inside its box as glyph outlines (vector paths, white on black), taken from
 * the system's Noto Sans CJK (installed with fonts-noto-cjk). Outlines need no embedded font and are
 * not extractable text, so a released copy stays small. Without a CJK font the boxes are still burnt in
 * and the reasons are listed in the 答复书; nothing is printed in the box.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { PDFPage, RGB } from 'pdf-lib';

interface Glyph {
  path: { commands: Array<{ command: string; args: number[] }> };
}
interface Font {
  unitsPerEm: number;
  layout(text: string): { glyphs: Glyph[]; positions: Array<{ xAdvance: number }> };
}

const FONT_FILES: ReadonlyArray<[string, string]> = [
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
  ['/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular'],
  ['/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf', 'NotoSansCJKsc-Regular'],
];

let font: Promise<Font | null> | null = null;

function loadFont(): Promise<Font | null> {
  font ??= (async () => {
    const found = FONT_FILES.find(([f]) => existsSync(f));
    if (!found) return null;
    const fontkit = (await import('@pdf-lib/fontkit')).default as unknown as { create(b: Buffer, name?: string): Font };
    return fontkit.create(readFileSync(found[0]), found[1]);
  })();
  return font;
}

/** SVG path data of a glyph, y flipped (font units grow upwards, SVG downwards). */
function svgOf(g: Glyph): string {
  const p: string[] = [];
  for (const { command, args } of g.path.commands) {
    const a = args.map((v, i) => (i % 2 === 1 ? -v : v)).join(' ');
    p.push(
      command === 'moveTo'
        ? `M${a}`
        : command === 'lineTo'
          ? `L${a}`
          : command === 'quadraticCurveTo'
            ? `Q${a}`
            : command === 'bezierCurveTo'
              ? `C${a}`
              : 'Z',
    );
  }
  return p.join('');
}

/**
 * Draws `text` centred in the box (PDF coordinates: x, y of the lower-left corner), as large as fits
 * (at most 10 pt). Returns false when no CJK font is installed.
 */
export async function drawLabel(
  page: PDFPage,
  text: string,
  box: { x: number; y: number; w: number; h: number },
  color: RGB,
): Promise<boolean> {
  const f = await loadFont();
  if (!f) return false;
  const run = f.layout(text);
  const advance = run.positions.reduce((s, p) => s + p.xAdvance, 0) / f.unitsPerEm;
  const size = Math.min(10, box.h * 0.8, (box.w * 0.92) / advance);
  if (size < 2) return true;
  const scale = size / f.unitsPerEm;
  let x = box.x + (box.w - advance * size) / 2;
  const baseline = box.y + (box.h - size) / 2 + size * 0.12;
  run.glyphs.forEach((g, i) => {
    const d = svgOf(g);
    if (d) page.drawSvgPath(d, { x, y: baseline, scale, color, borderWidth: 0 });
    x += run.positions[i]!.xAdvance * scale;
  });
  return true;
}
