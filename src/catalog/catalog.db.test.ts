import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import type { Actor } from '../platform/context.js';
import { isAppError } from '../platform/errors.js';
import type { OrgRow } from '../orgs/orgs.store.js';
import { createItem } from './create-item.js';
import { updateItem } from './update-item.js';
import { submitItem } from './submit-item.js';
import { reviewItem } from './review-item.js';
import { publishItem } from './publish-item.js';
import { correctItem } from './correct-item.js';
import { withdrawItem } from './withdraw-item.js';
import { setValidity } from './set-validity.js';
import { releaseScheduled } from './release-scheduled.js';
import { getItem, getPublicItem, listCategories, listPublicItems, listReviews, listVersions } from './catalog.store.js';
import type { ItemInput } from './item-input.rules.js';

const NOW = new Date('2025-09-19T02:00:00Z'); // 2025-09-19 Beijing
const base: ItemInput = {
  title: '关于做好秋季开学工作的通知',
  bodyHtml: '<p>正文<script>alert(1)</script></p>',
  genre: '通知',
  disclosureMode: '主动公开',
  createdOn: '2025-09-19',
  writtenOn: '2025-09-18',
  docNo: '示教发[2025]7号',
};

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
}

describeDb('catalog workflow', (h) => {
  let org: OrgRow;
  let editor: Actor, secrecy: Actor, legal: Actor, approver: Actor;
  const ctx = (a: Actor, now = NOW) => h.ctx(a, now);
  const audits = async (id: number) =>
    await h
      .db()
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('subject_type', '=', 'item')
      .where('subject_id', '=', String(id))
      .orderBy('seq')
      .execute();

  before(async () => {
    const county = await makeOrg(h.db());
    org = await makeOrg(h.db(), { parent: county, name: '示例县教育局', code: '11419999MB1003000X' });
    editor = (await makeUser(h.db(), [['editor', org]])).actor;
    secrecy = (await makeUser(h.db(), [['secrecy_reviewer', org]])).actor;
    legal = (await makeUser(h.db(), [['legality_reviewer', org]])).actor;
    approver = (await makeUser(h.db(), [['approver', org]])).actor;
  });

  it('takes an item from draft to published, with audit events and reviewer names', async () => {
    const { id, indexNo } = await createItem(ctx(editor), { ...base, orgId: org.id });
    assert.equal(indexNo, 'MB1003000/2025-00001');
    const cats = await listCategories(h.db(), org.id);
    assert.equal(cats.length, 14, 'categories seeded lazily');
    let item = (await getItem(h.db(), id))!;
    assert.equal(item.body_html, '<p>正文</p>');
    assert.equal(item.doc_no_norm, '示教发〔2025〕7号');
    assert.equal(item.doc_year, 2025);
    assert.equal(await getPublicItem(h.db(), '2025-12-31', id), undefined, 'a draft is not public');

    await updateItem(ctx(editor), id, { ...base, title: '关于做好2025年秋季开学工作的通知', categoryId: cats[1]!.id });
    assert.equal(await submitItem(ctx(editor), id), 'secrecy_review');
    assert.equal(await code(reviewItem(ctx(editor), { id, decision: 'approve' })), 'item_self_approval');
    assert.equal(await code(reviewItem(ctx(legal), { id, decision: 'approve' })), 'item_forbidden');
    assert.equal(await code(updateItem(ctx(editor), id, base)), 'item_transition_invalid');
    assert.equal(await reviewItem(ctx(secrecy), { id, decision: 'approve', comment: '无涉密内容' }), 'approval');
    assert.equal(
      await code(publishItem(ctx(approver), { id, publishOn: '2025-09-17' })),
      'item_written_after_published',
    );
    // Today is 2025-09-19 here: a 发布日期 before it is refused, not silently moved to today.
    assert.equal(await code(publishItem(ctx(approver), { id, publishOn: '2025-09-18' })), 'item_publish_on_past');
    assert.equal(await publishItem(ctx(approver), { id }), 'published');

    item = (await getItem(h.db(), id))!;
    assert.equal(item.published_on, '2025-09-19');
    assert.equal(item.secrecy_reviewer, secrecy.displayName); // real names (issue 16 item 9)
    assert.equal(item.approver, approver.displayName);
    const pub = await listPublicItems(h.db(), '2025-09-19', { orgId: org.id, limit: 10, offset: 0 });
    assert.deepEqual(
      pub.rows.map((r) => r.id),
      [id],
    );
    assert.deepEqual(
      (await audits(id)).map((a) => a.action),
      ['item.create', 'item.edit', 'item.submit', 'item.approve', 'item.publish'],
    );
    assert.deepEqual(
      (await listReviews(h.db(), id)).map((r) => r.to_status),
      ['draft', 'draft', 'secrecy_review', 'approval', 'published'],
    );

    await correctItem(ctx(editor), { id, bodyHtml: '<p>更正后的正文</p>', revisionNote: '更正第二段错别字' });
    item = (await getItem(h.db(), id))!;
    assert.equal(item.version, 2);
    const versions = await listVersions(h.db(), id);
    assert.equal(versions[0]!.body_html, '<p>正文</p>');
    assert.equal(versions[0]!.revision_note, '更正第二段错别字');

    await setValidity(ctx(approver), { id, validity: '废止', validityOn: '2025-10-01' });
    assert.equal((await getItem(h.db(), id))!.validity, '废止');

    assert.equal(await code(withdrawItem(ctx(approver), { id, reason: ' ' })), 'item_comment_required');
    await withdrawItem(ctx(approver), { id, reason: '内容已过时' });
    assert.equal(await getPublicItem(h.db(), '2025-12-31', id), undefined, 'withdrawn items are not public');
    const last = (await audits(id)).slice(-3);
    assert.deepEqual(
      last.map((a) => a.action),
      ['item.correct', 'item.set_validity', 'item.withdraw'],
    );
    assert.match(last[2]!.summary, /内容已过时/);
  });

  it('a 规范性文件 needs a 合法性审查, a return needs a comment, and a scheduled item is released on its date', async () => {
    const { id } = await createItem(ctx(editor), { ...base, orgId: org.id, docNo: '', isNormative: true });
    await submitItem(ctx(editor), id);
    assert.equal(await reviewItem(ctx(secrecy), { id, decision: 'approve' }), 'legality_review');
    assert.equal(await code(reviewItem(ctx(legal), { id, decision: 'return' })), 'item_comment_required');
    assert.equal(await reviewItem(ctx(legal), { id, decision: 'return', comment: '请补充制定依据' }), 'returned');
    await submitItem(ctx(editor), id);
    await reviewItem(ctx(secrecy), { id, decision: 'approve' });
    assert.equal(await reviewItem(ctx(legal), { id, decision: 'approve' }), 'approval');
    assert.equal(await publishItem(ctx(approver), { id, publishOn: '2025-09-26' }), 'scheduled');
    assert.equal(
      await getPublicItem(h.db(), '2025-09-30', id),
      undefined,
      'scheduled is not public even after its date until released',
    );
    assert.equal(await releaseScheduled(h.ctx(undefined, new Date('2025-09-25T02:00:00Z'))), 0);
    assert.equal(await releaseScheduled(h.ctx(undefined, new Date('2025-09-26T02:00:00Z'))), 1);
    assert.ok(await getPublicItem(h.db(), '2025-09-26', id));
    const actions = (await audits(id)).map((a) => a.action);
    assert.deepEqual(actions, [
      'item.create',
      'item.submit',
      'item.approve',
      'item.return',
      'item.submit',
      'item.approve',
      'item.approve',
      'item.schedule',
      'item.release',
    ]);
    assert.equal((await getItem(h.db(), id))!.legality_reviewer, legal.displayName);
  });

  it('refuses bad input in Chinese and saves nothing', async () => {
    const before = await h
      .db()
      .selectFrom('items')
      .select(h.db().fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    try {
      await createItem(ctx(editor), {
        ...base,
        orgId: org.id,
        title: '',
        docNo: '关于某某的通知',
        createdOn: '2025-02-30',
      });
      assert.fail('should throw');
    } catch (e) {
      assert.ok(isAppError(e));
      assert.deepEqual(
        e.errors.map((x) => x.field),
        ['title', 'docNo', 'createdOn'],
      );
      assert.match(e.errors[1]!.message, /发文字号“关于某某的通知”无法识别/);
    }
    const { indexNo } = await createItem(ctx(editor), { ...base, orgId: org.id, indexNo: '000014349/2018-00222' });
    assert.equal(indexNo, '000014349/2018-00222');
    assert.equal(
      await code(createItem(ctx(editor), { ...base, orgId: org.id, indexNo: '000014349/2018-00222' })),
      'index_no_taken',
    );
    assert.equal(await code(createItem(ctx(secrecy), { ...base, orgId: org.id })), 'forbidden');
    const after = await h
      .db()
      .selectFrom('items')
      .select(h.db().fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n) + 1);
  });
});
