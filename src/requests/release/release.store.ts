/** Reading the release package of a case. */
import type { Db } from '../../platform/db/schema.js';
import './release.tables.js';

/** The blob-store area of release documents (originals and released copies). */
export const RELEASE_AREA = 'releases';

export const listReleaseDocuments = (db: Db, requestId: number) =>
  db.selectFrom('request_release_documents').selectAll().where('request_id', '=', requestId).orderBy('id').execute();

export const getReleaseDocument = (db: Db, requestId: number, documentId: number) =>
  db
    .selectFrom('request_release_documents')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('id', '=', documentId)
    .executeTakeFirst();

export const getRelease = (db: Db, requestId: number) =>
  db.selectFrom('request_releases').selectAll().where('request_id', '=', requestId).executeTakeFirst();

export const listReleaseDownloads = (db: Db, requestId: number) =>
  db.selectFrom('request_release_downloads').selectAll().where('request_id', '=', requestId).orderBy('id').execute();

/** Withdraws the approval (any change to the documents needs a new one). */
export const withdrawApproval = (db: Db, requestId: number) =>
  db.deleteFrom('request_releases').where('request_id', '=', requestId).execute();
