/**
 * 发文字号 (文号): 《党政机关公文处理工作条例》第九条 — “由发文机关代字、年份、发文顺序号组成”.
 * GB/T 9704-2012 writes the year in 六角括号 〔〕 and the serial without leading zeros or “第”.
 * Real data is dirty: `[2008]`, `（2008）`, half-width brackets and digits, spaces. Decrees use
 * another form: `国务院令第711号`. Normalization makes every variant of one number compare equal.
 */

/** A parsed 文号. `year` is null for decrees (`…令第N号`). */
export interface DocNumber {
  agency: string;
  year: number | null;
  seq: number;
  /** Canonical form, e.g. `国办发〔2020〕50号` or `国务院令第711号`. */
  normalized: string;
}

const OPEN = '[\\[(【〖〔［（]';
const CLOSE = '[\\])】〗〕］）]';
const STANDARD = new RegExp(`^(.+?)${OPEN}(\\d{4})${CLOSE}第?0*(\\d+)号?$`, 'u');
const DECREE = /^(.+?令)第?0*(\d+)号$/u;

/** Folds full-width characters and whitespace so that variants of one number compare equal. */
export function foldDocNumber(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/gu, '');
}

/** Parses a 文号; returns null when it cannot be understood. */
export function parseDocNumber(raw: string): DocNumber | null {
  const s = foldDocNumber(raw);
  if (!s) return null;
  const m = STANDARD.exec(s);
  if (m) {
    const agency = m[1] as string;
    const year = Number(m[2]);
    const seq = Number(m[3]);
    if (year < 1949 || year > 2100 || seq < 1 || /[[\](){}【】〖〗〔〕]/u.test(agency)) return null;
    return { agency, year, seq, normalized: `${agency}〔${year}〕${seq}号` };
  }
  const d = DECREE.exec(s);
  if (d) {
    const agency = d[1] as string;
    const seq = Number(d[2]);
    if (seq < 1 || /[[\](){}【】〖〗〔〕]/u.test(agency)) return null;
    return { agency, year: null, seq, normalized: `${agency}第${seq}号` };
  }
  return null;
}

/** True when two 文号 denote the same number (both must parse). */
export function sameDocNumber(a: string, b: string): boolean {
  const x = parseDocNumber(a);
  const y = parseDocNumber(b);
  return !!x && !!y && x.normalized === y.normalized;
}

/** The 文号 as shown and exported: the canonical form when it parses, otherwise as typed (the record keeps the typed form). */
export function displayDocNumber(raw: string | null | undefined): string | null {
  if (!raw) return null;
  return parseDocNumber(raw)?.normalized ?? raw;
}
