// Ranking when every match fits in the window: like bm25 (title 10 : body 1, normalized by length), a
// short document titled by the word ranks above a long one also titled by it whose body repeats it (on
// PostgreSQL, ts_rank without length normalization put the long one first). Both dialects.
import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { searchProvider } from './search.provider.js';
import type { SearchDoc } from './search.types.js';

const AT = '2026-11-16T02:00:00.000Z';

const doc = (docId: string, title: string, body: string, publishedOn: string): SearchDoc => ({
  docType: 'rank_item',
  docId,
  publishedOn,
  title,
  body,
  url: `/gk/items/${docId}`,
});

const filler = Array.from({ length: 60 }, (_, i) => `第${i}段说明本县水利工作的有关情况和安排。`).join('');
const DOCS = [
  doc('short', '全面推行河长制', '本县推行河长制。', '2019-01-01'),
  // Newer (would win ties) and its body repeats the word, but it is long.
  doc('long', '河长制工作方案', `河长巡河。${filler}河长履职。${filler}河长考核。${filler}`, '2021-01-01'),
  doc('body', '水利工作要点', '落实河长制。', '2022-01-01'),
];

describeDb('search ranking below the window: titled and short first', (h) => {
  before(async () => {
    const p = searchProvider(h.db());
    for (const d of DOCS) await p.index(d, AT);
  });

  it('a short titled document ranks above a long titled one repeating the word, then body-only matches', async () => {
    const r = await searchProvider(h.db()).search('河长');
    assert.equal(r.total, 3);
    assert.deepEqual(
      r.hits.map((x) => x.docId),
      ['short', 'long', 'body'],
    );
  });
});
