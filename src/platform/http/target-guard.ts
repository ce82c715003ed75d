import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context.js';
import { unauthenticated } from '../errors.js';

/**
 * One target of the routes that act on a record of an agency (an item, a case, an organisation …): the
 * route patterns it covers, the path parameter that names it, and the check that the actor may see it
 * (throws the AppError the capability uses: 404 when it does not exist, 403 outside the actor's grants).
 */
export interface TargetRule {
  /** What the target is (for the access matrix and error reports). */
  readonly name: string;
  /** Route patterns (as registered, e.g. `/console/items/:id/review`) this rule covers. */
  readonly route: RegExp;
  /** The path parameter with the target's id. */
  readonly param: string;
  authorize(ctx: Ctx, id: number): Promise<unknown>;
}

/** The rule covering a route pattern, if any (the first that matches). */
export const targetRuleFor = (rules: readonly TargetRule[], url: string): TargetRule | undefined =>
  rules.find((r) => r.route.test(url));

/**
 * Authorize before validating (issue 16): a state-changing request to a route with a target is checked
 * against the target before Fastify validates its body, query or files (the hook runs before the schema
 * and before route-level readers such as the upload reader), so a user of another agency posting invalid
 * fields gets 403, never a form with errors that shows that agency's record. Ids that are not whole numbers
 * are left to the schema (their 400 names no record). Anonymous callers get 401 (the console guard has
 * already sent them to the login page).
 */
export function installTargetGuard(app: FastifyInstance, rules: readonly TargetRule[]): void {
  app.addHook('preValidation', async (req) => {
    if (req.method === 'GET' || req.method === 'HEAD') return;
    const url = req.routeOptions.url;
    if (!url) return;
    const rule = targetRuleFor(rules, url);
    if (!rule) return;
    const raw = (req.params as Record<string, unknown> | undefined)?.[rule.param];
    if (typeof raw !== 'string' || !/^[1-9]\d{0,9}$/.test(raw)) return;
    if (req.actor.kind !== 'user') throw unauthenticated();
    await rule.authorize(req.ctx, Number(raw));
  });
}
