import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp, type Client } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { addCase } from '../../../test/helpers/report-records.js';
import type { OrgRow } from '../../orgs/index.js';

/**
 * Issue 16 item 10 (docs/security.md, request_handler): a handler sees the agency's cases masked and may
 * take, confirm or transfer (转送) an unassigned one; works on (and sees the personal data of) only the cases
 * assigned to them. The head of office (request_admin) sees every case in clear and assigns in bulk.
 */
const ID = '110101199001011234';
const PHONE = '13800138000';

describeApp('request handlers work on their own cases; the head of office on all', (h) => {
  let org: OrgRow;
  let other: OrgRow;
  let head: { id: number; username: string };
  let mine: { id: number; username: string };
  let colleague: { id: number; username: string };
  const clients = new Map<number, Client>();
  const as = async (u: { id: number; username: string }): Promise<Client> => {
    let c = clients.get(u.id);
    if (!c) {
      c = h.client();
      await c.login(u.username);
      clients.set(u.id, c);
    }
    return c;
  };
  const newCase = async (handlerId: number | null): Promise<number> => {
    const id = await addCase(h.db(), org, { received: '2026-11-10' });
    await h.db().updateTable('requests').set({ handler_id: handlerId }).where('id', '=', id).execute();
    return id;
  };
  const forwardForm = (id: number) => `action="/console/requests/${id}/forward"`;
  const answerForm = (id: number) => `action="/console/requests/${id}/answer"`;

  before(async () => {
    const root = await makeOrg(h.db(), { name: '某县人民政府' });
    org = await makeOrg(h.db(), { parent: root, name: '某县教育局' });
    other = await makeOrg(h.db(), { parent: root, name: '某县财政局' });
    head = await makeUser(h.db(), [['request_admin', org]]);
    mine = await makeUser(h.db(), [['request_handler', org]]);
    colleague = await makeUser(h.db(), [['request_handler', org]]);
  });

  it('an unassigned case: a handler sees it masked, may take or transfer it, may not work on it', async () => {
    const id = await newCase(null);
    const c = await as(colleague);
    const page = await c.get(`/console/requests/${id}`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, new RegExp(`${ID}|${PHONE}`));
    assert.match(page.body, /由我办理/);
    assert.match(page.body, new RegExp(forwardForm(id)));
    assert.doesNotMatch(page.body, new RegExp(answerForm(id)));
    const work = await c.post(`/console/requests/${id}/close-abandoned`, {}, { from: `/console/requests/${id}` });
    assert.equal(work.statusCode, 403);
    assert.equal((await c.get(`/console/requests/${id}/id-proofs/1`)).statusCode, 403);
  });

  it('a case assigned to a colleague: seen masked, neither worked on nor transferred by another handler', async () => {
    const id = await newCase(mine.id);
    const c = await as(colleague);
    const page = await c.get(`/console/requests/${id}`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, new RegExp(`${ID}|${PHONE}`));
    assert.doesNotMatch(page.body, new RegExp(`${forwardForm(id)}|${answerForm(id)}|由我办理`));
    const fwd = await c.post(
      `/console/requests/${id}/forward`,
      { toOrgId: String(other.id), reason: '不属于本机关' },
      { from: `/console/requests/${id}` },
    );
    assert.equal(fwd.statusCode, 403);
    const row = await h
      .db()
      .selectFrom('requests')
      .select(['org_id', 'handler_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { org_id: org.id, handler_id: mine.id });
  });

  it('the assigned handler sees the personal data and may transfer; so does the head of office', async () => {
    const id = await newCase(mine.id);
    const own = await (await as(mine)).get(`/console/requests/${id}`);
    assert.match(own.body, new RegExp(ID));
    assert.match(own.body, new RegExp(forwardForm(id)));
    assert.match(own.body, new RegExp(answerForm(id)));
    const hp = await (await as(head)).get(`/console/requests/${id}`);
    assert.match(hp.body, new RegExp(ID));
    assert.match(hp.body, new RegExp(forwardForm(id)));
    const fwd = await (
      await as(head)
    ).post(
      `/console/requests/${id}/forward`,
      { toOrgId: String(other.id), reason: '不属于本机关' },
      { from: `/console/requests/${id}` },
    );
    assert.equal(fwd.statusCode, 303);
    const row = await h
      .db()
      .selectFrom('requests')
      .select(['org_id', 'handler_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { org_id: other.id, handler_id: null });
  });

  it('the head of office assigns in bulk and sees the unassigned cases in “my work”; a handler sees only their own', async () => {
    const a = await newCase(null);
    const b = await newCase(null);
    const hc = await as(head);
    const home = await hc.get('/console');
    assert.match(home.body, /办理中未分派办理人/);
    const res = await hc.post(
      '/console/requests/bulk',
      {
        action: 'assign',
        ids: [String(a), String(b)],
        handlerId: String(colleague.id),
        confirm: 'on',
        back: '/console/requests',
      },
      { from: '/console/requests' },
    );
    assert.equal(res.statusCode, 200);
    const rows = await h.db().selectFrom('requests').select('handler_id').where('id', 'in', [a, b]).execute();
    assert.deepEqual(
      rows.map((r) => r.handler_id),
      [colleague.id, colleague.id],
    );
    // A handler may not assign in bulk to a colleague: every case is refused with the reason.
    const c = await newCase(null);
    const hand = await (
      await as(mine)
    ).post(
      '/console/requests/bulk',
      { action: 'assign', ids: [String(c)], handlerId: String(colleague.id), confirm: 'on', back: '/console/requests' },
      { from: '/console/requests' },
    );
    assert.match(hand.body, /只有依申请公开负责人可以分派或改派/);
    const still = await h
      .db()
      .selectFrom('requests')
      .select('handler_id')
      .where('id', '=', c)
      .executeTakeFirstOrThrow();
    assert.equal(still.handler_id, null);
    // “我的待办申请” of the colleague lists the two cases assigned in bulk.
    const list = await (await as(colleague)).get('/console/requests?queue=mine');
    for (const id of [a, b]) assert.match(list.body, new RegExp(`/console/requests/${id}"`));
    assert.doesNotMatch(list.body, new RegExp(`/console/requests/${c}"`));
  });
});

describeApp('视为放弃申请并结案 is offered when the clock says so', (h) => {
  it('not while the 补正 period runs; once it is over, with a confirmation before closing', async () => {
    const org = await makeOrg(h.db(), { name: '某县教育局' });
    const handler = await makeUser(h.db(), [['request_handler', org]]);
    const c = h.client();
    await c.login(handler.username);
    const abandonForm = (id: number) => `action="/console/requests/${id}/close-abandoned"`;
    const ids: number[] = [];
    // TEST_NOW is 2026-11-16: one period ran out on 11-12, the other runs to 11-30.
    for (const until of ['2026-11-12', '2026-11-30']) {
      const id = await addCase(h.db(), org, { received: '2026-11-10' });
      await h.db().updateTable('requests').set({ handler_id: handler.id }).where('id', '=', id).execute();
      const from = `/console/requests/${id}`;
      const r = await c.post(`${from}/correction`, { on: '2026-11-11', until, items: '请补充身份证明' }, { from });
      assert.ok(r.statusCode < 400, r.body);
      ids.push(id);
    }
    const [over, running] = ids as [number, number];
    const overPage = (await c.get(`/console/requests/${over}`)).body;
    // The history names the handler as colleagues know them (姓名), not by login name.
    const history = /<h2>办理记录<\/h2>(.*?)<\/ul>/s.exec(overPage)![1]!;
    const { display_name } = await h
      .db()
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', handler.id)
      .executeTakeFirstOrThrow();
    assert.ok(history.includes(display_name) && !history.includes(handler.username), history);
    assert.match(overPage, new RegExp(`${abandonForm(over)} class="actions" data-confirm="确定按视为放弃申请结案吗？`));
    assert.doesNotMatch((await c.get(`/console/requests/${running}`)).body, new RegExp(abandonForm(running)));
    const closed = await c.post(`/console/requests/${over}/close-abandoned`, {}, { from: `/console/requests/${over}` });
    assert.ok(closed.statusCode < 400, closed.body);
    const row = await h
      .db()
      .selectFrom('requests')
      .select(['state', 'outcome_code'])
      .where('id', '=', over)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { state: 'abandoned', outcome_code: '6.1' });
  });
});
