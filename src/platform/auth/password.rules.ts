import type { FieldError } from '../errors.js';

/**
 * The password rule: at least 10 characters, at least three of the four classes
 * (lower case, upper case, digits, other), not containing the username.
 */
export function checkPasswordRule(password: string, username: string, field = 'password'): FieldError[] {
  const errors: FieldError[] = [];
  if (password.length < 10) errors.push({ code: 'password_too_short', message: '密码至少需要 10 个字符。', field });
  else if (password.length > 200)
    errors.push({ code: 'password_too_long', message: '密码不能超过 200 个字符。', field });
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(password)).length;
  if (password.length >= 10 && classes < 3) {
    errors.push({
      code: 'password_too_simple',
      message: '密码需包含小写字母、大写字母、数字、符号中的至少三类。',
      field,
    });
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    errors.push({ code: 'password_contains_username', message: '密码不能包含用户名。', field });
  }
  return errors;
}
