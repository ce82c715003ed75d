import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { describeApp, type Client } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { addCase, addItem } from '../../../test/helpers/report-records.js';
import { ROLE_NAMES, type OrgRow, type Role } from '../../orgs/index.js';
import { publicActor, systemActor } from '../context.js';
import { categoriesOf } from '../../catalog/index.js';
import { openCommentPeriod, submitMessage } from '../../interaction/index.js';
import { createReport } from '../../reports/index.js';
import { createTask } from '../../supervision/index.js';
import { TARGET_RULES } from '../../app/target-rules.js';
import { targetRuleFor } from './target-guard.js';
import { routeTable, type RouteEntry } from './server.js';

/**
 * The access matrix (issue 16), generated from the route table: every console and API route × every role ×
 * own agency / other agency / anonymous.
 *
 * - Anonymous: no 2xx and no 5xx from any route not listed in PUBLIC; the API answers 401, console pages send
 *   to the login page.
 * - Own agency (agency 甲, one user per role, plus a system administrator): every GET route opens (status other
 *   than 403) for exactly the roles its rule in GET_RULES names, on 甲's records; a GET route without a rule
 *   fails. Every state-changing route about a record (TARGET_RULES of `app/target-rules.ts`) whose body schema
 *   requires a field is posted with an empty body: the roles that may see the record (TARGET_VIEWERS) get the
 *   schema's 400, the others 403 — authorization comes before validation, and nothing changes.
 * - Other agency: every role of 甲 on 乙's records (every route with a target, GET and an empty-bodied post)
 *   gets 403 or 404, and the answer names nothing of 乙.
 * - A state-changing route with a path parameter is either covered by TARGET_RULES or listed in OWN_RECORDS
 *   (it acts on the user's own records), so a new route without a rule fails here.
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
  'GET /api/v1/calendar/:year': '法定节假日与调休安排',
  'GET /api/v1/calendar/days/:date': '某日是否工作日',
  'GET /api/v1/public/items/:id': '一条已公开的政府信息',
  'POST /api/v1/clock': '期限计算（公开，限流）',
};

/** State-changing routes with a path parameter that act on the user's own records, not on an agency's. */
const OWN_RECORDS = new Set([
  'POST /console/account/tokens/:id/revoke', // the user's own token (revokeToken checks the owner)
  'POST /console/requests/letter-templates/:code', // the templates of the user's own agency (code, not an id)
  'POST /console/requests/letter-templates/:code/reset',
]);

type Rule = readonly Role[];
const AGENCY_ROLES = ROLE_NAMES.filter((r) => r !== 'sysadmin');
const ALL: Rule = ROLE_NAMES;
const only = (...roles: Role[]): Rule => ['sysadmin', ...roles];

const CATALOG = only('supervisor', 'agency_admin', 'editor', 'secrecy_reviewer', 'legality_reviewer', 'approver');
const REQUESTS = only('supervisor', 'agency_admin', 'request_handler', 'request_admin');
const MESSAGES = only('supervisor', 'agency_admin', 'message_handler');
const REPORTS = only('supervisor', 'agency_admin', 'editor', 'approver');
const TASKS = only('supervisor', 'agency_admin', 'editor');
const OVERSIGHT = only('supervisor', 'agency_admin');
/** Applicants' personal data: the case's handler (none here: the case is not assigned) and the request administrators. */
const PERSONAL_DATA: Rule = ['request_admin'];

/** Roles that see each kind of record of their agency (the target guard lets them past, to the schema). */
const TARGET_VIEWERS: Record<string, Rule> = {
  item: CATALOG,
  request: REQUESTS,
  org: ALL,
  user: OVERSIGHT,
  category: ALL,
  message: MESSAGES,
  consultation: MESSAGES,
  report: REPORTS,
  task: TASKS,
};

/**
 * GET routes: the roles of an agency that open them (any status but 403) on the agency's own records. Lists
 * open to ALL show each role only its own share (the API lists of items and tasks, statistics by agency); a
 * sub-record that does not exist here (an attachment, a letter) answers 404 to whoever may see the record.
 */
const GET_RULES: Record<string, Rule> = {
  'GET /console/password': ALL,
  'GET /console': ALL,
  'GET /console/orgs': OVERSIGHT,
  'GET /console/orgs/:id': ALL,
  'GET /console/users': OVERSIGHT,
  'GET /console/users/:id': OVERSIGHT,
  'GET /console/account': ALL,
  'GET /console/account/digest': ALL, // the person's own choice of the daily work digest
  'GET /console/audit': OVERSIGHT,
  'GET /api/v1/me': ALL,
  'GET /api/v1/orgs': ALL,
  'GET /api/v1/orgs/:id': ALL,
  'GET /api/v1/audit': OVERSIGHT,
  'GET /console/outbox': OVERSIGHT,
  'GET /console/notices': ALL,
  'GET /console/jobs': only(),
  'GET /console/jobs/:name': only(), // a job that does not exist here ('1'): 404 for the system administrator
  'GET /console/calendar': only('supervisor'),
  'GET /console/guide': only('agency_admin'),
  'GET /console/guide/:orgId': only('agency_admin'),
  'GET /console/requests': REQUESTS,
  'GET /console/requests/export': REQUESTS,
  'GET /console/requests/new': only('request_handler', 'request_admin'),
  'GET /console/requests/letter-templates': only('request_admin'),
  'GET /console/requests/letter-templates/:code': only('request_admin'),
  'GET /console/requests/:id': REQUESTS,
  'GET /console/requests/:id/letters/:n': REQUESTS,
  'GET /console/requests/:id/id-proofs/:proofId': PERSONAL_DATA,
  'GET /console/requests/:id/oral-sheet': REQUESTS,
  'GET /console/requests/:id/oral-sheet.docx': REQUESTS,
  'GET /console/requests/settings': only(),
  'GET /api/v1/requests': REQUESTS,
  'GET /api/v1/requests/statistics': ALL,
  'GET /api/v1/requests/:id': REQUESTS,
  'GET /api/v1/requests/:id/departments': REQUESTS,
  'GET /api/v1/requests/letter-templates/:orgId': only('request_admin'),
  'GET /console/requests/:id/release': PERSONAL_DATA,
  'GET /console/requests/:id/release/:doc/:which': PERSONAL_DATA,
  'GET /console/requests/:id/release/:doc/page/:n': PERSONAL_DATA,
  'GET /api/v1/requests/:id/id-proofs': PERSONAL_DATA,
  'GET /api/v1/requests/:id/id-proofs/:proofId': PERSONAL_DATA,
  'GET /console/requests/reminders': only('request_handler', 'request_admin'),
  'GET /console/items': CATALOG,
  'GET /console/items/queue': only('agency_admin', 'editor', 'secrecy_reviewer', 'legality_reviewer', 'approver'),
  'GET /console/items/new': only('agency_admin', 'editor'),
  'GET /console/items/late': CATALOG,
  'GET /console/items/:id': CATALOG,
  'GET /console/items/uninterpreted': CATALOG,
  'GET /console/items/import': only('agency_admin'),
  'GET /console/items/export': CATALOG,
  'GET /console/catalog/categories': only('agency_admin'),
  'GET /console/catalog/table2': CATALOG,
  'GET /console/catalog/key-areas': only(),
  'GET /console/items/:itemId/files/:id': ALL,
  'GET /console/items/:id/preview': CATALOG,
  'GET /api/v1/items': ALL,
  'GET /api/v1/items/:id': CATALOG,
  'GET /console/messages/settings': only(),
  'GET /console/messages': MESSAGES,
  'GET /console/messages/export': MESSAGES,
  'GET /console/messages/new': only('message_handler'),
  'GET /console/messages/:id': MESSAGES,
  'GET /console/messages/:id/attachments/:eid': ['message_handler'],
  'GET /console/consultations': MESSAGES,
  'GET /console/consultations/new': only('agency_admin', 'message_handler'),
  'GET /console/consultations/:id': MESSAGES,
  'GET /api/v1/messages': MESSAGES,
  'GET /console/reports/check': ALL,
  'GET /console/reports': REPORTS,
  'GET /console/reports/summary': only('supervisor'),
  'GET /console/reports/history/:orgId': REPORTS,
  'GET /console/reports/legacy': TASKS,
  'GET /console/reports/legacy/:orgId/:year': REPORTS,
  'GET /console/reports/:id': REPORTS,
  'GET /console/reports/:id/report.docx': REPORTS,
  'GET /console/reports/:id/report.xlsx': REPORTS,
  'GET /console/reports/:id/cell/:field': REPORTS,
  'GET /console/supervision': OVERSIGHT,
  'GET /console/supervision/dashboard.csv': OVERSIGHT,
  'GET /console/supervision/dashboard.xlsx': OVERSIGHT,
  'GET /console/supervision/tasks': TASKS,
  'GET /console/supervision/tasks.xlsx': TASKS,
  'GET /console/supervision/tasks/notice.docx': TASKS,
  'GET /console/supervision/tasks/:id': TASKS,
  'GET /console/supervision/alerts': OVERSIGHT,
  'GET /console/supervision/checks/settings': only('supervisor'),
  'GET /console/supervision/checks': only('supervisor'),
  'GET /console/supervision/checks/:orgId': only('supervisor'),
  'GET /api/v1/supervision/dashboard': OVERSIGHT,
  'GET /api/v1/supervision/tasks': ALL,
};

/** Concrete values for path parameters that are not a target's id. */
const PARAM_VALUES: Record<string, string> = {
  year: '2025',
  date: '2026-11-16',
  code: '5.2',
  op: 'add',
  action: 'accept',
  which: 'original',
  field: 't2_1',
};

interface Agency {
  org: OrgRow;
  ids: Record<string, number>;
  users: Map<Role, Client>;
}

const outcome = (res: LightMyRequestResponse): string =>
  res.statusCode >= 500 ? `${res.statusCode}` : res.statusCode === 403 ? 'refused' : 'open';

describeApp('access matrix (generated from the route table)', (h) => {
  let routes: RouteEntry[];
  const agencies: Agency[] = [];
  const csrf = new Map<Client, string>();

  const ctxSys = () => h.ctx(systemActor('test'));
  async function agency(root: OrgRow, name: string): Promise<Agency> {
    const db = h.db();
    const org = await makeOrg(db, { parent: root, name });
    const users = new Map<Role, Client>();
    const ids: Record<string, number> = { org: org.id };
    for (const role of ROLE_NAMES) {
      const u = await makeUser(db, [[role, role === 'sysadmin' ? root : org]]);
      const c = h.client();
      await c.login(u.username);
      csrf.set(c, await c.csrf('/console/account'));
      users.set(role, c);
      if (role === 'editor') ids.user = u.id;
      if (role === 'agency_admin') {
        const p = await openCommentPeriod(h.ctx(u.actor), {
          orgId: org.id,
          title: `${name}养犬管理办法`,
          draftText: '征求意见稿\n第一条 为了规范养犬行为，制定本办法。\n第二条 本办法适用于本县城区。',
          startOn: '2026-11-20',
          endOn: '2026-12-31',
        });
        ids.consultation = p.id;
      }
    }
    ids.item = await addItem(db, org, { title: `${name}内部草稿`, published: '2026-11-01', status: 'draft' });
    ids.request = await addCase(db, org, { received: '2026-11-10', name: `${name}申请人` });
    ids.category = (await categoriesOf(ctxSys(), org.id))[0].id;
    ids.message = (
      await submitMessage(h.ctx(publicActor('127.0.0.1')), {
        orgId: org.id,
        type: 'complaint',
        subject: `${name}河道垃圾`,
        content: '河道垃圾堆积。',
        name: '张三丰',
        phone: '13812345678',
        publishConsent: true,
      })
    ).id;
    ids.report = (await createReport(ctxSys(), { orgId: org.id, year: 2025 })).id;
    ids.task = (
      await createTask(ctxSys(), {
        jurisdictionOrgId: root.id,
        year: 2026,
        category: '政策解读',
        content: `${name}出台文件同步解读`,
        responsibleOrgId: org.id,
        deadline: '2026-12-31',
        evidenceRequired: '解读链接',
      })
    ).id;
    return { org, ids, users };
  }

  const KIND: Record<string, string> = {
    公开目录信息: 'item',
    依申请公开申请: 'request',
    机构: 'org',
    用户: 'user',
    公开目录分类: 'category',
    咨询投诉建议: 'message',
    意见征集: 'consultation',
    年度报告: 'report',
    年度工作任务: 'task',
  };

  /** The route's url for an agency's records, and whether it names one of them at all. */
  function concrete(r: RouteEntry, a: Agency): { url: string; targeted: boolean } {
    const rule = targetRuleFor(TARGET_RULES, r.url);
    let targeted = false;
    const url = r.url.replace(/:(\w+)/g, (_, name: string) => {
      if (rule && name === rule.param) {
        targeted = true;
        return String(a.ids[KIND[rule.name]]);
      }
      if (name === 'orgId' || name === 'itemId') {
        targeted = true;
        return String(name === 'orgId' ? a.org.id : a.ids.item);
      }
      return PARAM_VALUES[name] ?? '1';
    });
    return { url, targeted };
  }

  const send = (c: Client, method: string, url: string, fields = ''): Promise<LightMyRequestResponse> => {
    const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method === 'GET') return c.app.inject({ method: 'GET', url, headers: { cookie } });
    return c.app.inject({
      method: method as 'POST',
      url,
      payload: `_csrf=${encodeURIComponent(csrf.get(c)!)}${fields}`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': csrf.get(c)! },
    });
  };

  before(async () => {
    routes = routeTable(h.app()).filter((r) => r.url.startsWith('/console') || r.url.startsWith('/api/v1'));
    const root = await makeOrg(h.db(), { name: '某县人民政府' });
    agencies.push(await agency(root, '某县教育局'), await agency(root, '某县财政局'));
  });

  it('anonymous callers get no 2xx from any console or staff API route not listed as public', async () => {
    const [own] = agencies;
    assert.ok(routes.length > 100, `only ${routes.length} routes`);
    // A visitor's own valid CSRF token (from the login page), so that a post is refused for want of a login.
    const anonymous = h.client();
    csrf.set(anonymous, await anonymous.csrf('/console/login'));
    const leaks: string[] = [];
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      if (PUBLIC[key]) continue;
      const res = await send(anonymous, r.method, concrete(r, own).url);
      if (res.statusCode >= 500 || res.statusCode < 300) leaks.push(`${key} → ${res.statusCode}`);
      else if (r.url.startsWith('/api/') && res.statusCode !== 401) leaks.push(`${key} → ${res.statusCode} (not 401)`);
      else if (r.url.startsWith('/console') && !/^\/console\/login/.test(res.headers.location ?? ''))
        leaks.push(`${key} → ${res.statusCode} (not sent to the login page)`);
    }
    assert.deepEqual(leaks, [], leaks.join('\n'));
  });

  it('every state-changing route with a path parameter has a target rule or acts on the user’s own records', () => {
    const missing = routes
      .filter((r) => r.method !== 'GET' && r.url.includes(':'))
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !OWN_RECORDS.has(k) && !targetRuleFor(TARGET_RULES, k.slice(k.indexOf(' ') + 1)));
    assert.deepEqual(missing, []);
    const stale = [...OWN_RECORDS].filter((k) => !routes.some((r) => `${r.method} ${r.url}` === k));
    assert.deepEqual(stale, []);
  });

  it('every role of an agency opens exactly the pages its rule names, on its own records', async () => {
    const [own] = agencies;
    const gets = routes.filter((r) => r.method === 'GET' && !PUBLIC[`GET ${r.url}`]);
    const mismatches: string[] = [];
    for (const r of gets) {
      const key = `GET ${r.url}`;
      const rule = GET_RULES[key];
      if (!rule) {
        mismatches.push(`${key}: no rule`);
      }
      const { url } = concrete(r, own);
      for (const role of ROLE_NAMES) {
        const got = outcome(await send(own.users.get(role)!, 'GET', url));
        const want = rule?.includes(role) ? 'open' : 'refused';
        if (got !== want) mismatches.push(`${key} ${role}: ${got} (rule: ${want})`);
      }
    }
    const stale = Object.keys(GET_RULES).filter((k) => !gets.some((r) => `GET ${r.url}` === k));
    const all = [...mismatches, ...stale.map((k) => `${k}: stale rule`)];
    assert.deepEqual(all, [], all.join('\n'));
  });

  it('a post with an empty body about an own record: the record’s viewers reach the schema (400), the others 403', async () => {
    const [own] = agencies;
    const posts = routes.filter((r) => r.method !== 'GET' && r.bodyRequired && !r.upload);
    const mismatches: string[] = [];
    let tried = 0;
    for (const r of posts) {
      const rule = targetRuleFor(TARGET_RULES, r.url);
      if (!rule) continue;
      const viewers = TARGET_VIEWERS[KIND[rule.name]];
      const { url } = concrete(r, own);
      for (const role of ROLE_NAMES) {
        tried++;
        const res = await send(own.users.get(role)!, r.method, url);
        const want = viewers?.includes(role) ? 400 : 403;
        if (res.statusCode !== want) mismatches.push(`${r.method} ${r.url} ${role}: ${res.statusCode} (rule: ${want})`);
      }
    }
    assert.ok(tried >= 200, `only ${tried} posts`);
    assert.deepEqual(mismatches, [], mismatches.join('\n'));
  });

  it('every role of one agency gets 403 or 404 on the other agency’s records, and the answer names nothing of it', async () => {
    const [own, other] = agencies;
    const leaks: string[] = [];
    let tried = 0;
    for (const r of routes) {
      if (PUBLIC[`${r.method} ${r.url}`]) continue;
      const { url, targeted } = concrete(r, other);
      if (!targeted) continue;
      for (const role of AGENCY_ROLES) {
        tried++;
        const res = await send(own.users.get(role)!, r.method, url);
        if (res.statusCode !== 403 && res.statusCode !== 404)
          leaks.push(`${role} ${r.method} ${r.url} → ${res.statusCode}`);
        else if (res.body.includes('财政局')) leaks.push(`${role} ${r.method} ${r.url}: names 财政局`);
      }
    }
    assert.ok(tried > 500, `only ${tried} requests`);
    assert.deepEqual(leaks, []);
  });

  it('a post naming the other agency in its body (orgId, parentId …) never answers with that agency’s records', async () => {
    const [own, other] = agencies;
    const b = other.org.id;
    const fields = ['orgId', 'parentId', 'responsibleOrgId', 'jurisdictionOrgId', 'departmentId']
      .map((f) => `&${f}=${b}`)
      .concat(`&ids=${other.ids.item}`, `&ids=${other.ids.request}`)
      .join('');
    const SESSION = new Set(['POST /console/logout', 'POST /console/account/logout-all', 'POST /console/password']);
    const leaks: string[] = [];
    let tried = 0;
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      if (r.method === 'GET' || r.url.includes(':') || PUBLIC[key] || SESSION.has(key)) continue;
      for (const role of AGENCY_ROLES) {
        tried++;
        const res = await send(own.users.get(role)!, r.method, r.url, fields);
        if (res.statusCode < 300 && r.url.startsWith('/api/')) leaks.push(`${role} ${key} → ${res.statusCode}`);
        else if (res.statusCode >= 500) leaks.push(`${role} ${key} → ${res.statusCode}`);
        else if (res.body.includes('财政局')) leaks.push(`${role} ${key}: names 财政局 (${res.statusCode})`);
      }
    }
    assert.ok(tried > 300, `only ${tried} requests`);
    assert.deepEqual(leaks, [], leaks.join('\n'));
  });
});
