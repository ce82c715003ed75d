import type { Db } from '../platform/db/schema.js';
import './guide.tables.js';

export const getGuideRow = (db: Db, orgId: number) =>
  db.selectFrom('guides').selectAll().where('org_id', '=', orgId).executeTakeFirst();
