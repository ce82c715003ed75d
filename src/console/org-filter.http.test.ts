import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';

describeApp('dashboard figures open the records of one agency', (h) => {
  it('?org= narrows request and message queues to an agency inside the reader’s scope, and is ignored outside it', async () => {
    const county = await makeOrg(h.db(), { name: '某县人民政府' });
    const a = await makeOrg(h.db(), { parent: county, name: '某县民政局' });
    const other = await makeOrg(h.db(), { name: '另一县人民政府' });
    const sup = await makeUser(h.db(), [['supervisor', county]]);
    const c = h.client();
    await c.login(sup.username);
    const dash = await c.get('/console/supervision');
    assert.match(dash.body, new RegExp(`/console/requests\\?queue=all&amp;org=${a.id}`));
    const req = await c.get(`/console/requests?queue=all&org=${a.id}`);
    assert.equal(req.statusCode, 200);
    assert.match(req.body, /仅显示「某县民政局」/);
    assert.match(req.body, new RegExp(`queue=overdue&amp;org=${a.id}`));
    const msg = await c.get(`/console/messages?queue=all&org=${a.id}`);
    assert.match(msg.body, /仅显示「某县民政局」/);
    const outside = await c.get(`/console/requests?queue=all&org=${other.id}`);
    assert.doesNotMatch(outside.body, /仅显示/);
  });
});
