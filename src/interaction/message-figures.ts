/** Figures of the messages of an actor's agencies for a period (reading: no audit). */
import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { computeFigures, addMonths, type MessageFigures } from './figures.rules.js';
import { interactionCalendar } from './interaction-settings.js';
import { figureRows } from './messages.store.js';

/** Figures for the subtrees in [from, to], as of today; plus one row per agency. */
export async function messageFigures(
  ctx: Ctx,
  input: { orgPaths: string[]; from: string; to: string },
): Promise<{ total: MessageFigures; byOrg: Array<{ orgId: number; orgName: string; figures: MessageFigures }> }> {
  const asOf = today(ctx);
  const since = [input.from, addMonths(asOf, -12)].sort()[0];
  const rows = await figureRows(ctx.db, input.orgPaths, since);
  const cal = await interactionCalendar(ctx.db);
  const fm = (r: (typeof rows)[number]) => ({
    receivedOn: r.received_on,
    dueOn: r.due_on,
    repliedOn: r.replied_on,
    rating: r.rating,
  });
  const period = { from: input.from, to: input.to, asOf };
  const orgs = new Map<number, string>();
  for (const r of rows) orgs.set(r.org_id, r.org_name);
  return {
    total: computeFigures(cal, rows.map(fm), period),
    byOrg: [...orgs].map(([orgId, orgName]) => ({
      orgId,
      orgName,
      figures: computeFigures(cal, rows.filter((r) => r.org_id === orgId).map(fm), period),
    })),
  };
}
