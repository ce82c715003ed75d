import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp, type Client } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { at, citizenForm } from '../../../test/helpers/request-form.js';
import type { Actor } from '../../platform/context.js';
import { registerRequest } from '../../requests/register-request.js';
import { assignRequest } from '../../requests/assign-request.js';

// The app's clock: 2025-10-09 10:00 Beijing time.
const NOW = at('2025-10-09');

describeApp(
  '依申请公开 console: refused action forms',
  (h) => {
    let a: { id: number; username: string; actor: Actor };
    let office: { id: number };
    let law: { id: number };
    const c: Record<'mine' | 'other', { id: number }> = {} as never;
    const login = async (u: { username: string }): Promise<Client> => {
      const cl = h.client();
      assert.equal((await cl.login(u.username)).statusCode, 303);
      return cl;
    };

    before(async () => {
      const county = await makeOrg(h.db(), { name: '示范县' });
      const org = await makeOrg(h.db(), { parent: county, name: '县交通运输局' });
      const other = await makeOrg(h.db(), { parent: county, name: '县自然资源局' });
      office = await makeOrg(h.db(), { parent: org, name: '局办公室', kind: 'section' });
      law = await makeOrg(h.db(), { parent: org, name: '政策法规科', kind: 'section' });
      a = await makeUser(h.db(), [['request_handler', org]]);
      const head = await makeUser(h.db(), [['request_admin', org]]);
      const otherHead = await makeUser(h.db(), [['request_admin', other]]);
      const reg = (actor: Actor, orgId: number, infoTitle: string) =>
        registerRequest(h.ctx(actor, NOW), {
          ...citizenForm,
          name: '李四',
          infoTitle,
          orgId,
          channel: 'in_person',
          receivedOn: '2025-09-26',
        });
      c.mine = await reg(a.actor, org.id, '某路段拓宽工程批复');
      c.other = await reg(otherHead.actor, other.id, '土地征收批复');
      await assignRequest(h.ctx(head.actor, NOW), { requestId: c.mine.id, handlerId: a.id });
    });

    it('a refused action form comes back open, with what was typed and the errors at its fields; nothing changes', async () => {
      const handler = await login(a);
      const page = `/console/requests/${c.mine.id}`;
      const events = async () =>
        Number(
          (
            await h
              .db()
              .selectFrom('request_events')
              .select((e) => e.fn.countAll().as('n'))
              .where('request_id', '=', c.mine.id)
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await events();
      const opened = (body: string, slug: string) =>
        new RegExp(`<details class="action" open id="act-${slug}"`).test(body);
      const letter = '经查，本机关未制作该路段拓宽工程的批复原件，特此告知。';
      // 办理结果 not chosen (browser checks bypassed): the schema refuses it.
      const noOutcome = await handler.post(`${page}/answer`, { outcome: '', letter }, { from: page });
      assert.equal(noOutcome.statusCode, 400);
      assert.ok(opened(noOutcome.body, 'answer'), 'the answer form is open');
      assert.ok(!opened(noOutcome.body, 'correction'), 'only the refused form is open');
      assert.match(
        noOutcome.body,
        new RegExp(`<textarea id="a-answer-letter" name="letter"[^>]*>${letter}</textarea>`),
      );
      assert.match(noOutcome.body, /<a href="#a-answer-outcome">[^<]*办理结果/);
      assert.match(
        noOutcome.body,
        /<select id="a-answer-outcome" name="outcome" required aria-invalid="true" aria-describedby="a-answer-outcome-err"/,
      );
      // An unknown 办理结果 (a tampered form): the reader is told to choose, not shown the codes.
      const unknown = await handler.post(`${page}/answer`, { outcome: '9.9', letter }, { from: page });
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.body, /“办理结果”的取值无效，请从列表中选择。/);
      assert.doesNotMatch(unknown.body, /可选：/);
      // A 补正期限 that is not a date: the message names the field, the items typed are kept.
      const items = '请补充提供申请人身份证明复印件。';
      const badDate = await handler.post(`${page}/correction`, { until: '2026-02-30', items }, { from: page });
      assert.equal(badDate.statusCode, 400);
      assert.ok(opened(badDate.body, 'correction'));
      assert.match(badDate.body, /补正期限.{0,20}应为真实的日期/);
      assert.match(badDate.body, /<input id="a-correction-until" name="until" type="date" value="2026-02-30"/);
      assert.ok(badDate.body.includes(`>${items}</textarea>`));
      // A 补正 dated years before the receipt: said at the date field, not as a calendar without that year.
      const early = await handler.post(`${page}/correction`, { on: '2001-03-01', items }, { from: page });
      assert.equal(early.statusCode, 400);
      assert.match(early.body, /<a href="#a-correction-on">补正告知日期 2001-03-01 早于收到申请日期 2025-09-26。/);
      assert.doesNotMatch(early.body, /日历中没有2001年/);
      // An answer dated before the receipt names the event by its name, not by its place in the ledger.
      const beforeReceipt = await handler.post(
        `${page}/answer`,
        { outcome: '1', letter, on: '2025-09-20' },
        { from: page },
      );
      assert.equal(beforeReceipt.statusCode, 400);
      assert.match(beforeReceipt.body, /答复日期 2025-09-20 早于收到申请日期 2025-09-26。/);
      assert.doesNotMatch(beforeReceipt.body, /第 \d+ 个事件/);
      // A use-case refusal (部分公开 without what is withheld) keeps the chosen outcome too.
      const partial = await handler.post(`${page}/answer`, { outcome: '2', letter }, { from: page });
      assert.equal(partial.statusCode, 400);
      assert.ok(opened(partial.body, 'answer'));
      assert.match(partial.body, /<option value="2" selected>/);
      assert.ok(partial.body.includes(`>${letter}</textarea>`));
      // −5 days asked by a handler: the digits message, the reason kept.
      const reason = '涉及多个科室档案，需要调取核实。';
      const minus = await handler.post(`${page}/extension-request`, { days: '-5', reason }, { from: page });
      assert.equal(minus.statusCode, 400);
      assert.ok(opened(minus.body, 'extension-request'));
      assert.match(minus.body, /只能填写数字 0–9/);
      assert.ok(minus.body.includes(`>${reason}</textarea>`));
      assert.equal(await events(), before, 'no event was recorded');
      // Another agency's case with a bad body is still refused for access, not shown.
      const theirs = await handler.post(
        `/console/requests/${c.other.id}/answer`,
        { outcome: '', letter },
        { from: page },
      );
      assert.ok([403, 404].includes(theirs.statusCode), String(theirs.statusCode));
      assert.ok(!theirs.body.includes('土地征收批复'));
    });

    it('转送 to an agency not on the list, and the 承办科室 forms: the form reopens with its text and errors', async () => {
      const handler = await login(a);
      const page = `/console/requests/${c.mine.id}`;
      const opened = (body: string, key: string) =>
        new RegExp(`<details class="action" open id="act-${key}"`).test(body);
      // A 转送机关 id that is no agency (a tampered list): the reason typed stays, the case stays here.
      const reason = '该批复由市交通运输局作出，本机关不掌握。';
      const forward = await handler.post(`${page}/forward`, { toOrgId: '999999', reason }, { from: page });
      assert.equal(forward.statusCode, 400);
      assert.ok(opened(forward.body, 'forward'));
      assert.match(forward.body, /<a href="#a-forward-toOrgId">请从列表中选择受理申请的行政机关。/);
      assert.ok(forward.body.includes(`>${reason}</textarea>`));
      // A 办理人 that is no id: told to choose from the list, not to type digits.
      const assign = await handler.post(`${page}/assign`, { handlerId: 'abc' }, { from: page });
      assert.equal(assign.statusCode, 400);
      assert.match(assign.body, /<a href="#a-assign-handlerId">“办理人”的取值无效，请从列表中选择。/);
      // 主办科室 not a number: the schema's message inside the opened form.
      const lead = await handler.post(`${page}/departments/lead`, { departmentId: 'x' }, { from: page });
      assert.equal(lead.statusCode, 400);
      assert.ok(opened(lead.body, 'departments-lead'));
      assert.match(lead.body, /id="a-departments-lead-departmentId"[^>]*aria-invalid="true"/);
      // 协办科室 with a 内部办理期限 that is not a date: the department chosen and the date typed are kept.
      const add = await handler.post(
        `${page}/departments/add`,
        { departmentId: String(law.id), internalDueOn: '2025-13-40' },
        { from: page },
      );
      assert.equal(add.statusCode, 400, add.body.slice(0, 300));
      assert.ok(opened(add.body, 'departments-add'));
      assert.match(add.body, new RegExp(`<option value="${law.id}" selected>政策法规科</option>`));
      assert.match(add.body, /id="a-departments-add-internalDueOn"[^>]*value="2025-13-40"/);
      // Two departments co-handle; a reply without its text reopens only that department's form.
      for (const d of [law, office])
        assert.equal(
          (await handler.post(`${page}/departments/add`, { departmentId: String(d.id) }, { from: page })).statusCode,
          303,
        );
      const reply = await handler.post(
        `${page}/departments/reply`,
        { departmentId: String(law.id), replyText: '', replyBy: '赵科长', replyOn: '' },
        { from: page },
      );
      assert.equal(reply.statusCode, 400);
      assert.ok(opened(reply.body, `departments-reply-${law.id}`));
      assert.ok(!opened(reply.body, `departments-reply-${office.id}`), 'the other form stays closed');
      assert.match(reply.body, new RegExp(`id="a-departments-reply-${law.id}-replyBy"[^>]*value="赵科长"`));
      const rows = await h
        .db()
        .selectFrom('request_departments')
        .selectAll()
        .where('request_id', '=', c.mine.id)
        .execute();
      assert.ok(
        rows.every((d) => d.reply_on === null),
        'no reply was recorded',
      );
    });

    it('复议 and 诉讼: a concluded result needs its 审结日期, not before the filing; the refused record form reopens', async () => {
      const handler = await login(a);
      const page = `/console/requests/${c.mine.id}`;
      const opened = (body: string, key: string) =>
        new RegExp(`<details class="action" open id="act-${key}"`).test(body);
      const appeal = {
        kind: 'reconsideration',
        body: '示范县人民政府',
        filedOn: '2025-10-01',
        afterReconsideration: '0',
      };
      // A new record said to be concluded, without the date: refused, what was typed kept.
      const noDate = await handler.post(`${page}/appeal`, { ...appeal, result: 'upheld' }, { from: page });
      assert.equal(noDate.statusCode, 400);
      assert.ok(opened(noDate.body, 'appeal'));
      assert.match(noDate.body, /<a href="#a-appeal-decidedOn">已审结的复议或诉讼请填写审结日期。/);
      assert.match(noDate.body, /id="a-appeal-body"[^>]*value="示范县人民政府"/);
      assert.equal(
        (await handler.post(`${page}/appeal`, { ...appeal, result: 'pending' }, { from: page })).statusCode,
        303,
      );
      const recorded = await h
        .db()
        .selectFrom('request_events')
        .select('id')
        .where('request_id', '=', c.mine.id)
        .where('type', '=', 'appeal')
        .executeTakeFirstOrThrow();
      // The result of that record: a date before the filing is refused in that record's own form.
      const early = await handler.post(
        `${page}/appeal`,
        { appealId: String(recorded.id), result: 'corrected', decidedOn: '2025-09-30' },
        { from: page },
      );
      assert.equal(early.statusCode, 400);
      assert.ok(opened(early.body, `appeal-${recorded.id}`));
      assert.ok(!opened(early.body, 'appeal'), 'the new-record form stays closed');
      assert.match(early.body, /审结日期 2025-09-30 早于申请复议或起诉日期 2025-10-01。/);
      assert.match(early.body, new RegExp(`id="a-appeal-${recorded.id}-decidedOn"[^>]*value="2025-09-30"`));
      assert.match(early.body, /<option value="corrected" selected>/);
      const done = await handler.post(
        `${page}/appeal`,
        { appealId: String(recorded.id), result: 'corrected', decidedOn: '2025-10-08' },
        { from: page },
      );
      assert.equal(done.statusCode, 303);
      assert.match((await handler.get(page)).body, /结果纠正<\/strong>（2025-10-08 审结）/);
    });
  },
  { now: () => NOW },
);
