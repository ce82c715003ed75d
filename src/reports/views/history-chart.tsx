import { INDICATORS } from '../indicators.rules.js';

const COLORS = ['#1d4ed8', '#047857', '#b45309', '#7c3aed', '#b91c1c'];
const DASH = ['', '6 3', '2 3', '8 3 2 3', '1 2'];

/** Runs of consecutive known values (a missing figure breaks the line). */
function runs(values: Array<number | null>): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  let cur: Array<[number, number]> = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push([i, v]);
  });
  if (cur.length) out.push(cur);
  return out;
}

/**
 * An SVG line chart of the main indicators across years (no script; readable without colour: dashes and a
 * table). A null value (an indicator the year's format does not have) leaves a gap.
 */
export function HistoryChart({ points }: { points: Array<{ year: number; values: Array<number | null> }> }) {
  const W = 640;
  const H = 280;
  const L = 48;
  const B = 32;
  const T = 16;
  const R = 16;
  const max = Math.max(1, ...points.flatMap((p) => p.values.filter((v): v is number => v !== null)));
  const x = (i: number): number =>
    points.length === 1 ? L + (W - L - R) / 2 : L + (i * (W - L - R)) / (points.length - 1);
  const y = (v: number): number => T + (H - T - B) * (1 - v / max);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(max * f));
  return (
    <figure class="history-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-label={`历年主要指标折线图：${INDICATORS.join('、')}`}
        xmlns="http://www.w3.org/2000/svg"
      >
        {ticks.map((t) => (
          <g>
            <line x1={L} x2={W - R} y1={y(t)} y2={y(t)} stroke="#d1d5db" stroke-width="1" />
            <text x={L - 6} y={y(t) + 4} text-anchor="end" font-size="11" fill="#374151">
              {t}
            </text>
          </g>
        ))}
        {points.map((p, i) => (
          <text x={x(i)} y={H - 10} text-anchor="middle" font-size="12" fill="#111827">
            {p.year}
          </text>
        ))}
        {INDICATORS.map((name, k) => (
          <g>
            <title>{name}</title>
            {runs(points.map((p) => p.values[k])).map((run) => (
              <polyline
                fill="none"
                stroke={COLORS[k]}
                stroke-width="2"
                stroke-dasharray={DASH[k] || undefined}
                points={run.map(([i, v]) => `${x(i)},${y(v)}`).join(' ')}
              />
            ))}
            {points.map((p, i) => {
              const v = p.values[k];
              return v === null ? null : <circle cx={x(i)} cy={y(v)} r="3" fill={COLORS[k]} />;
            })}
          </g>
        ))}
      </svg>
      <figcaption>
        {INDICATORS.map((name, k) => (
          <span class="legend-item">
            <svg width="28" height="10" aria-hidden="true">
              <line
                x1="0"
                x2="28"
                y1="5"
                y2="5"
                stroke={COLORS[k]}
                stroke-width="2"
                stroke-dasharray={DASH[k] || undefined}
              />
            </svg>
            {name}{' '}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
