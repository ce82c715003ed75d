import type { Db } from '../platform/db/schema.js';

/**
 * Capabilities that keep an agency's name beside their own rows (the search index shows it on every hit)
 * register a listener that rewrites it when the agency is renamed, in the renaming transaction.
 */
export type OrgRenameListener = (trx: Db, org: { id: number; name: string }) => Promise<void>;

const listeners: OrgRenameListener[] = [];
export const onOrgRenamed = (l: OrgRenameListener): void => void listeners.push(l);
export const orgRenameListeners = (): readonly OrgRenameListener[] => listeners;
