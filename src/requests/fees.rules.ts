/**
 * 信息处理费 (《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号), pure.
 * 第三条: 按件 or 按量, 超额累进, one method per request, never both.
 */

/** The two charging methods of 第三条. */
export type FeeMethod = 'per_request' | 'per_page';

/** Chinese labels of the methods. */
export const FEE_METHODS: Readonly<Record<FeeMethod, string>> = { per_request: '按件计收', per_page: '按量计收' };

/**
 * 第四条 按件计收: the fee (元) of the applicant's k-th request in one natural month.
 * ≤10: free; 11–30: 100元; from 31, each further band of 10 adds 100元/件.
 */
export function perRequestFee(k: number): number {
  if (!Number.isInteger(k) || k < 1) throw new RangeError('k must be a positive integer');
  if (k <= 10) return 0;
  if (k <= 30) return 100;
  return 100 * (Math.ceil((k - 30) / 10) + 1);
}

/** 第四条: total fee (元) for n requests of the same applicant in one natural month. */
export function perRequestTotal(n: number): number {
  let sum = 0;
  for (let k = 1; k <= n; k++) sum += perRequestFee(k);
  return sum;
}

/** 第五条 按量计收 tiers: [upper page bound (inclusive), 元 per page]. */
const PAGE_TIERS: ReadonlyArray<readonly [number, number]> = [
  [30, 0],
  [100, 10],
  [200, 20],
  [Infinity, 40],
];

/** 第五条 按量计收: fee (元) of one request of `pages` pages (≤30 free; 31–100 10元; 101–200 20元; 201+ 40元 per page). */
export function perPageFee(pages: number): number {
  if (!Number.isInteger(pages) || pages < 0) throw new RangeError('pages must be a non-negative integer');
  let fee = 0;
  let lower = 0;
  for (const [upper, price] of PAGE_TIERS) {
    if (pages <= lower) break;
    fee += (Math.min(pages, upper) - lower) * price;
    lower = upper;
  }
  return fee;
}

/** Input of `computeFee`: one method per request (第三条). */
export type FeeInput = { method: 'per_request'; ordinalInMonth: number } | { method: 'per_page'; pages: number };

/** The fee (元) of one request under exactly one method. */
export function computeFee(input: FeeInput): number {
  return input.method === 'per_request' ? perRequestFee(input.ordinalInMonth) : perPageFee(input.pages);
}
