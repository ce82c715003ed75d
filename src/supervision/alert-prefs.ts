/** The stored daily-alert preferences (reading: no audit). */
import type { Db } from '../platform/db/schema.js';
import { parseKinds, type AlertKind } from './alerts.rules.js';
import './supervision.tables.js';

/** A user's choice: the kinds (every kind when never saved) and whether mail is sent too (yes when never saved). */
export interface AlertPrefs {
  kinds: AlertKind[];
  email: boolean;
}

const prefsOf = (row: { kinds: string; email: number } | undefined): AlertPrefs => ({
  kinds: parseKinds(row?.kinds),
  email: row ? row.email === 1 : true,
});

/** The preferences of one user. */
export async function alertPrefsOf(db: Db, userId: number): Promise<AlertPrefs> {
  return prefsOf(
    await db
      .selectFrom('supervision_alert_prefs')
      .select(['kinds', 'email'])
      .where('user_id', '=', userId)
      .executeTakeFirst(),
  );
}

/** The preferences of several users (user id → preferences; users who never saved get the defaults). */
export async function alertPrefsOfUsers(db: Db, userIds: readonly number[]): Promise<Map<number, AlertPrefs>> {
  const rows = userIds.length
    ? await db
        .selectFrom('supervision_alert_prefs')
        .select(['user_id', 'kinds', 'email'])
        .where('user_id', 'in', [...userIds])
        .execute()
    : [];
  const byUser = new Map(rows.map((r) => [r.user_id, r]));
  return new Map(userIds.map((id) => [id, prefsOf(byUser.get(id))]));
}
