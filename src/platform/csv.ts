/**
 * CSV (RFC 4180) reading and writing for catalogue import and open-data export.
 * Exported cells that a spreadsheet would run as a formula (=, +, -, @) are prefixed with '.
 */

/**
 * An incremental CSV reader: text is pushed in pieces (of a file read as a stream) and complete rows come
 * out; `end()` gives the last row. BOM, quotes, doubled quotes, CR/LF; blank lines are dropped.
 */
export class CsvParser {
  private row: string[] = [];
  private cell = '';
  private quoted = false;
  /** A quote seen at the end of a piece inside a quoted cell: an escaped quote or the cell's end. */
  private quotePending = false;
  /** A CR seen at the end of a piece: a following LF belongs to it. */
  private crPending = false;
  private started = false;

  /** Reads a piece of text; returns the rows it completed. */
  push(text: string): string[][] {
    let s = text;
    if (!this.started && s.length) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    const rows: string[][] = [];
    for (let i = 0; i < s.length; i++) {
      const ch = s[i] as string;
      if (this.crPending) {
        this.crPending = false;
        if (ch === '\n') continue;
      }
      if (this.quotePending) {
        this.quotePending = false;
        if (ch === '"') {
          this.cell += '"';
          continue;
        }
        this.quoted = false;
      }
      // Text is taken a run at a time (up to the next quote, or the next comma or line break): a cell
      // built a character at a time is a tree of one node per character until flattened, ~16 times its
      // size, and the rows of a piece wait for their batch (import-items.ts).
      if (this.quoted) {
        if (ch === '"') this.quotePending = true;
        else {
          const end = s.indexOf('"', i);
          const j = end < 0 ? s.length : end;
          this.cell += s.slice(i, j);
          i = j - 1;
        }
      } else if (ch === '"' && this.cell === '') this.quoted = true;
      else if (ch === ',') {
        this.row.push(this.cell);
        this.cell = '';
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r') this.crPending = true;
        this.endRow(rows);
      } else {
        // A quote inside an unquoted cell is text: the cell is no longer empty after `ch`.
        let j = i + 1;
        for (; j < s.length; j++) {
          const c = s.charCodeAt(j);
          if (c === 44 || c === 10 || c === 13) break;
        }
        this.cell += s.slice(i, j);
        i = j - 1;
      }
    }
    return rows;
  }

  /** The last row (when the text does not end with a line break). */
  end(): string[][] {
    const rows: string[][] = [];
    this.endRow(rows);
    return rows;
  }

  private endRow(rows: string[][]): void {
    this.row.push(this.cell);
    if (this.row.some((c) => c !== '')) rows.push(this.row);
    this.row = [];
    this.cell = '';
    this.quoted = false;
    this.quotePending = false;
  }
}

/** Parses CSV text (BOM, quotes, doubled quotes, CR/LF) into rows of cells; blank lines are dropped. */
export function parseCsv(text: string): string[][] {
  const p = new CsvParser();
  return [...p.push(text), ...p.end()];
}

const FORMULA = /^[=+\-@\t\r]/;

/** One CSV cell, quoted when needed and defused against formula injection. */
export function csvCell(v: string | number | null | undefined): string {
  let s = v == null ? '' : String(v);
  if (typeof v === 'string' && FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text with a UTF-8 BOM (so that spreadsheet programs read Chinese correctly), CRLF line ends. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
