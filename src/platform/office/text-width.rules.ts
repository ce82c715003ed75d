/**
 * How wide Chinese text is when printed, in "half ems" (pure): a CJK character or full-width form
 * is two units, an ASCII letter, digit or space one. Used to size table columns and rows so that
 * labels wrap into whole lines instead of one character a line, and to centre a signature over a date.
 */

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2014\u2018\u2019\u201c\u201d\u2026]/u;

/** Width of one character in half ems (2 for CJK and full-width forms, 1 otherwise). */
export const charUnits = (ch: string): number => (WIDE.test(ch) ? 2 : 1);

/** Width of a text in half ems. */
export function textUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += charUnits(ch);
  return n;
}

/**
 * Breaks a text into lines of at most `units` half ems, character by character (Chinese has no
 * word spaces). Explicit line breaks are kept. At least one character per line, so it always terminates.
 */
export function wrapUnits(text: string, units: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let w = 0;
    for (const ch of para) {
      const cw = charUnits(ch);
      if (line && w + cw > units) {
        out.push(line);
        line = '';
        w = 0;
      }
      line += ch;
      w += cw;
    }
    out.push(line);
  }
  return out;
}
