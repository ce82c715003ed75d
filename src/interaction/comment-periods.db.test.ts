import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import { publicActor, type Actor } from '../platform/context.js';
import type { OrgRow } from '../orgs/orgs.store.js';
import { openCommentPeriod } from './open-comment-period.js';
import { submitComment } from './submit-comment.js';
import { moderateComment } from './moderate-comment.js';
import { publishFeedback } from './publish-feedback.js';
import { periodDetail, periodSummaries } from './period-views.js';

const at = (d: string) => new Date(`${d}T02:00:00Z`);
const DRAFT =
  '某县城区养犬管理办法（征求意见稿）\n第一条 为了规范养犬行为，制定本办法。\n第二条 本办法适用于本县城区。\n第三条 养犬人应当办理养犬登记。';

describeDb('意见征集: opening to published feedback', (h) => {
  let org: OrgRow;
  let admin: { id: number; actor: Actor };
  let editor: { id: number; actor: Actor };
  before(async () => {
    const county = await makeOrg(h.db(), { name: '某县人民政府' });
    org = await makeOrg(h.db(), { parent: county, name: '县公安局' });
    admin = await makeUser(h.db(), [['agency_admin', org]]);
    editor = await makeUser(h.db(), [['editor', org]]);
  });

  test('a period from opening to published feedback, with a late flag', async () => {
    const c = (d: string, a: Actor = admin.actor) => h.ctx(a, at(d));
    await assert.rejects(
      openCommentPeriod(c('2025-08-25'), {
        orgId: org.id,
        title: '养犬管理办法',
        draftText: DRAFT,
        startOn: '2025-09-01',
        endOn: '2025-09-20',
      }),
      { code: 'period_too_short' },
    );
    await assert.rejects(
      openCommentPeriod(c('2025-08-25', editor.actor), {
        orgId: org.id,
        title: '养犬管理办法',
        draftText: DRAFT,
        startOn: '2025-09-01',
        endOn: '2025-09-30',
      }),
      { kind: 'forbidden' },
    );
    const { id } = await openCommentPeriod(c('2025-08-25'), {
      orgId: org.id,
      title: '养犬管理办法',
      draftText: DRAFT,
      startOn: '2025-09-01',
      endOn: '2025-09-30',
    });

    const pub = (d: string) => h.ctx(publicActor('1.1.1.1'), at(d));
    await assert.rejects(submitComment(pub('2025-08-30'), { periodId: id, content: '太早' }), {
      code: 'period_not_open',
    });
    const c1 = await submitComment(pub('2025-09-05'), {
      periodId: id,
      articleNo: 3,
      name: '王小明',
      phone: '13700001111',
      content: '建议登记可网上办理。',
    });
    const c2 = await submitComment(pub('2025-09-06'), { periodId: id, content: '建议增加文明养犬宣传。' });
    const c3 = await submitComment(pub('2025-09-07'), { periodId: id, content: '广告内容' });
    await assert.rejects(submitComment(pub('2025-09-07'), { periodId: id, articleNo: 9, content: 'x' }), {
      code: 'article_invalid',
    });
    await assert.rejects(submitComment(pub('2025-10-01'), { periodId: id, content: '晚了' }), {
      code: 'period_not_open',
    });

    let d = await periodDetail(h.ctx(publicActor(null), at('2025-09-08')), id, 'public');
    assert.equal(d.comments.length, 0); // nothing shown before moderation
    assert.equal(d.articles.length, 3);

    await assert.rejects(publishFeedback(c('2025-09-15'), { periodId: id, feedbackText: 'x', decisions: [] }), {
      code: 'period_not_ended',
    });
    await moderateComment(c('2025-09-10'), { commentId: c1.id, decision: 'approved' });
    await moderateComment(c('2025-09-10'), { commentId: c2.id, decision: 'approved' });
    await assert.rejects(
      publishFeedback(c('2025-10-09'), { periodId: id, feedbackText: '说明', decisions: [] }),
      (e: { errors: Array<{ code: string }> }) => e.errors.some((x) => x.code === 'comments_pending'),
    );
    await moderateComment(c('2025-10-09'), { commentId: c3.id, decision: 'rejected' });

    // Feedback due 20 working days after 2025-09-30 (国庆: 10/9 is the first, Saturday 10/11 is worked): 2025-11-04.
    let s = (await periodSummaries(c('2025-11-04'), [org.path]))[0]!;
    assert.equal(s.feedbackDueOn, '2025-11-04');
    assert.equal(s.feedbackLate, false);
    s = (await periodSummaries(c('2025-11-05'), [org.path]))[0]!;
    assert.equal(s.feedbackLate, true);

    await assert.rejects(
      publishFeedback(c('2025-11-06'), {
        periodId: id,
        feedbackText: '说明',
        decisions: [
          { commentId: c1.id, adoption: 'not_adopted' },
          { commentId: c2.id, adoption: 'adopted' },
        ],
      }),
      { code: 'adoption_reason_required' },
    );
    const r = await publishFeedback(c('2025-11-06'), {
      periodId: id,
      feedbackText: '共收到意见3条，其中有效意见2条。',
      decisions: [
        { commentId: c1.id, adoption: 'partly', reason: '网上登记将在系统建成后开通。' },
        { commentId: c2.id, adoption: 'adopted' },
      ],
    });
    assert.deepEqual(r.counts, { total: 2, adopted: 1, partly: 1, not_adopted: 0 });
    d = await periodDetail(h.ctx(publicActor(null), at('2025-11-07')), id, 'public');
    assert.equal(d.phase, 'feedback_published');
    assert.equal(d.feedbackLate, true); // published two working days late: stays flagged
    assert.deepEqual(
      d.comments.map((x) => [x.name, x.phone, x.adoption]),
      [
        ['王**', null, 'partly'],
        ['匿名', null, 'adopted'],
      ],
    );

    const a = await h
      .db()
      .selectFrom('audit_events')
      .select('action')
      .where('subject_type', '=', 'comment_period')
      .where('subject_id', '=', String(id))
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      a.map((x) => x.action),
      [
        'period.open',
        'comment.submit',
        'comment.submit',
        'comment.submit',
        'comment.moderate.approved',
        'comment.moderate.approved',
        'comment.moderate.rejected',
        'period.feedback',
      ],
    );
  });
});
