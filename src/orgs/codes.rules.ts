/**
 * Check digits of Chinese identifiers: 统一社会信用代码 (GB 32100-2015),
 * 组织机构代码 (GB 11714-1997) and 居民身份证号码 (GB 11643-1999).
 */

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015: 18 characters, the last a mod-31 check character. */
export function isValidUscc(code: string): boolean {
  const s = code.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(s[i]) * USCC_WEIGHTS[i];
  const c = (31 - (sum % 31)) % 31;
  return USCC_CHARS[c] === s[17];
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714-1997: 8 characters + check character (0-9 or X), hyphen before it optional. */
export function isValidOrgCode(code: string): boolean {
  const s = code.trim().toUpperCase().replace('-', '');
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = s[i];
    const v = /[0-9]/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += v * ORG_WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  const expected = c === 10 ? 'X' : c === 11 ? '0' : String(c);
  return expected === s[8];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999: 18-digit 居民身份证号码 with a valid birth date and mod-11 check character. */
export function isValidResidentId(id: string): boolean {
  const s = id.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11] === s[17];
}

/** Computes the USCC check character for 17 characters (for factories and demo data). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

/** Computes the ID check character for 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** Masks all but the first 3 and last 4 characters: `110***********1234`. */
export function maskId(s: string | null | undefined): string {
  if (!s) return '';
  if (s.length <= 7) return '*'.repeat(s.length);
  return s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4);
}

/** Masks a phone number: `138****5678`. */
export function maskPhone(s: string | null | undefined): string {
  if (!s) return '';
  const t = s.replace(/\s/g, '');
  if (t.length < 7) return '*'.repeat(t.length);
  return t.slice(0, 3) + '*'.repeat(t.length - 7) + t.slice(-4);
}
