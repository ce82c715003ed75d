/**
 * Entry module of 全文检索 (search): the site search index and its sources.
 *
 * The only door into this capability from outside it (console, portal, api, cli, app and the other
 * capabilities): its use-cases, named read queries, rules and input schemas. Everything else in this
 * folder is internal; `npm run lint` enforces it (no-restricted-imports in eslint.config.js).
 */
export { extractAttachmentText } from './extract-text.js';
export { ATTACHMENTS_MARK, highlight, partsToHtml } from './highlight.rules.js';
export type { Part } from './highlight.rules.js';
export { reindexSearch } from './reindex.js';
export { relabelSearchDocs } from './relabel.js';
export { searchDocuments } from './search-documents.js';
export { splitSuggestions } from './split-suggestions.js';
export { WINDOW } from './search-engine.js';
export { registerSearchSource, searchSources } from './search-sources.js';
export type { SearchSource } from './search-sources.js';
export { htmlToText } from './search-text.rules.js';
export type { FacetKey, SearchDoc, SearchResult } from './search.types.js';
export { syncSearchDocument, syncSearchDocuments } from './sync-document.js';
export type { SyncEntry } from './sync-document.js';
export { normalizeText } from './tokenizer.rules.js';
