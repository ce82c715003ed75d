/**
 * How wide Chinese text is when printed, in "half ems" (pure): a CJK character or full-width form
 * is two units, an ASCII letter, digit or space one. Used to size table columns and rows so that
 * labels wrap into whole lines instead of one character a line, and to centre a signature over a date.
 */

const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2014\u2018\u2019\u201c\u201d\u2026]/u;

/** Width of one character in half ems (2 for CJK and full-width forms, 1 otherwise). */
export const charUnits = (ch: string): number => (WIDE.test(ch) ? 2 : 1);

/** Width of a text in half ems. */
export function textUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += charUnits(ch);
  return n;
}

/**
 * Printed width of a line in ems, as the office suites set it: a CJK character 1 em; a digit or letter
 * about 0.5 em where Word sets digits tight (autoSpaceDN off) and 0.55 em plus a quarter-em gap at each
 * change between Chinese and digits where LibreOffice does. The estimate splits the difference, so a text
 * centred with it is off by a few points at most in either.
 */
export function typesetEms(text: string): number {
  let ems = 0;
  let prevWide: boolean | null = null;
  for (const ch of text) {
    const wide = charUnits(ch) === 2;
    ems += wide ? 1 : 0.525;
    if (prevWide !== null && prevWide !== wide) ems += 0.1;
    prevWide = wide;
  }
  return ems;
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
