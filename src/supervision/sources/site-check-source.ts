/** The latest website-check result per agency (stored in settings by the check). */
import type { Counts, FigureSource } from '../figure-source.js';
import { latestChecks } from '../site-check-settings.js';

/** The website-check source: score, or −1 for a veto. */
export const siteCheckSource: FigureSource = {
  key: 'site_check',
  label: '网站检查',
  columns: [
    {
      key: 'site_score',
      label: '网站检查',
      format: 'score',
      link: (orgId) => `/console/supervision/checks/${orgId}`,
      linkRoles: ['supervisor'],
    },
  ],
  async collect(db, q) {
    const m = new Map<number, Counts>();
    for (const [orgId, last] of await latestChecks(db, q.paths))
      m.set(orgId, { checked: 1, score: last.result.score === null ? -1 : last.result.score });
    return m;
  },
  // Legitimately absent: an agency never checked shows —.
  figures: (c) => ({ site_score: c.checked === 1 ? (c.score ?? null) : null }),
};
