/**
 * Collects the facts of one agency's pages on Gongkai's public site for the website check (read only,
 * guarded: without the catalogue or interaction tables the facts say “no columns” / “no channel”).
 */
import { sql } from 'kysely';
import type { Db } from '../platform/db/schema.js';
import { PROACTIVE } from '../catalog/catalog-labels.rules.js';
import { guarded } from './figure-source.js';
import { minusMonths, type ColumnKind, type SiteFacts } from './site-check.rules.js';

/** Internal links to catalogue items in a body (`/gk/items/123`). */
export function internalItemLinks(html: string): number[] {
  return [...html.matchAll(/href\s*=\s*["'](?:https?:\/\/[^/"']+)?\/gk\/items\/(\d{1,9})["'#?]/gi)].map((m) => Number(m[1]));
}

/** The facts of the agency `orgId` on `today`, with each category's kind from the settings. */
export async function collectSiteFacts(db: Db, orgId: number, today: string, kinds: Readonly<Record<string, ColumnKind>>): Promise<SiteFacts> {
  const cols = await guarded(async () => {
    const r = await sql<{ id: number; name: string; last: string | null; n: number | string; undated: number | string }>`
      select c.id, c.name, max(i.published_on) as last, count(i.id) as n,
        sum(case when i.id is not null and i.published_on is null then 1 else 0 end) as undated
      from catalog_categories c left join items i on i.category_id = c.id and i.status = 'published' and i.disclosure_mode = ${PROACTIVE}
      where c.org_id = ${orgId} group by c.id, c.name order by c.id`.execute(db);
    return r.rows;
  });
  const home = await guarded(async () => {
    const r = await sql<{ last: string | null }>`
      select max(i.published_on) as last from items i join orgs o on o.id = i.org_id join orgs a on o.path like a.path || '%'
      where a.id = ${orgId} and i.status = 'published' and i.disclosure_mode = ${PROACTIVE}`.execute(db);
    return r.rows[0]?.last ?? null;
  });
  const broken = await guarded(async () => {
    const bodies = await sql<{ body_html: string }>`
      select i.body_html from items i join orgs o on o.id = i.org_id join orgs a on o.path like a.path || '%'
      where a.id = ${orgId} and i.status = 'published' and i.body_html like ${'%/gk/items/%'}`.execute(db);
    const ids = [...new Set(bodies.rows.flatMap((b) => internalItemLinks(b.body_html)))];
    if (!ids.length) return 0;
    const ok = await sql<{ id: number }>`select id from items where status = 'published' and id in (${sql.join(ids)})`.execute(db);
    const live = new Set(ok.rows.map((r) => Number(r.id)));
    return bodies.rows.reduce((a, b) => a + internalItemLinks(b.body_html).filter((id) => !live.has(id)).length, 0);
  });
  const messages = await guarded(async () => {
    const yearBefore = minusMonths(today, 12);
    const r = await sql<{ received_on: string; replied_on: string | null }>`
      select m.received_on, m.replied_on from messages m join orgs o on o.id = m.org_id join orgs a on o.path like a.path || '%'
      where a.id = ${orgId} and m.rejected = 0 and m.held_for_moderation = 0 and m.received_on >= ${yearBefore} and m.received_on <= ${today}`.execute(db);
    // unanswered for more than three months: the reply (or today) came after received + 3 months
    return r.rows.filter((m) => minusMonths(m.replied_on && m.replied_on <= today ? m.replied_on : today, 3) > m.received_on).length;
  });
  return {
    today,
    homeLastUpdated: home ?? null,
    columns: (cols ?? []).map((c) => ({ id: c.id, name: c.name, kind: kinds[String(c.id)] ?? 'other', lastUpdated: c.last, items: Number(c.n), undatedItems: Number(c.undated ?? 0) })),
    hasMessageChannel: messages === null ? null : true,
    messagesOver3Months: messages ?? 0,
    brokenLinksHome: 0,
    brokenLinksOther: broken ?? 0,
  };
}
