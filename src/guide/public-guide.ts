/** The 政府信息公开指南 as the public reads it. */
import type { Db } from '../platform/db/schema.js';
import { getGuideRow } from './guide.store.js';

/** An agency's revised guide, or undefined while it still uses the generic text. */
export const agencyGuide = (db: Db, orgId: number) => getGuideRow(db, orgId);
