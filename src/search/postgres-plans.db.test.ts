// PostgreSQL keeps a search results page's statement prepared with one generic plan per shape (KEEP_PLAN),
// at most KEPT_PLANS_PER_CONNECTION shapes a connection; past them a search is planned each time, as before.
import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeDb } from '../../test/helpers/db.js';
import { searchProvider } from './search.provider.js';

const AT = '2026-11-16T02:00:00.000Z';
const WORDS = ['公开', '通知', '预算', '河长', '环境', '教育', '交通', '水利', '农业', '文化', '卫生', '民政'];

describeDb('search statements PostgreSQL keeps prepared', (h) => {
  if (h.dialect !== 'postgres') return;
  before(async () => {
    const p = searchProvider(h.db());
    for (let i = 0; i < 12; i++)
      await p.index(
        {
          docType: 'plan_item',
          docId: i,
          orgId: 1 + (i % 3),
          orgName: `第${1 + (i % 3)}局`,
          topic: '综合政务',
          genre: '通知',
          validity: '有效',
          publishedOn: `2020-06-${String(10 + i)}`,
          title: `第${i}号文件`,
          // Document i holds the first 12 - i words.
          body: WORDS.slice(0, 12 - i).join('，'),
          url: `/gk/items/${i}`,
        },
        AT,
      );
  });

  it('one generic plan per shape of query, eight shapes a connection; the other shapes still answer', async () => {
    await h
      .db()
      .connection()
      .execute(async (c) => {
        const p = searchProvider(c);
        // k words (a query takes ten at most): the documents holding them all (0 … 12 - k); ten shapes.
        for (const round of [1, 2])
          for (let k = 1; k <= 10; k++) {
            const r = await p.search(WORDS.slice(0, k).join(' '));
            assert.equal(r.total, 13 - k, `round ${round}, ${k} words`);
            assert.deepEqual(
              r.hits.map((x) => Number(x.docId)).sort((a, b) => a - b),
              [...Array(13 - k).keys()],
            );
            assert.equal((await p.search(`${WORDS.slice(0, k - 1).join(' ')} 湿地`)).total, 0);
          }
        const kept = await sql<{
          generic_plans: number;
          custom_plans: number;
        }>`select generic_plans, custom_plans from pg_prepared_statements where name like 'gkp\\_%'`.execute(c);
        assert.equal(kept.rows.length, 8, 'the first eight shapes');
        for (const s of kept.rows) {
          assert.equal(Number(s.custom_plans), 0);
          assert.ok(Number(s.generic_plans) >= 2, 'planned once, run again with other words');
        }
      });
  });
});
