import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LightMyRequestResponse } from 'fastify';
import { describeApp, type Client } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { randomBytes } from 'node:crypto';

const fixture = (name: string): Buffer =>
  readFileSync(fileURLToPath(new URL(`../../reports/fixtures/${name}`, import.meta.url)));

/** Posts a multipart form with one file through the client's cookie jar. */
async function upload(
  c: Client,
  file: { name: string; data: Buffer } | null,
  csrf: string | null,
): Promise<LightMyRequestResponse> {
  const b = `----gk${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  if (csrf !== null)
    parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`));
  if (file) {
    parts.push(
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(file.name)}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
    );
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${b}--\r\n`));
  const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await c.app.inject({
    method: 'POST',
    url: '/console/reports/check',
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${b}`, cookie },
  });
  for (const ck of res.cookies as Array<{ name: string; value: string }>) c.cookies.set(ck.name, ck.value);
  return res;
}

describeApp('annual report checker (console)', (h) => {
  it('staff upload a report and see which cell breaks which identity', async () => {
    const root = await makeOrg(h.db());
    const u = await makeUser(h.db(), [['editor', root]]);
    const c = h.client();
    assert.equal((await c.login(u.username)).statusCode, 303);
    const form = await c.get('/console/reports/check');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /年度报告检查/);
    assert.match(form.body, /enctype="multipart\/form-data"/);
    const home = await c.get('/console');
    assert.match(home.body, /年度报告/);

    const bad = await upload(
      c,
      { name: 'r2021-table4-error.html', data: fixture('r2021-table4-error.html') },
      await c.csrf('/console/reports/check'),
    );
    assert.equal(bad.statusCode, 200);
    assert.match(bad.body, /<strong>有误<\/strong> 有误：发现 2 处不一致。/);
    assert.match(bad.body, /表四“行政复议”的“总计”应为 11（结果维持、结果纠正、其他结果、尚未审结之和），实为 0。/);
    assert.match(bad.body, /复议后起诉/);

    const good = await upload(
      c,
      { name: 'r2019.html', data: fixture('r2019.html') },
      await c.csrf('/console/reports/check'),
    );
    assert.match(good.body, /<strong>一致<\/strong> 一致：表三、表四的勾稽关系全部成立/);
    assert.match(good.body, /2019年格式/);

    const junk = await upload(
      c,
      { name: 'x.pdf', data: Buffer.from('%PDF-1.4') },
      await c.csrf('/console/reports/check'),
    );
    assert.equal(junk.statusCode, 200);
    assert.match(junk.body, /<strong>无法判断<\/strong> 无法判断：PDF 文件已损坏，无法读取。/);

    const none = await upload(c, null, await c.csrf('/console/reports/check'));
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /请选择要检查的报告文件/);
  });

  it('several files at once: a summary table, or one CSV', async () => {
    const root = await makeOrg(h.db());
    const u = await makeUser(h.db(), [['supervisor', root]]);
    const c = h.client();
    await c.login(u.username);
    const send = async (output: 'page' | 'csv' | 'xlsx', extra: Array<[string, Buffer]> = []) => {
      const b = '----gkmulti';
      const file = (name: string, data: Buffer) => [
        Buffer.from(
          `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/html\r\n\r\n`,
        ),
        data,
        Buffer.from('\r\n'),
      ];
      const parts = [
        Buffer.from(
          `--${b}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${await c.csrf('/console/reports/check')}\r\n`,
        ),
        Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="output"\r\n\r\n${output}\r\n`),
        ...file('a.html', fixture('r2019.html')),
        ...file('b.html', fixture('r2021-table4-error.html')),
        ...file('c.pdf', Buffer.from('%PDF-1.4')),
        ...extra.flatMap(([name, data]) => file(name, data)),
        Buffer.from(`--${b}--\r\n`),
      ];
      const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      return c.app.inject({
        method: 'POST',
        url: '/console/reports/check',
        payload: Buffer.concat(parts),
        headers: { 'content-type': `multipart/form-data; boundary=${b}`, cookie },
      });
    };
    const page = await send('page');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /检查结果汇总（3 份）/);
    assert.match(page.body, /一致 1 份，有误 1 份，无法判断 1 份。/);
    assert.match(page.body, /<td>b\.html<\/td><td>某区人民政府<\/td><td>2025<\/td><td>有误<\/td>/);
    const csv = await send('csv');
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    assert.deepEqual(
      lines.map((l) => l.split(',').slice(0, 5).join(',')),
      [
        '文件,单位,年度,格式,结论',
        'a.html,某市交通运输局,2019,2019年格式,一致',
        'b.html,某区人民政府,2025,2021年格式,有误',
        'b.html,某区人民政府,2025,2021年格式,有误',
        'c.pdf,,,,无法判断',
      ],
    );
    const xlsx = await send('xlsx');
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
  });

  it('a ZIP of a jurisdiction’s reports gives one verdict table with the cross-year identity applied', async () => {
    const JSZip = (await import('jszip')).default;
    const root = await makeOrg(h.db());
    const u = await makeUser(h.db(), [['supervisor', root]]);
    const c = h.client();
    await c.login(u.username);
    const zip = new JSZip();
    zip.file('洪泽区/2023.pdf', fixture('gov-reports/r03.pdf'));
    zip.file('洪泽区/2024.txt', fixture('gov-reports/r04.txt'));
    zip.file('说明.doc', Buffer.from('not a report'));
    const res = await upload(
      c,
      { name: 'reports.zip', data: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }) },
      await c.csrf('/console/reports/check'),
    );
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /检查结果汇总（2 份）/);
    assert.match(
      res.body,
      /<td>reports\.zip\/洪泽区\/2023\.pdf<\/td><td>洪泽区人民政府<\/td><td>2023<\/td><td>有误<\/td>/,
    );
    assert.match(
      res.body,
      /<td>reports\.zip\/洪泽区\/2024\.txt<\/td><td>淮安市洪泽区人民政府<\/td><td>2024<\/td><td>一致<\/td><td>[^<]*已与上年报告 2023\.pdf（2023年）核对/,
    );
  });

  it('refuses an upload without the CSRF token, and anonymous visitors', async () => {
    const root = await makeOrg(h.db());
    const u = await makeUser(h.db(), [['supervisor', root]]);
    const c = h.client();
    await c.login(u.username);
    await c.get('/console/reports/check');
    const res = await upload(c, { name: 'a.html', data: fixture('r2019.html') }, 'forged');
    assert.equal(res.statusCode, 403);
    assert.doesNotMatch(res.body, /勾稽关系/);
    const anon = await h.client().get('/console/reports/check');
    assert.equal(anon.statusCode, 303);
  });
});

describeApp('annual report checker (API)', (h) => {
  it('POST /api/v1/reports/check with a bearer token returns the violations as JSON; anonymous calls are refused', async () => {
    const { createToken } = await import('../../orgs/api-tokens.js');
    const root = await makeOrg(h.db());
    const u = await makeUser(h.db(), [['supervisor', root]]);
    const { token } = await createToken(h.ctx(u.actor), { name: '检查', roles: ['supervisor'] });
    const b = '----gkapi';
    const body = Buffer.concat([
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="r.html"\r\nContent-Type: text/html\r\n\r\n`,
      ),
      fixture('r2021-table4-error.html'),
      Buffer.from(`\r\n--${b}--\r\n`),
    ]);
    const headers = { 'content-type': `multipart/form-data; boundary=${b}` };
    const res = await h.app().inject({
      method: 'POST',
      url: '/api/v1/reports/check',
      payload: body,
      headers: { ...headers, authorization: `Bearer ${token}` },
    });
    assert.equal(res.statusCode, 200, res.body);
    const j = res.json() as {
      verdict: string;
      verdictName: string;
      violations: Array<{ row: string; expected: number; actual: number }>;
    };
    assert.equal(j.verdict, 'inconsistent');
    assert.equal(j.verdictName, '有误');
    assert.deepEqual(
      j.violations.map((v) => [v.row, v.expected, v.actual]),
      [
        ['行政复议', 11, 0],
        ['复议后起诉', 5, 0],
      ],
    );
    const anon = await h.app().inject({ method: 'POST', url: '/api/v1/reports/check', payload: body, headers });
    assert.ok([401, 403].includes(anon.statusCode), String(anon.statusCode));
  });
});
