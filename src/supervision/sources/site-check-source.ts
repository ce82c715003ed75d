/** The latest website-check result per agency (stored in settings by the check). */
import { guarded, type Counts, type FigureSource } from '../figure-source.js';
import { pathScope } from './sql-scope.js';
import { sql } from 'kysely';
import type { StoredCheck } from '../site-check-settings.js';

/** The website-check source: score, or −1 for a veto. */
export const siteCheckSource: FigureSource = {
  key: 'site_check',
  label: '网站检查',
  columns: [{ key: 'site_score', label: '网站检查', format: 'score', link: (orgId) => `/console/supervision/checks/${orgId}` }],
  async collect(db, q) {
    return guarded(async () => {
      const m = new Map<number, Counts>();
      const rows = await sql<{ id: number; value: string }>`
        select o.id, s.value from orgs o join settings s on s.key = ${'supervision.check.history.'} || cast(o.id as text) where ${pathScope(q.paths)}`.execute(db);
      for (const r of rows.rows) {
        const last = (JSON.parse(r.value) as StoredCheck[])[0];
        if (last) m.set(r.id, { checked: 1, score: last.result.score === null ? -1 : last.result.score });
      }
      return m;
    });
  },
  figures: (c) => ({ site_score: c.checked === 1 ? (c.score ?? null) : null }),
};
