/**
 * Coded errors (CONVENTIONS §7). Use-cases throw AppError without knowing HTTP;
 * the HTTP layer maps `kind` to a status. Nothing branches on message text.
 */
export type ErrorKind =
  | 'invalid' // bad input: 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409: state does not allow the action
  | 'too_large' // 413
  | 'unsupported_media' // 415
  | 'rate_limited' // 429
  | 'unavailable'; // 503

export interface FieldError {
  /** Stable machine code, e.g. `calendar_year_missing`. */
  code: string;
  /** User-safe message in Simplified Chinese. */
  message: string;
  /** Form field or input path the error concerns, when there is one. */
  field?: string;
}

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media: 415,
  rate_limited: 429,
  unavailable: 503,
};

/** An error with one or more coded, user-safe messages. */
export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly errors: FieldError[];

  constructor(kind: ErrorKind, errors: FieldError[] | FieldError) {
    const list = Array.isArray(errors) ? errors : [errors];
    super(list.map((e) => `${e.code}: ${e.message}`).join('; '));
    this.name = 'AppError';
    this.kind = kind;
    this.errors = list;
  }

  get code(): string {
    return this.errors[0]?.code ?? 'error';
  }

  get status(): number {
    return STATUS[this.kind];
  }
}

/** Shorthand constructors. */
export const invalid = (code: string, message: string, field?: string): AppError =>
  new AppError('invalid', { code, message, ...(field ? { field } : {}) });
export const invalidFields = (errors: FieldError[]): AppError => new AppError('invalid', errors);
export const notFound = (code: string, message: string): AppError => new AppError('not_found', { code, message });
export const forbidden = (code = 'forbidden', message = '您没有执行此操作的权限。'): AppError =>
  new AppError('forbidden', { code, message });
export const conflict = (code: string, message: string, field?: string): AppError =>
  new AppError('conflict', { code, message, ...(field ? { field } : {}) });
export const unauthenticated = (code = 'unauthenticated', message = '请先登录。'): AppError =>
  new AppError('unauthenticated', { code, message });

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
