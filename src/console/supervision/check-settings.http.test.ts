import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { makePublishedItem } from '../../../test/helpers/catalog.js';
import { runSiteCheck } from '../../supervision/run-site-check.js';
import { checkExternalLinks, externalLinks } from '../../supervision/link-check.js';

// A small web site on 127.0.0.1: /ok answers 200, everything else 404.
let server: http.Server;
let base = '';
before(async () => {
  server = http.createServer((req, res) => {
    res.statusCode = req.url === '/ok' ? 200 : 404;
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((r) => server.close(() => r())));

it('external links: one check per distinct URL, per-host limit, broken ones listed', async () => {
  assert.deepEqual(
    externalLinks(
      `<a href="${base}/ok">a</a><a href="/gk/items/1">b</a><a href="https://gk.example/x">c</a>`,
      'gk.example',
    ),
    [`${base}/ok`],
  );
  const r = await checkExternalLinks([`${base}/ok`, `${base}/gone`, `${base}/ok`, `${base}/also-gone`], {
    enabled: true,
    timeoutMs: 2000,
    perHost: 2,
  });
  assert.equal(r.checked, 2);
  assert.equal(r.skipped, 1);
  assert.deepEqual(r.broken, [`${base}/gone`]);
});

describeApp('website-check settings and external links', (h) => {
  it('a supervisor edits the deduction table and turns on external links; the check then counts the broken link', async () => {
    const county = await makeOrg(h.db(), { name: '某县人民政府' });
    const org = await makeOrg(h.db(), { parent: county, name: '某县交通局' });
    await makePublishedItem(h.db(), (a) => h.ctx(a), org, {
      title: '公路养护通知',
      bodyHtml: `<p>详见 <a href="${base}/ok">通知</a> 和 <a href="${base}/gone">附件</a>。</p>`,
    });
    const sup = await makeUser(h.db(), [['supervisor', county]]);
    const before = await runSiteCheck(h.ctx(sup.actor), org.id);
    assert.ok(
      !before.result.findings.some((f) => /不可用链接/.test(f.text)),
      'external links are not checked by default',
    );

    const c = h.client();
    await c.login(sup.username);
    const page = await c.get('/console/supervision/checks/settings');
    assert.equal(page.statusCode, 200);
    const form: Record<string, string> = {};
    for (const m of page.body.matchAll(/name="([^"]+)"[^>]*value="([^"]*)"/g)) if (m[1] !== '_csrf') form[m[1]] = m[2];
    const bad = await c.post(
      '/console/supervision/checks/settings',
      { ...form, 'd.broken_link_other.points': '-1' },
      { from: '/console/supervision/checks/settings' },
    );
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /请填写 0 至 100 之间的数字/);
    const ok = await c.post(
      '/console/supervision/checks/settings',
      { ...form, 'ext.enabled': '1', 'ext.timeoutMs': '2000', 'd.broken_link_other.points': '0.5' },
      { from: '/console/supervision/checks/settings' },
    );
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /设置已保存/);

    const after = await runSiteCheck(h.ctx(sup.actor), org.id);
    const f = after.result.findings.find((x) => /其他页面不可用链接 1 个/.test(x.text));
    assert.ok(f, JSON.stringify(after.result.findings));
    assert.equal(f.points, 0.5);
    const ev = await h
      .db()
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'supervision.check_settings')
      .executeTakeFirst();
    assert.ok(ev);
    const editor = await makeUser(h.db(), [['editor', org]]);
    const e = h.client();
    await e.login(editor.username);
    assert.equal((await e.get('/console/supervision/checks/settings')).statusCode, 403);
  });
});
