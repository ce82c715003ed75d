import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';

/** Numbers typed as words or fractions on the settings page: the page again, the message and the input at the field. */
describeApp('个人信息保存年限 and 身份证明 size limit typed wrong', (h) => {
  it('十 years and 2.5 MB are refused at their fields with what was typed kept; nothing is saved', async () => {
    const admin = await makeUser(h.db(), [['sysadmin', await makeOrg(h.db())]]);
    const c = h.client();
    await c.login(admin.username);
    const from = { from: '/console/requests/settings' };
    const years = await c.post('/console/requests/settings/retention', { years: '十', do: 'save' }, from);
    assert.equal(years.statusCode, 400);
    assert.match(years.body, /“保存年限（办结后，年）”应为整数/);
    assert.match(years.body, /name="years"[^>]*value="十"|value="十"[^>]*name="years"/);
    const mb = await c.post('/console/requests/settings/id-proof', { idProofMb: '2.5' }, from);
    assert.equal(mb.statusCode, 400);
    assert.match(mb.body, /“每个文件的大小上限（MB）”应为整数/);
    assert.match(mb.body, /name="idProofMb"[^>]*value="2\.5"|value="2\.5"[^>]*name="idProofMb"/);
    // Full-width digits, as Chinese input methods type them, are digits.
    assert.equal((await c.post('/console/requests/settings/id-proof', { idProofMb: '３' }, from)).statusCode, 303);
    const page = await c.get('/console/requests/settings');
    assert.match(page.body, /当前未设置保存年限/);
    assert.match(page.body, /name="idProofMb"[^>]*value="3"|value="3"[^>]*name="idProofMb"/);
  });
});
