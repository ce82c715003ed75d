import type { Part } from '../search/index.js';

/** Highlighted text: the matched parts in `<mark>` (the text is escaped by the renderer). */
export const Marked = ({ parts }: { parts: Part[] }) => <>{parts.map((x) => (x.m ? <mark>{x.t}</mark> : x.t))}</>;
