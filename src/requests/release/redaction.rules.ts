/**
 * Redaction rules, pure. Under 条例第三十七条 an agency that can separate what must be withheld from the
 * rest discloses the rest (部分公开); each removed part carries its ground (第十四条、第十五条、第十六条).
 * A box is in page points, origin at the top-left corner of the page as displayed (rotation applied),
 * pages numbered from 1. Text search proposes boxes; staff review them before anything is released.
 */
import { AppError, type FieldError } from '../../platform/errors.js';

/** The grounds a box may carry: code, what is printed in the box, the full label for forms and letters. */
export const REDACTION_REASONS: ReadonlyArray<{ code: string; short: string; label: string }> = [
  {
    code: 'art14',
    short: '第十四条 国家秘密等',
    label: '第十四条：国家秘密、法律行政法规禁止公开、危及“三安全一稳定”',
  },
  { code: 'art15', short: '第十五条 个人隐私', label: '第十五条：个人隐私等损害第三方合法权益' },
  { code: 'art15_trade', short: '第十五条 商业秘密', label: '第十五条：商业秘密等损害第三方合法权益' },
  { code: 'art16_1', short: '第十六条 内部事务', label: '第十六条第一款：内部事务信息' },
  { code: 'art16_2', short: '第十六条 过程性信息', label: '第十六条第二款：过程性信息及行政执法案卷信息' },
];

export const reasonOf = (code: string) => REDACTION_REASONS.find((r) => r.code === code);

/** One redaction box. */
export interface RedactionBox {
  /** Page number, from 1 (PDF); 1 for an image. */
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
  /** A code of REDACTION_REASONS. */
  reason: string;
}

/** Page sizes (points for PDF, pixels for images), index 0 = page 1. */
export type PageSizes = ReadonlyArray<{ width: number; height: number }>;

/** Checks boxes against the document's pages; throws `invalid` with Chinese messages, changes nothing. */
export function validateBoxes(boxes: readonly RedactionBox[], pages: PageSizes): RedactionBox[] {
  const errors: FieldError[] = [];
  if (boxes.length === 0)
    errors.push({ code: 'redaction_no_boxes', message: '请至少标出一处需要遮盖的内容。', field: 'boxes' });
  boxes.forEach((b, i) => {
    const n = i + 1;
    const size = pages[b.page - 1];
    if (!Number.isInteger(b.page) || !size)
      errors.push({ code: 'redaction_page', message: `第${n}处遮盖的页码不存在。`, field: 'boxes' });
    else if (
      ![b.x, b.y, b.w, b.h].every(Number.isFinite) ||
      b.w <= 0 ||
      b.h <= 0 ||
      b.x < 0 ||
      b.y < 0 ||
      b.x + b.w > size.width + 0.5 ||
      b.y + b.h > size.height + 0.5
    )
      errors.push({
        code: 'redaction_box',
        message: `第${n}处遮盖的位置或大小不正确（须在页面范围内）。`,
        field: 'boxes',
      });
    if (!reasonOf(b.reason))
      errors.push({
        code: 'redaction_reason',
        message: `第${n}处遮盖须选择不予公开的理由（条例第十四条至第十六条）。`,
        field: 'boxes',
      });
  });
  if (errors.length) throw new AppError('invalid', errors);
  return boxes.map((b) => ({ ...b }));
}

/** What a text search found: kind, the matched text, its character range. */
export interface TextMatch {
  kind: 'id_number' | 'mobile' | 'name';
  text: string;
  start: number;
  end: number;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999 check digit of an 18-digit 公民身份号码. */
export function idNumberValid(id: string): boolean {
  if (!/^\d{17}[\dX]$/i.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

/**
 * Finds 身份证号 (18 digits with a valid check digit, or 15 digits), 手机号 (1[3-9] + 9 digits) and the given
 * names (third parties of the case) in a text; not inside longer runs of digits. Sorted by position.
 */
export function findSensitive(text: string, names: readonly string[] = []): TextMatch[] {
  const out: TextMatch[] = [];
  for (const m of text.matchAll(/(?<![\dA-Za-z])(\d{17}[\dXx]|\d{15})(?![\dA-Za-z])/g)) {
    const s = m[0];
    if (s.length === 15 || idNumberValid(s))
      out.push({ kind: 'id_number', text: s, start: m.index, end: m.index + s.length });
  }
  for (const m of text.matchAll(/(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g)) {
    out.push({ kind: 'mobile', text: m[0], start: m.index, end: m.index + m[0].length });
  }
  for (const name of new Set(names.map((n) => n.trim()).filter((n) => n.length >= 2))) {
    let at = text.indexOf(name);
    while (at >= 0) {
      out.push({ kind: 'name', text: name, start: at, end: at + name.length });
      at = text.indexOf(name, at + name.length);
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** A rectangle (top-left origin). */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Joins the boxes of a match's characters into one box per line (characters whose vertical extents
 * overlap), padded by `pad` on every side and kept within the page.
 */
export function lineBoxes(chars: readonly Rect[], pad: number, page: { width: number; height: number }): Rect[] {
  const lines: Rect[] = [];
  for (const c of chars) {
    const line = lines.find((l) => c.y < l.y + l.h && l.y < c.y + c.h);
    if (!line) {
      lines.push({ ...c });
      continue;
    }
    const x1 = Math.min(line.x, c.x),
      y1 = Math.min(line.y, c.y);
    const x2 = Math.max(line.x + line.w, c.x + c.w),
      y2 = Math.max(line.y + line.h, c.y + c.h);
    Object.assign(line, { x: x1, y: y1, w: x2 - x1, h: y2 - y1 });
  }
  return lines.map((l) => {
    const x = Math.max(0, l.x - pad),
      y = Math.max(0, l.y - pad);
    return { x, y, w: Math.min(page.width, l.x + l.w + pad) - x, h: Math.min(page.height, l.y + l.h + pad) - y };
  });
}

/** A box in pixels of an image `scale` pixels per unit, grown outwards to whole pixels and clipped. */
export function pixelRect(
  b: Rect,
  scale: number,
  width: number,
  height: number,
): { x0: number; y0: number; x1: number; y1: number } {
  return {
    x0: Math.max(0, Math.floor(b.x * scale)),
    y0: Math.max(0, Math.floor(b.y * scale)),
    x1: Math.min(width, Math.ceil((b.x + b.w) * scale)),
    y1: Math.min(height, Math.ceil((b.y + b.h) * scale)),
  };
}

/**
 * Boxes from a form: proposed rows `b0`, `b1`, … (checkbox, value `page,x,y,w,h`) with reasons `r0`, `r1`, …,
 * and drawn rows `m0`, `m1`, … (text `page,x,y,w,h`, empty rows ignored) with reasons `mr0`, `mr1`, ….
 * A row that cannot be read becomes a box on page 0, which validateBoxes refuses with its number.
 */
export function boxesFromForm(body: Readonly<Record<string, unknown>>): RedactionBox[] {
  const val = (k: string): string => {
    const v = body[k];
    return (Array.isArray(v) ? String(v[v.length - 1] ?? '') : typeof v === 'string' ? v : '').trim();
  };
  const parse = (s: string, reason: string): RedactionBox => {
    const n = s.split(/[,，\s]+/).map(Number);
    if (n.length !== 5 || !n.every(Number.isFinite)) return { page: 0, x: 0, y: 0, w: 0, h: 0, reason };
    return { page: n[0]!, x: n[1]!, y: n[2]!, w: n[3]!, h: n[4]!, reason };
  };
  const out: RedactionBox[] = [];
  for (let i = 0; i < 500; i++) {
    if (val(`b${i}`)) out.push(parse(val(`b${i}`), val(`r${i}`)));
    if (val(`m${i}`)) out.push(parse(val(`m${i}`), val(`mr${i}`)));
  }
  return out;
}

/** A box as the form's `page,x,y,w,h` text (points, one decimal). */
export const boxText = (b: { page: number; x: number; y: number; w: number; h: number }): string =>
  [b.page, b.x, b.y, b.w, b.h].map((v) => Math.round(v * 10) / 10).join(',');
