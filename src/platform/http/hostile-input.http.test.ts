import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';

/** A payload: text (url-encoded when sent) or raw bytes already encoded (bad UTF-8). */
type Payload = { name: string; text?: string; raw?: string };

const P = (name: string, text: string): Payload => ({ name, text });
const PAYLOADS: Payload[] = [
  P('xss script', '<script>alert(1)</script>'),
  P('xss attribute', '"><img src=x onerror=alert(1)>'),
  P('xss svg', '<svg/onload=alert(document.cookie)>'),
  P('xss javascript url', 'javascript:alert(1)'),
  P('xss polyglot', '\'";!--"<XSS>=&{()}'),
  P('xss template', '{{constructor.constructor("alert(1)")()}}'),
  P('sql tautology', "' OR '1'='1"),
  P('sql drop', '1; DROP TABLE users;--'),
  P('sql union', '" UNION SELECT password_hash FROM users--'),
  P('sql comment', "admin'/*"),
  P('traversal unix', '../../../../etc/passwd'),
  P('traversal windows', '..\\..\\windows\\win.ini'),
  P('traversal encoded', '%2e%2e%2f%2e%2e%2fetc%2fpasswd'),
  P('oversize latin', 'x'.repeat(100_000)),
  P('oversize cjk', '公'.repeat(60_000)),
  { name: 'bad utf-8', raw: '%FF%FE%C3%28' },
  { name: 'overlong utf-8', raw: '%C0%AF%E0%80%AF' },
  P('nul byte', 'a\u0000b'),
  P('control characters', '\u0001\u0002\u001b[31m'),
  P('csv formula', '=HYPERLINK("http://evil.example","点击")'),
  P('csv cmd', "+cmd|' /C calc'!A0"),
  P('csv at', "@SUM(1+1)*cmd|'/C calc'!A0"),
  P('header injection', 'a\r\nSet-Cookie: injected=1'),
  P('header injection encoded', '%0d%0aLocation:%20http://evil.example'),
  P('absurd date', '9999-12-31'),
  P('zero date', '0000-00-00'),
  P('negative', '-1'),
  P('huge number', '99999999999999999999999'),
  P('float overflow', '1e309'),
  P('nan', 'NaN'),
  P('rtl override', '\u202e申请人\u202d'),
  P('zero width', '\u200b\u200c\u200d\ufeff'),
];

const FORMS: Array<{ url: string; from: string; base: (orgId: number) => Record<string, string>; fields: string[] }> = [
  {
    url: '/ysqgk',
    from: '/ysqgk',
    base: (orgId) => ({
      orgId: String(orgId),
      applicantType: 'citizen',
      name: '李四',
      idType: 'resident_id',
      idNumber: '110101199003070012',
      phone: '13912345678',
      infoTitle: '某街道拆迁补偿方案',
      form: 'electronic',
      delivery: 'pickup',
      confirmed: '1',
    }),
    fields: [
      'orgId',
      'name',
      'idNumber',
      'phone',
      'email',
      'address',
      'postcode',
      'infoTitle',
      'infoDescription',
      'delivery',
    ],
  },
  {
    url: '/hd/messages/new',
    from: '/hd/messages/new',
    base: (orgId) => ({
      orgId: String(orgId),
      type: 'consult',
      subject: '河道清理',
      content: '请问由哪个部门负责清理？',
      name: '张三',
      phone: '13812345678',
    }),
    fields: ['orgId', 'type', 'subject', 'content', 'name', 'phone', 'email'],
  },
  {
    url: '/hd/messages/status',
    from: '/hd/messages/status',
    base: () => ({ messageNo: 'LY20260001', queryCode: 'abcd' }),
    fields: ['messageNo', 'queryCode'],
  },
];

const MARKUP = /[<>"]/;
const CHINESE = /[\u4e00-\u9fff]/;
let ipSeq = 0;
const nextIp = () => `10.16.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;

/** Issue 16: a table-driven hostile-input suite over the public forms and staff forms that render input back. */
describeApp('hostile input', (h) => {
  it(`${PAYLOADS.length} payloads × every field of the public forms, the search and staff forms: no 5xx, no raw reflection, Chinese messages`, async () => {
    const org = await makeOrg(h.db(), { name: '某县人民政府' });
    await h.db().updateTable('orgs').set({ kind: 'agency' }).where('id', '=', org.id).execute();
    const admin = await makeUser(h.db(), [
      ['agency_admin', org],
      ['editor', org],
    ]);
    const users = async () =>
      Number(
        (
          await h
            .db()
            .selectFrom('users')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const usersBefore = await users();
    const visitor = h.client();
    const staff = h.client();
    await staff.login(admin.username);
    const problems: string[] = [];
    let cases = 0;
    const check = (
      label: string,
      p: Payload,
      res: { statusCode: number; body: string; headers: Record<string, unknown>; cookies: Array<{ name: string }> },
    ) => {
      cases++;
      if (res.statusCode >= 500) problems.push(`${label} [${p.name}] → ${res.statusCode}`);
      if (res.statusCode >= 400 && res.statusCode !== 429 && !CHINESE.test(res.body))
        problems.push(`${label} [${p.name}] → ${res.statusCode} without a Chinese message`);
      if (p.text && MARKUP.test(p.text) && res.body.includes(p.text))
        problems.push(`${label} [${p.name}] reflected unescaped`);
      if (res.cookies.some((c) => c.name === 'injected') || res.headers.injected !== undefined)
        problems.push(`${label} [${p.name}] header injected`);
      if (res.headers.location && /evil/.test(String(res.headers.location)))
        problems.push(`${label} [${p.name}] redirected off-site`);
    };
    const encode = (fields: Record<string, string>, field: string, p: Payload) =>
      Object.entries({ ...fields, [field]: '' })
        .map(
          ([k, v]) =>
            `${encodeURIComponent(k)}=${k === field ? (p.raw ?? encodeURIComponent(p.text ?? '')) : encodeURIComponent(v)}`,
        )
        .join('&');
    const post = async (
      c: typeof visitor,
      url: string,
      from: string,
      fields: Record<string, string>,
      field: string,
      p: Payload,
    ) => {
      const csrf = await c.csrf(from);
      const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      return h.app().inject({
        method: 'POST',
        url,
        remoteAddress: nextIp(),
        payload: `_csrf=${encodeURIComponent(csrf)}&${encode(fields, field, p)}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      });
    };
    for (const form of FORMS)
      for (const field of form.fields)
        for (const p of PAYLOADS)
          check(`POST ${form.url} ${field}`, p, await post(visitor, form.url, form.from, form.base(org.id), field, p));
    for (const p of PAYLOADS) {
      const q = p.raw ?? encodeURIComponent(p.text!.slice(0, 2000));
      check(
        'GET /search q',
        p,
        await h.app().inject({ method: 'GET', url: `/search?q=${q}`, remoteAddress: nextIp() }),
      );
      check('GET /gk q', p, await h.app().inject({ method: 'GET', url: `/gk?q=${q}`, remoteAddress: nextIp() }));
      check(
        'POST /console/orgs name',
        p,
        await post(
          staff,
          '/console/orgs',
          '/console/orgs',
          { parentId: String(org.id), kind: 'section', name: '科室' },
          'name',
          p,
        ),
      );
      check(
        'POST /console/items title',
        p,
        await post(
          staff,
          '/console/items',
          `/console/items/new?orgId=${org.id}`,
          {
            orgId: String(org.id),
            title: '通知',
            bodyHtml: '<p>正文</p>',
            genre: '通知',
            disclosureMode: '主动公开',
            createdOn: '2026-11-16',
          },
          'title',
          p,
        ),
      );
      check(
        'POST /console/items createdOn',
        p,
        await post(
          staff,
          '/console/items',
          `/console/items/new?orgId=${org.id}`,
          {
            orgId: String(org.id),
            title: '通知',
            bodyHtml: '<p>正文</p>',
            genre: '通知',
            disclosureMode: '主动公开',
            createdOn: '2026-11-16',
          },
          'createdOn',
          p,
        ),
      );
      check(
        'POST /console/items bodyHtml',
        p,
        await post(
          staff,
          '/console/items',
          `/console/items/new?orgId=${org.id}`,
          {
            orgId: String(org.id),
            title: '通知',
            bodyHtml: '<p>正文</p>',
            genre: '通知',
            disclosureMode: '主动公开',
            createdOn: '2026-11-16',
          },
          'bodyHtml',
          p,
        ),
      );
    }
    assert.ok(cases >= 300, `only ${cases} cases`);
    assert.deepEqual(problems, []);
    assert.equal(await users(), usersBefore, 'the users table is intact');
    // Stored bodies carry no script: the sanitizer ran on everything that was accepted.
    const bodies = await h.db().selectFrom('items').select('body_html').execute();
    const unsafe = /<script|<[^>]*\son\w+\s*=|<[^>]*(href|src)\s*=\s*["']?\s*javascript:/i;
    assert.deepEqual(
      bodies.filter((b) => unsafe.test(b.body_html ?? '')),
      [],
      'no unsafe markup stored',
    );
  });
});
