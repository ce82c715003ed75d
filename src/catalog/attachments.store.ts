/** Attachments of catalogue items and their stored files (staff reads, and public reads through `publicItems`). */
import type { Insertable } from 'kysely';
import type { Db } from '../platform/db/schema.js';
import type { ItemAttachmentsTable } from './catalog.tables.js';
import { publicItems } from './catalog.store.js';
import './catalog.tables.js';

/** An attachment with its stored file. */
export interface AttachmentWithFile {
  id: number;
  item_id: number;
  filename: string;
  sha256: string;
  size: number;
  mime: string;
  kind: string;
}

/** The columns of an `AttachmentWithFile` (item_attachments joined with catalog_files). */
export const ATTACHMENT_COLUMNS = [
  'item_attachments.id',
  'item_attachments.item_id',
  'item_attachments.filename',
  'catalog_files.sha256',
  'catalog_files.size',
  'catalog_files.mime',
  'catalog_files.kind',
] as const;

/** The stored file with this hash, if any. */
export const findFileBySha = (db: Db, sha256: string): Promise<{ id: number } | undefined> =>
  db.selectFrom('catalog_files').select('id').where('sha256', '=', sha256).executeTakeFirst();

/** Records a stored file; returns its id. */
export async function insertFile(
  db: Db,
  row: { sha256: string; size: number; mime: string; kind: string; text: string | null; created_at: string },
): Promise<number> {
  return (await db.insertInto('catalog_files').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** The extracted texts of the attachments of these items, per item in attachment order (for the search index). */
export async function attachmentTexts(db: Db, itemIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (!itemIds.length) return out;
  const rows = await db
    .selectFrom('item_attachments')
    .innerJoin('catalog_files', 'catalog_files.id', 'item_attachments.file_id')
    .select(['item_attachments.item_id', 'catalog_files.text'])
    .where('item_attachments.item_id', 'in', itemIds)
    .where('catalog_files.text', 'is not', null)
    .orderBy('item_attachments.item_id')
    .orderBy('item_attachments.sort_order')
    .orderBy('item_attachments.id')
    .execute();
  for (const r of rows) out.set(r.item_id, [...(out.get(r.item_id) ?? []), r.text!]);
  return out;
}

/** Attaches a stored file to an item; returns the attachment id. */
export async function insertAttachment(db: Db, row: Omit<Insertable<ItemAttachmentsTable>, 'id'>): Promise<number> {
  return (await db.insertInto('item_attachments').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Removes an attachment (the stored file stays: it may be shared). */
export async function deleteAttachment(db: Db, id: number): Promise<void> {
  await db.deleteFrom('item_attachments').where('id', '=', id).execute();
}

/** An item's attachments in order (staff, any status). */
export const listAttachments = (db: Db, itemId: number): Promise<AttachmentWithFile[]> =>
  db
    .selectFrom('item_attachments')
    .innerJoin('catalog_files', 'catalog_files.id', 'item_attachments.file_id')
    .select(ATTACHMENT_COLUMNS)
    .where('item_attachments.item_id', '=', itemId)
    .orderBy('item_attachments.sort_order')
    .orderBy('item_attachments.id')
    .execute();

/** One attachment (staff). */
export const getAttachment = (db: Db, id: number): Promise<AttachmentWithFile | undefined> =>
  db
    .selectFrom('item_attachments')
    .innerJoin('catalog_files', 'catalog_files.id', 'item_attachments.file_id')
    .select(ATTACHMENT_COLUMNS)
    .where('item_attachments.id', '=', id)
    .executeTakeFirst();

/** Attachments of public items with their files, through `publicItems` (the public door). */
const publicAttachments = (db: Db, today: string) =>
  publicItems(db, today)
    .innerJoin('item_attachments', 'item_attachments.item_id', 'items.id')
    .innerJoin('catalog_files', 'catalog_files.id', 'item_attachments.file_id')
    .clearSelect()
    .select(ATTACHMENT_COLUMNS);

/** One attachment of a public item. */
export const getPublicAttachment = (db: Db, today: string, id: number): Promise<AttachmentWithFile | undefined> =>
  publicAttachments(db, today).where('item_attachments.id', '=', id).executeTakeFirst();

/** Attachments of a public item, in order. */
export const listPublicAttachments = (db: Db, today: string, itemId: number): Promise<AttachmentWithFile[]> =>
  publicAttachments(db, today)
    .where('items.id', '=', itemId)
    .orderBy('item_attachments.sort_order')
    .orderBy('item_attachments.id')
    .execute();
