/** How a person hears of due and overdue requests (到期提醒), pure: in the console, by e-mail, or both. */
import type { FieldError } from '../platform/errors.js';

/** The choice; both by default. */
export interface ReminderPrefs {
  inApp: boolean;
  email: boolean;
}

export const DEFAULT_REMINDER_PREFS: ReminderPrefs = { inApp: true, email: true };

/** Reads a stored choice (JSON); anything malformed is the default. */
export function parseReminderPrefs(raw: string | null | undefined): ReminderPrefs {
  if (!raw) return DEFAULT_REMINDER_PREFS;
  try {
    const o = JSON.parse(raw) as Record<string, unknown>;
    const p = { inApp: o.inApp !== false, email: o.email !== false };
    return p.inApp || p.email ? p : DEFAULT_REMINDER_PREFS;
  } catch {
    return DEFAULT_REMINDER_PREFS;
  }
}

/** At least one way: the statutory dates must reach the person somehow (条例第三十三条). */
export function validateReminderPrefs(p: ReminderPrefs): FieldError[] {
  return p.inApp || p.email
    ? []
    : [
        {
          code: 'reminder_way_required',
          message: '请至少选择一种提醒方式（站内提醒或电子邮件）：答复期限的提醒不能全部关闭。',
          field: 'inApp',
        },
      ];
}
