/**
 * Chinese is typed without spaces: 防汛会议 is one unquoted term, matched as a phrase, and finds nothing
 * when no text holds those four characters in a row (“防汛准备工作会议”). The two-word readings of such a
 * query are offered instead (split-suggestions.ts). Pure.
 */

/** A query of one run of 4 to 12 Chinese characters (no space, quote, letter or digit). */
const HAN_RUN = /^\p{Script=Han}{4,12}$/u;

/** The ways of cutting the query into two words of at least two characters each (none for any other query). */
export function twoWordReadings(q: string): string[] {
  const text = q.trim();
  if (!HAN_RUN.test(text)) return [];
  const chars = [...text];
  const out: string[] = [];
  for (let k = 2; k <= chars.length - 2; k++) out.push(`${chars.slice(0, k).join('')} ${chars.slice(k).join('')}`);
  return out;
}
