/**
 * Collects the facts of one agency's pages on Gongkai's public site for the website check (read only),
 * through the read queries of the catalogue (catalog/catalog-figures.ts) and of 互动交流
 * (interaction/interaction-figures.ts).
 */
import type { Db } from '../platform/db/schema.js';
import {
  categoryFacts,
  lastProactivePublished,
  publishedBodiesContaining,
  publishedItemIds,
} from '../catalog/index.js';
import { messageDatesOfAgency } from '../interaction/index.js';
import { minusMonths, type ColumnKind, type SiteFacts } from './site-check.rules.js';

/** Internal links to catalogue items in a body (`/gk/items/123`). */
export function internalItemLinks(html: string): number[] {
  return [...html.matchAll(/href\s*=\s*["'](?:https?:\/\/[^/"']+)?\/gk\/items\/(\d{1,9})["'#?]/gi)].map((m) =>
    Number(m[1]),
  );
}

/** The facts of the agency `orgId` on `today`, with each category's kind from the settings. */
export async function collectSiteFacts(
  db: Db,
  orgId: number,
  today: string,
  kinds: Readonly<Record<string, ColumnKind>>,
): Promise<SiteFacts> {
  const cols = await categoryFacts(db, orgId);
  const home = await lastProactivePublished(db, orgId);
  const bodies = await publishedBodiesContaining(db, orgId, ['/gk/items/']);
  const live = await publishedItemIds(db, [...new Set(bodies.flatMap(internalItemLinks))]);
  const broken = bodies.reduce((a, b) => a + internalItemLinks(b).filter((id) => !live.has(id)).length, 0);
  const messages = await messageDatesOfAgency(db, orgId, { from: minusMonths(today, 12), to: today });
  // unanswered for more than three months: the reply (or today) came after received + 3 months
  const over3Months = messages.filter(
    (m) => minusMonths(m.repliedOn && m.repliedOn <= today ? m.repliedOn : today, 3) > m.receivedOn,
  ).length;
  return {
    today,
    // Legitimately absent: an agency that has published nothing yet has no home-page date (the check then vetoes).
    homeLastUpdated: home,
    columns: cols.map((c) => ({
      id: c.id,
      name: c.name,
      kind: kinds[String(c.id)] ?? 'other',
      lastUpdated: c.lastPublished,
      items: c.items,
      undatedItems: c.undated,
    })),
    // Gongkai itself offers the 留言 channel to every agency.
    hasMessageChannel: true,
    messagesOver3Months: over3Months,
    brokenLinksHome: 0,
    brokenLinksOther: broken,
  };
}
