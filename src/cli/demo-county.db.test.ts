import { after, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb, freshDatabase } from '../../test/helpers/db.js';
import type { Db } from '../platform/db/schema.js';
import { systemActor, type Ctx } from '../platform/context.js';
import { addDays, todayInShanghai } from '../platform/dates.js';
import { requestStatistics } from '../requests/index.js';
import { elapsedMs } from '../platform/clock.js';
import { runInit } from './init.js';

/** 10:00 Beijing on 2026-11-16 (a Monday) and five weeks later. */
const NOW = new Date('2026-11-16T02:00:00Z');
const LATER = new Date('2026-12-21T02:00:00Z');
const OUTCOME_CODES = ['1', '2', '3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8', '4.1', '4.2', '4.3'].concat([
  '5.1',
  '5.2',
  '5.3',
  '5.4',
  '5.5',
  '6.1',
  '6.2',
  '6.3',
]);

/** What the demo built, with dates and numbers, in a stable order (the same clock and seed must give the same). */
async function fingerprint(db: Db): Promise<unknown> {
  return {
    items: await db
      .selectFrom('items')
      .select(['index_no', 'title', 'status', 'created_on', 'published_on', 'validity', 'category_id', 'org_id'])
      .orderBy('id')
      .execute(),
    requests: await db
      .selectFrom('requests')
      .select(['request_no', 'org_id', 'state', 'outcome_code', 'received_on', 'due_on', 'closed_on', 'applicant_name'])
      .orderBy('id')
      .execute(),
    events: await db.selectFrom('request_events').select(['request_id', 'type', 'event_on']).orderBy('id').execute(),
    messages: await db.selectFrom('messages').select(['subject', 'state', 'rating', 'org_id']).orderBy('id').execute(),
    reports: await db
      .selectFrom('annual_reports')
      .select(['org_id', 'year', 'status', 'tables_json'])
      .orderBy('id')
      .execute(),
    tasks: await db.selectFrom('supervision_tasks').select(['content', 'state', 'deadline']).orderBy('id').execute(),
  };
}

describeDb('init --demo: a county that looks alive', (h) => {
  const extra: Array<{ drop(): Promise<void> }> = [];
  after(async () => {
    for (const d of extra) await d.drop();
  });
  const seedInto = async (db: Db, now: Date): Promise<Ctx> => {
    const ctx: Ctx = { db, actor: systemActor('test'), now: () => now, config: h.config };
    await runInit(ctx, { demo: true, log: () => undefined });
    return ctx;
  };

  it('items, requests, messages, reports and supervision over a year, consistent with the records', async () => {
    const started = elapsedMs();
    const ctx = await seedInto(h.db(), NOW);
    console.log(`demo seeding on ${h.dialect}: ${Math.round(elapsedMs() - started)} ms`);
    const db = h.db();
    const today = todayInShanghai(NOW);
    const count = async (q: Promise<Array<{ n: number | string | bigint }>>) => Number((await q)[0]?.n ?? 0);

    // Catalogue: several hundred published items in every standard category of every agency kind, 解读 linked,
    // some 失效, DOCX attachments with text, a few still in review; all marked 示例.
    const items = await db.selectFrom('items').select(['status', 'validity', 'title', 'category_id']).execute();
    assert.ok(items.length >= 300, String(items.length));
    assert.ok(items.every((i) => i.title.includes('示例')));
    assert.ok(items.filter((i) => i.status === 'published').length >= 290);
    assert.ok(items.some((i) => i.status !== 'published' && i.status !== 'withdrawn'));
    assert.ok(items.filter((i) => i.validity === '失效').length >= 2);
    const cats = await db
      .selectFrom('items')
      .innerJoin('catalog_categories', 'catalog_categories.id', 'items.category_id')
      .select('catalog_categories.name')
      .distinct()
      .execute();
    assert.equal(cats.length, 14);
    assert.ok(
      (await count(
        db
          .selectFrom('item_links')
          .select((e) => e.fn.countAll().as('n'))
          .execute(),
      )) >= 10,
    );
    const files = await db.selectFrom('catalog_files').select('text').execute();
    assert.ok(files.length >= 10 && files.every((f) => (f.text ?? '').includes('示例')));

    // Requests: ~150, every state, every outcome, every kind of step, some overdue and some due soon today.
    const reqs = await db
      .selectFrom('requests')
      .select(['state', 'outcome_code', 'due_on', 'applicant_name'])
      .execute();
    assert.equal(reqs.length, 150);
    assert.ok(reqs.every((r) => r.applicant_name?.includes('示例')));
    const states = new Set(reqs.map((r) => r.state));
    for (const s of ['submitted', 'processing', 'awaiting_correction', 'consulting', 'awaiting_payment', 'answered'])
      assert.ok(states.has(s), s);
    for (const s of ['withdrawn', 'abandoned']) assert.ok(states.has(s), s);
    const outcomes = new Set(reqs.map((r) => r.outcome_code));
    for (const c of OUTCOME_CODES) assert.ok(outcomes.has(c), `outcome ${c}`);
    const open = reqs.filter((r) => r.state === 'processing' && r.due_on);
    assert.ok(
      open.some((r) => r.due_on! < today),
      'an overdue case',
    );
    assert.ok(
      open.some((r) => r.due_on! >= today && r.due_on! <= addDays(today, 14)),
      'a case due soon',
    );
    const types = new Set((await db.selectFrom('request_events').select('type').execute()).map((e) => e.type));
    for (const t of ['correction_requested', 'consultation_started', 'fee_notice_sent', 'fee_paid', 'extended'])
      assert.ok(types.has(t), t);
    for (const t of ['forwarded', 'appeal', 'withdrawn', 'proactive_item_created']) assert.ok(types.has(t), t);

    // Messages of every type with every rating, Q&A published, a comment period with its feedback published.
    const msgs = await db.selectFrom('messages').select(['type', 'rating', 'state', 'channel']).execute();
    for (const c of ['website', 'phone', 'letter'])
      assert.ok(
        msgs.some((m) => m.channel === c),
        c,
      );
    assert.ok(msgs.length >= 50);
    for (const t of ['consult', 'complaint', 'suggestion'])
      assert.ok(
        msgs.some((m) => m.type === t),
        t,
      );
    for (const r of ['satisfied', 'basically', 'unsatisfied'])
      assert.ok(
        msgs.some((m) => m.rating === r),
        r,
      );
    for (const s of ['received', 'closed'])
      assert.ok(
        msgs.some((m) => m.state === s),
        s,
      );
    const periods = await db.selectFrom('comment_periods').select('feedback_published_on').execute();
    assert.equal(periods.length, 2);
    assert.equal(periods.filter((p) => p.feedback_published_on).length, 1);

    // Last year's report published for the county and every agency; its table 三 and 四 are the records.
    const year = Number(today.slice(0, 4)) - 1;
    const orgs = await db.selectFrom('orgs').select(['id', 'kind']).where('kind', '!=', 'section').execute();
    const reports = await db
      .selectFrom('annual_reports')
      .select(['org_id', 'status', 'tables_json'])
      .where('year', '=', year)
      .execute();
    assert.equal(reports.length, orgs.length);
    assert.ok(reports.every((r) => r.status === 'published'));
    let received = 0;
    for (const o of orgs.filter((x) => x.kind !== 'county')) {
      const t = JSON.parse(reports.find((r) => r.org_id === o.id)!.tables_json) as {
        table3: Record<string, number[]>;
        table4: number[];
      };
      const stats = await requestStatistics(ctx, { orgId: o.id, year });
      for (const c of OUTCOME_CODES) assert.deepEqual(t.table3[c], stats.table[`三.${c}`], `org ${o.id} 三.${c}`);
      assert.deepEqual(t.table4, stats.table4.flat());
      received += t.table3.new.at(-1) ?? 0;
    }
    assert.ok(received >= 50, String(received));

    // Supervision: tasks in every state and today's website check of every agency.
    const tasks = await db.selectFrom('supervision_tasks').select('state').execute();
    for (const s of ['open', 'reported', 'accepted'])
      assert.ok(
        tasks.some((t) => t.state === s),
        s,
      );
    const checks = await db
      .selectFrom('settings')
      .select('key')
      .where('key', 'like', 'supervision.check.history.%')
      .execute();
    assert.ok(checks.length >= 10, String(checks.length));
  });

  it('the same clock and seed build the same county; another clock moves the dates', async () => {
    const again = await freshDatabase(h.dialect);
    extra.push(again);
    await seedInto(again.database.db, NOW);
    assert.deepEqual(await fingerprint(again.database.db), await fingerprint(h.db()));

    const later = await freshDatabase(h.dialect);
    extra.push(later);
    await seedInto(later.database.db, LATER);
    // The latest applications arrive in the last days before each clock's today.
    const latest = async (db: Db) =>
      (
        await db
          .selectFrom('requests')
          .select((e) => e.fn.max('received_on').as('d'))
          .executeTakeFirstOrThrow()
      ).d;
    for (const [db, now] of [
      [h.db(), NOW],
      [later.database.db, LATER],
    ] as const) {
      const d = String(await latest(db));
      assert.ok(d <= todayInShanghai(now) && d >= addDays(todayInShanghai(now), -3), d);
    }
    const published = async (db: Db) =>
      (
        await db
          .selectFrom('items')
          .select((e) => e.fn.max('published_on').as('d'))
          .executeTakeFirstOrThrow()
      ).d;
    assert.ok(String(await published(later.database.db)) > String(await published(h.db())));
  });
});
