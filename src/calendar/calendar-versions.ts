/** Read queries of the calendar page: the stored years and the change log. */
import type { Db } from '../platform/db/schema.js';
import { listChanges, listYearRows } from './calendar.store.js';

/** The stored years with their version, source and time, newest year first. */
export const calendarVersions = (db: Db) => listYearRows(db);

/** The latest 100 changes (all years, or one year), newest first. */
export const calendarChanges = (db: Db, year?: number) => listChanges(db, year);
