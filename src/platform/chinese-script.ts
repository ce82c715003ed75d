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
