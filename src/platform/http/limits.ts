/**
 * Rate limits of public forms, read from the configuration when routes are registered
 * (GONGKAI_RATE_LIMIT_PUBLIC for submissions, GONGKAI_RATE_LIMIT_LOOKUP for 查询码 look-ups).
 * Use as route options: `app.post('/x', PUBLIC_FORM_LIMIT, handler)`.
 */
let limits = { form: 20, lookup: 10 };

/** Called once by createServer with the configured values. */
export function setPublicLimits(form: number, lookup: number): void {
  limits = { form, lookup };
}

const perMinute = (max: () => number) => ({
  get config() {
    return { rateLimit: { max: max(), timeWindow: '1 minute' } };
  },
});

/** Submissions of public forms (applications, messages, comments). */
export const PUBLIC_FORM_LIMIT = perMinute(() => limits.form);
/** Look-ups with a number and a 查询码 (status, letters, withdrawal, rating): guessing is limited. */
export const LOOKUP_LIMIT = perMinute(() => limits.lookup);
