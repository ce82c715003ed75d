import { displayDocNumber } from '../catalog/index.js';

/**
 * A 发文字号 as the public sees it: normalised (`示财发〔2026〕12号`), and the year-and-number part never broken
 * across lines (`〔2026〕12号` stays whole; a long agency prefix may still wrap before it on a phone).
 */
export function DocNo({ raw }: { raw: string | null | undefined }) {
  const s = displayDocNumber(raw);
  if (!s) return null;
  const m = /^(.*?)(〔\d{4}〕第?\d+号)$/u.exec(s);
  return m ? (
    <>
      {m[1]}
      <span class="nowrap">{m[2]}</span>
    </>
  ) : (
    <>{s}</>
  );
}
