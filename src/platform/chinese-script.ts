import { createRequire } from 'node:module';
import type * as OpenCC from 'opencc-js';

type Convert = (text: string) => string;
const load = createRequire(import.meta.url);
let toSimplified: Convert | undefined;
let toTraditional: Convert | undefined;

// opencc-js ships one build per direction; each (and its dictionaries, ~0.1–0.5 s and several MB) is
// loaded on its first conversion, so a process that never converts does not pay for it.

/** Traditional (Taiwan standard) → simplified characters: search folds queries and documents with it. */
export const traditionalToSimplified: Convert = (text) =>
  (toSimplified ??= (load('opencc-js/t2cn') as typeof OpenCC).Converter({ from: 'tw', to: 'cn' }))(text);

/** Simplified → traditional (Taiwan standard): pages read in 繁體. */
export const simplifiedToTraditional: Convert = (text) =>
  (toTraditional ??= (load('opencc-js/cn2t') as typeof OpenCC).Converter({ from: 'cn', to: 'tw' }))(text);

/**
 * Form values: every `value="…"` attribute and every `<textarea>` with its text. What a form sends back
 * (a name typed into a refused form, a stored title in an edit form, a list's codes) must come back
 * exactly as it was, or a submitted 繁體 page would save 張國慶 for 张国庆.
 */
const FORM_VALUES = /\svalue="[^"]*"|<textarea\b[^>]*>[^<]*<\/textarea>/g;

/** A page read in 繁體: its text converted, its form values left as they are. */
export function pageToTraditional(html: string): string {
  let out = '';
  let at = 0;
  for (const m of html.matchAll(FORM_VALUES)) {
    out += simplifiedToTraditional(html.slice(at, m.index)) + m[0];
    at = m.index + m[0].length;
  }
  return out + simplifiedToTraditional(html.slice(at));
}
