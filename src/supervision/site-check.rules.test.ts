import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_CHECK_SETTINGS,
  checkSite,
  diffChecks,
  minusMonths,
  type ColumnFacts,
  type SiteFacts,
} from './site-check.rules.js';

const TODAY = '2026-11-30';
let id = 0;
const col = (kind: ColumnFacts['kind'], lastUpdated: string | null, items = 3, undatedItems = 0): ColumnFacts => ({
  id: ++id,
  name: `栏目${id}`,
  kind,
  lastUpdated,
  items,
  undatedItems,
});
const site = (over: Partial<SiteFacts> = {}): SiteFacts => ({
  today: TODAY,
  homeLastUpdated: '2026-11-28',
  columns: [col('news', '2026-11-25'), col('notice', '2026-10-01')],
  hasMessageChannel: true,
  messagesOver3Months: 0,
  brokenLinksHome: 0,
  brokenLinksOther: 0,
  ...over,
});
const codes = (f: SiteFacts) => checkSite(f).findings.map((x) => x.code);

test('months are clamped', () => {
  assert.equal(minusMonths('2026-08-31', 6), '2026-02-28');
  assert.equal(minusMonths('2026-05-31', 6), '2025-11-30');
});

test('a clean site scores 100 and passes', () => {
  assert.deepEqual(checkSite(site()), { findings: [], veto: false, score: 100, verdict: '合格' });
});

test('veto table (19号 thresholds)', () => {
  const cases: Array<[string, Partial<SiteFacts>, string | null]> = [
    ['home updated 14 days ago', { homeLastUpdated: '2026-11-16' }, null],
    ['home updated 15 days ago', { homeLastUpdated: '2026-11-15' }, 'home_not_updated'],
    ['home never updated', { homeLastUpdated: null }, 'home_not_updated'],
    [
      '4 stale news/notice columns',
      { columns: [col('news', '2026-11-01'), col('news', null), col('notice', '2026-05-29'), col('notice', null)] },
      null,
    ],
    [
      '5 stale news/notice columns',
      {
        columns: [
          col('news', '2026-11-01'),
          col('news', null),
          col('notice', '2026-05-29'),
          col('notice', null),
          col('news', '2026-11-15'),
        ],
      },
      'columns_not_updated',
    ],
    [
      'notice updated exactly 6 months ago is fresh',
      { columns: Array.from({ length: 5 }, () => col('notice', '2026-05-30')) },
      null,
    ],
    ['9 long-unupdated columns', { columns: Array.from({ length: 9 }, () => col('other', '2026-01-01')) }, null],
    [
      '10 long-unupdated columns',
      { columns: Array.from({ length: 10 }, () => col('other', '2026-01-01')) },
      'long_unupdated',
    ],
    ['4 empty columns', { columns: Array.from({ length: 4 }, () => col('other', null, 0)) }, null],
    ['5 empty columns', { columns: Array.from({ length: 5 }, () => col('other', null, 0)) }, 'empty_columns'],
    ['no message channel', { hasMessageChannel: false }, 'no_message_channel'],
    ['a message unanswered > 3 months', { messagesOver3Months: 1 }, 'messages_unanswered'],
  ];
  for (const [name, over, veto] of cases) {
    const r = checkSite(site(over));
    const vetoes = r.findings.filter((f) => f.veto).map((f) => f.code);
    assert.deepEqual(vetoes, veto ? [veto] : [], name);
    if (veto) assert.deepEqual([r.verdict, r.score], ['不合格', null], name);
  }
});

test('deductions follow the table, capped per indicator; below 60 fails', () => {
  const r = checkSite(
    site({
      columns: [col('news', '2026-11-01'), col('notice', null), col('other', '2026-11-01', 2, 7)],
      brokenLinksHome: 2,
      brokenLinksOther: 120,
    }),
  );
  assert.deepEqual(
    r.findings.map((f) => [f.code, f.points]),
    [
      ['stale_news_column', 2],
      ['stale_notice_column', 5],
      ['undated_item', 0.7],
      ['broken_link_home', 2],
      ['broken_link_other', 5],
    ],
  );
  assert.equal(r.score, 85.3);
  assert.equal(r.verdict, '合格');
  const harsh = {
    ...DEFAULT_CHECK_SETTINGS,
    deductions: { ...DEFAULT_CHECK_SETTINGS.deductions, broken_link_other: { points: 1, cap: 50 } },
  };
  const low = checkSite(site({ brokenLinksOther: 45 }), harsh);
  assert.deepEqual([low.score, low.verdict], [55, '不合格']);
  assert.deepEqual(codes(site({ columns: [col('other', null, 2, 1)] })), ['undated_item']);
});

test('changes since the last check', () => {
  const a = checkSite(site({ brokenLinksHome: 1 }));
  const b = checkSite(site({ homeLastUpdated: null }));
  const d = diffChecks(a, b);
  assert.deepEqual(
    d.added.map((f) => f.code),
    ['home_not_updated'],
  );
  assert.deepEqual(
    d.resolved.map((f) => f.code),
    ['broken_link_home'],
  );
  assert.equal(diffChecks(null, b).added.length, 1);
});
