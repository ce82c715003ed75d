import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { ROLES } from '../../orgs/roles.rules.js';
import { routeTable } from './server.js';

/**
 * The access matrix, generated from the route table (issue 16): every console and API route is tried
 * anonymously and, for routes about one organisation, by every role held in another agency. A route that
 * answers an anonymous caller must be listed in PUBLIC below, so a new route without a rule fails here.
 */
const PUBLIC: Record<string, string> = {
  'GET /console/login': '登录页',
  'POST /console/login': '登录',
  'POST /console/logout': '退出（无会话时只是跳转到登录页）',
  'GET /api/v1/openapi.json': '接口文档',
  'GET /api/v1/docs': '接口文档',
  'GET /api/v1/public/items': '已发布信息',
  'GET /api/v1/public/items.csv': '已发布信息（CSV）',
  'GET /api/v1/public/search': '全文检索（只含公开内容）',
  'GET /api/v1/public/qa': '公开的答复',
  'GET /api/v1/public/stats': '公开统计',
  'GET /api/v1/reports': '已发布的年度报告',
  'GET /api/v1/reports/:id': '一份已发布的年度报告',
};

const concrete = (url: string, id: number) =>
  url.replace(/:(\w+)/g, (_, name: string) => (name === 'code' ? '5.2' : name === 'op' ? 'add' : String(id)));

describeApp('access matrix (generated from the route table)', (h) => {
  it('anonymous callers get no 2xx from any console or staff API route not listed as public', async () => {
    const org = await makeOrg(h.db());
    const routes = routeTable(h.app()).filter((r) => r.url.startsWith('/console') || r.url.startsWith('/api/v1'));
    assert.ok(routes.length > 100, `only ${routes.length} routes`);
    const leaks: string[] = [];
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      if (PUBLIC[key]) continue;
      const res = await h.app().inject({
        method: r.method as 'GET',
        url: concrete(r.url, org.id),
        ...(r.method === 'GET' ? {} : { payload: {} }),
      });
      if (res.statusCode >= 500) leaks.push(`${key} → ${res.statusCode}`);
      else if (res.statusCode < 300) leaks.push(`${key} → ${res.statusCode}`);
    }
    assert.deepEqual(leaks, []);
  });

  it('every role held in another agency gets no organisation page of this one', async () => {
    const root = await makeOrg(h.db(), { name: '某县人民政府' });
    const own = await makeOrg(h.db(), { parent: root, name: '某县教育局' });
    const other = await makeOrg(h.db(), { parent: root, name: '某县财政局' });
    const routes = routeTable(h.app()).filter(
      (r) => r.method === 'GET' && r.url.startsWith('/console') && /:orgId\b/.test(r.url),
    );
    assert.ok(routes.length > 0);
    const leaks: string[] = [];
    for (const role of Object.keys(ROLES).filter((x) => x !== 'sysadmin' && x !== 'supervisor')) {
      const u = await makeUser(h.db(), [[role, other]]);
      const c = h.client();
      await c.login(u.username);
      for (const r of routes) {
        const res = await c.get(concrete(r.url, own.id));
        if (res.statusCode < 300 || res.statusCode >= 500) leaks.push(`${role} ${r.url} → ${res.statusCode}`);
      }
    }
    assert.deepEqual(leaks, []);
  });
});
