import type { FieldError } from '../platform/errors.js';

/** Validates a new user's account fields. */
export function validateUserFields(input: {
  username?: string;
  displayName?: string;
  email?: string | null;
  phone?: string | null;
}): FieldError[] {
  const errors: FieldError[] = [];
  const u = (input.username ?? '').trim();
  if (!/^[a-z][a-z0-9._-]{2,31}$/.test(u)) {
    errors.push({
      code: 'username_invalid',
      message: '用户名需为 3 至 32 位，以小写字母开头，只含小写字母、数字、点、下划线或连字符。',
      field: 'username',
    });
  }
  const d = (input.displayName ?? '').trim();
  if (!d) errors.push({ code: 'display_name_required', message: '请填写姓名。', field: 'displayName' });
  else if (d.length > 50)
    errors.push({ code: 'display_name_too_long', message: '姓名不能超过 50 个字。', field: 'displayName' });
  const e = (input.email ?? '').trim();
  if (e && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e))
    errors.push({ code: 'email_invalid', message: '电子邮箱格式不正确。', field: 'email' });
  const p = (input.phone ?? '').trim();
  if (p && !/^[0-9+\-() ]{5,30}$/.test(p))
    errors.push({ code: 'phone_invalid', message: '联系电话格式不正确。', field: 'phone' });
  return errors;
}
