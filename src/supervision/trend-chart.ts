/** Server-rendered SVG trend chart (monthly counts as grouped bars with <title> labels), readable without JavaScript. Pure. */

/** One series: a label and a count per month. */
export interface Series {
  label: string;
  values: number[];
}

const COLORS = ['#1f5fa8', '#c0392b', '#2e8b57', '#8e44ad'];
const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The `n` months ending with `toMonth` (YYYY-MM), oldest first. */
export function monthsEnding(toMonth: string, n = 12): string[] {
  const [y, m] = toMonth.split('-').map(Number);
  const end = y * 12 + (m - 1);
  return Array.from({ length: n }, (_, i) => {
    const k = end - (n - 1 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

/** An accessible SVG (role="img", <title>, <desc>, one <title> per bar) of monthly counts. */
export function trendSvg(title: string, months: readonly string[], series: readonly Series[]): string {
  const W = 760;
  const H = 260;
  const left = 44;
  const bottom = 40;
  const top = 16;
  const plotH = H - top - bottom;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const step = (W - left - 10) / Math.max(1, months.length);
  const barW = Math.max(2, (step - 6) / Math.max(1, series.length));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const parts: string[] = [];
  for (let t = 0; t <= 4; t++) {
    const v = Math.round((max * t) / 4);
    parts.push(
      `<line x1="${left}" x2="${W - 10}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#ddd"/><text x="${left - 4}" y="${(y(v) + 4).toFixed(1)}" font-size="11" text-anchor="end">${v}</text>`,
    );
  }
  months.forEach((m, i) => {
    const x0 = left + i * step + 3;
    series.forEach((s, j) => {
      const v = s.values[i] ?? 0;
      const h = (v / max) * plotH;
      parts.push(
        `<rect x="${(x0 + j * barW).toFixed(1)}" y="${(top + plotH - h).toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${COLORS[j % COLORS.length]}"><title>${esc(`${m} ${s.label}：${v}`)}</title></rect>`,
      );
    });
    parts.push(
      `<text x="${(x0 + step / 2 - 3).toFixed(1)}" y="${H - bottom + 14}" font-size="11" text-anchor="middle">${esc(m.slice(2).replace('-', '/'))}</text>`,
    );
  });
  series.forEach((s, j) => {
    parts.push(
      `<rect x="${left + j * 150}" y="${H - 14}" width="10" height="10" fill="${COLORS[j % COLORS.length]}"/><text x="${left + 14 + j * 150}" y="${H - 5}" font-size="12">${esc(s.label)}</text>`,
    );
  });
  const desc = series
    .map((s) => `${s.label}：${months.map((m, i) => `${m} ${s.values[i] ?? 0}`).join('，')}`)
    .join('；');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="trend-title trend-desc" font-family="sans-serif"><title id="trend-title">${esc(title)}</title><desc id="trend-desc">${esc(desc)}</desc>${parts.join('')}</svg>`;
}
