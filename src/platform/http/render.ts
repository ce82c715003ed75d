import { renderToString } from 'preact-render-to-string';
import type { VNode } from 'preact';

/** Renders a Preact tree to a complete HTML document. */
export function renderDocument(node: VNode): string {
  return '<!doctype html>' + renderToString(node);
}
