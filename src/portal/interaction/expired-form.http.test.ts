import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg } from '../../../test/helpers/factories.js';
import type { OrgRow } from '../../orgs/orgs.store.js';

const CONTENT = '我村东头的河道两年来一直无人清理，夏天气味很大，请问应当由哪个部门负责？<b>不是标签</b>';

describeApp('an expired form keeps what was typed', (h) => {
  let org: OrgRow;
  before(async () => {
    org = await makeOrg(h.db(), { name: '县水利局' });
  });

  /** Posts a form as the browser would after the token expired (stale `_csrf`), from `origin`. */
  async function stalePost(url: string, fields: Record<string, string>, origin: string, more = {}) {
    const c = h.client();
    await c.get(url);
    const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const payload = new URLSearchParams({ _csrf: 'expired-token', ...fields }).toString();
    const res = await h.app().inject({
      method: 'POST',
      url,
      payload,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin, ...more },
    });
    return { res, cookie };
  }

  it('same site: the page says it expired, shows the text and submits it again with a fresh token', async () => {
    const fields = {
      orgId: String(org.id),
      type: 'consult',
      subject: '河道清理归谁管',
      content: CONTENT,
      name: '李四',
    };
    const { res, cookie } = await stalePost('/hd/messages/new', fields, 'http://localhost:80');
    assert.equal(res.statusCode, 403);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.match(res.body, /<h1>页面已过期<\/h1>/);
    assert.match(res.body, /您填写的内容已保留/);
    assert.doesNotMatch(res.body, /无权访问/);
    assert.match(
      res.body,
      /<dd class="kept">我村东头的河道两年来一直无人清理，夏天气味很大，请问应当由哪个部门负责？&lt;b>不是标签&lt;\/b><\/dd>/,
    );
    const form =
      /<form method="post" action="\/hd\/messages\/new" class="resubmit" data-testid="resubmit">([\s\S]*?)<\/form>/.exec(
        res.body,
      )?.[1] ?? '';
    const again = new URLSearchParams();
    for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g))
      again.append(
        m[1] ?? '',
        (m[2] ?? '')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&'),
      );
    assert.equal(again.get('content'), CONTENT);
    assert.notEqual(again.get('_csrf'), 'expired-token');
    const fresh = res.cookies.map((c) => `${c.name}=${c.value}`);
    const jar = new Map(cookie.split('; ').map((kv) => kv.split('=') as [string, string]));
    for (const kv of fresh) jar.set(kv.split('=')[0] ?? '', kv.slice(kv.indexOf('=') + 1));
    const ok = await h.app().inject({
      method: 'POST',
      url: '/hd/messages/new',
      payload: again.toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        origin: 'http://localhost:80',
      },
    });
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /data-testid="message-no">LY-/);
    const saved = await h
      .db()
      .selectFrom('messages')
      .select('content')
      .where('subject', '=', '河道清理归谁管')
      .executeTakeFirstOrThrow();
    assert.equal(saved.content, CONTENT);
  });

  it('another site, a password or no origin: nothing is echoed back', async () => {
    const cross = await stalePost(
      '/hd/messages/new',
      { orgId: String(org.id), type: 'consult', subject: '外站伪造', content: '外站填写的内容' },
      'https://evil.example',
    );
    assert.equal(cross.res.statusCode, 403);
    assert.match(cross.res.body, /无权访问/);
    assert.doesNotMatch(cross.res.body, /外站填写的内容|data-testid="resubmit"/);
    const login = await stalePost(
      '/console/login',
      { username: 'someone', password: 'S3cret-Passw0rd' },
      'http://localhost:80',
    );
    assert.equal(login.res.statusCode, 403);
    assert.doesNotMatch(login.res.body, /S3cret-Passw0rd/);
    const noOrigin = await h.app().inject({
      method: 'POST',
      url: '/hd/messages/new',
      payload: 'content=%E6%97%A0%E6%9D%A5%E6%BA%90',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(noOrigin.statusCode, 403);
    assert.doesNotMatch(noOrigin.body, /data-testid="resubmit"/);
    // A browser says where the post came from in Sec-Fetch-Site, whatever the Origin: another site's is refused.
    const crossBrowser = await stalePost(
      '/hd/messages/new',
      { orgId: String(org.id), type: 'consult', subject: '外站伪造', content: '外站填写的内容' },
      'http://localhost:80',
      { 'sec-fetch-site': 'cross-site' },
    );
    assert.doesNotMatch(crossBrowser.res.body, /外站填写的内容|data-testid="resubmit"/);
  });

  it('a browser posting our own form sends Origin: null (no-referrer) and Sec-Fetch-Site: same-origin: the text is kept', async () => {
    const { res } = await stalePost(
      '/hd/messages/new',
      { orgId: String(org.id), type: 'consult', subject: '河道清理归谁管', content: CONTENT, name: '李四' },
      'null',
      { 'sec-fetch-site': 'same-origin' },
    );
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /<h1>页面已过期<\/h1>/);
    assert.match(res.body, /data-testid="resubmit"/);
  });
});
