// Past the search window, title matches are found over the whole catalogue (a title-only index) and rank
// first: an older document titled by a common word is on the first page, above newer documents that only
// mention the word in their body. Run with a window of 10 on both dialects; `reindex` refills the index.
import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeDb } from '../../test/helpers/db.js';
import { dialectOf } from '../platform/db/dialect-sql.js';
import { searchProvider } from './search.provider.js';
import type { SearchDoc, SearchResult } from './search.types.js';

const AT = '2026-11-16T02:00:00.000Z';
const W = 10;

const doc = (docId: string, orgId: number, title: string, body: string): SearchDoc => ({
  docType: 'title_item',
  docId,
  orgId,
  orgName: `第${orgId}局`,
  publishedOn: '2020-01-01',
  title,
  body,
  url: `/gk/items/${docId}`,
});

// The oldest document is titled by the words; 40 newer ones (4 windows' worth) only mention them.
const OLD = doc('old', 1, '政务公开', '本栏目发布有关信息。');
const NEWER = Array.from({ length: 40 }, (_, i) =>
  doc(`n${i}`, 1 + (i % 2), `第${i}号工作通知`, `各单位要依法做好政务公开工作，第${i}项。`),
);
const ids = (r: SearchResult) => r.hits.map((h) => h.docId);

describeDb('search past the window: title matches over the whole catalogue rank first', (h) => {
  before(async () => {
    const p = searchProvider(h.db());
    for (const d of [OLD, ...NEWER]) await p.index(d, AT);
  });

  it('an old document whose title is the query ranks first, above newer body-only matches', async () => {
    const p = searchProvider(h.db(), { window: W });
    const r = await p.search('政务公开');
    assert.equal(r.estimated.total, true, 'more matches than the window');
    assert.equal(ids(r)[0], 'old');
    assert.ok(r.hits[0]!.score > r.hits[1]!.score, 'scored above the body-only matches');
    const quoted = await p.search('"政务公开"');
    assert.equal(ids(quoted)[0], 'old');
    // Sorted by date the window stays the newest matches.
    assert.ok(!ids(await p.search('政务公开', {}, 'date')).includes('old'));
  });

  it('the filters still apply to the title matches', async () => {
    const p = searchProvider(h.db(), { window: W });
    const own = await p.search('政务公开', { orgId: 1 });
    assert.equal(ids(own)[0], 'old');
    const other = await p.search('政务公开', { orgId: 2 });
    assert.ok(other.hits.length > 0 && !ids(other).includes('old'));
    const later = await p.search('政务公开', { from: '2021-01-01' });
    assert.deepEqual(ids(later), []);
  });

  it('reindex refills the title index', async () => {
    // SQLite's title index is a table of its own (PostgreSQL's is a generated column): emptied, then refilled.
    if (dialectOf(h.db()) === 'sqlite') {
      await sql`insert into search_title_fts(search_title_fts) values ('delete-all')`.execute(h.db());
      const lost = await searchProvider(h.db(), { window: W }).search('政务公开');
      assert.notEqual(ids(lost)[0], 'old', 'without the title index the old document is not first');
    }
    await searchProvider(h.db()).reindex(AT);
    const r = await searchProvider(h.db(), { window: W }).search('政务公开');
    assert.equal(ids(r)[0], 'old');
  });
});
