import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { describeApp, type Client } from '../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import { docxBomb, xlsxBomb } from '../../test/helpers/zip-bombs.js';
import { TEST_NOW } from '../../test/helpers/clock.js';
import { createItem } from '../catalog/create-item.js';
import { createToken } from '../orgs/api-tokens.js';

/** A multipart post with the given file fields and text fields. */
async function post(
  c: Client,
  url: string,
  files: Record<string, { name: string; data: Buffer }>,
  fields: Record<string, string>,
  auth?: string,
): Promise<LightMyRequestResponse> {
  const b = `----gk${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  for (const [field, f] of Object.entries(files))
    parts.push(
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="${field}"; filename="${encodeURIComponent(f.name)}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${b}--\r\n`));
  const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${b}` };
  if (auth) headers.authorization = auth;
  else headers.cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return c.app.inject({ method: 'POST', url, payload: Buffer.concat(parts), headers });
}

const rssMb = () => process.memoryUsage().rss / 2 ** 20;

/** Issue 16 item 2: every place that opens an uploaded archive refuses zip bombs before expanding them. */
describeApp('zip bombs are refused everywhere an archive is opened', (h) => {
  let xlsx: Buffer;
  let docx: Buffer;
  let lying: Buffer;
  before(async () => {
    xlsx = await xlsxBomb(40);
    docx = await docxBomb(40);
    lying = await xlsxBomb(40, 4096); // the directory claims 4 KB
  });

  it('catalogue: DOCX body import, attachments (text extraction) and the import of items and their ZIP', async () => {
    const org = await makeOrg(h.db());
    const editor = await makeUser(h.db(), [
      ['editor', org],
      ['agency_admin', org],
    ]);
    const { id } = await createItem(h.ctx(editor.actor), {
      orgId: org.id,
      title: '炸弹测试',
      bodyHtml: '<p>正文</p>',
      genre: '通知',
      disclosureMode: '主动公开',
      createdOn: TEST_NOW.slice(0, 10),
    });
    const c = h.client();
    await c.login(editor.username);
    const page = `/console/items/${id}`;
    const body = await post(
      c,
      `${page}/docx`,
      { file: { name: '正文.docx', data: docx } },
      { _csrf: await c.csrf(page) },
    );
    assert.equal(body.statusCode, 400);
    assert.match(body.body, /压缩比异常|疑似压缩炸弹/);
    for (const data of [xlsx, lying]) {
      const att = await post(
        c,
        `${page}/attachments`,
        { file: { name: '数据.xlsx', data } },
        { _csrf: await c.csrf(page) },
      );
      assert.equal(att.statusCode, 400, att.body.slice(0, 300));
      assert.match(att.body, /压缩炸弹|拒绝解压/);
    }
    assert.equal(
      (await h.db().selectFrom('item_attachments').selectAll().where('item_id', '=', id).execute()).length,
      0,
      'nothing stored',
    );
    const imp = await post(
      c,
      '/console/items/import',
      { file: { name: '目录.xlsx', data: xlsx } },
      { _csrf: await c.csrf('/console/items/import'), orgId: String(org.id), mode: 'dry' },
    );
    assert.equal(imp.statusCode, 400);
    assert.match(imp.body, /拒绝解压/);
    const csv = Buffer.from('名称,发布日期\n测试,2026-11-01\n');
    const zip = await post(
      c,
      '/console/items/import',
      { file: { name: '目录.csv', data: csv }, zip: { name: '附件.zip', data: lying } },
      { _csrf: await c.csrf('/console/items/import'), orgId: String(org.id), mode: 'dry' },
    );
    assert.equal(zip.statusCode, 400);
    assert.match(zip.body, /拒绝解压/);
  });

  it('the report checker (console and API) says why and stays small in memory', async () => {
    const org = await makeOrg(h.db());
    const editor = await makeUser(h.db(), [['editor', org]]);
    const c = h.client();
    await c.login(editor.username);
    const form = await post(
      c,
      '/console/reports/check',
      { file: { name: '年报.xlsx', data: xlsx } },
      { _csrf: await c.csrf('/console/reports/check') },
    );
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /无法判断/);
    assert.match(form.body, /疑似压缩炸弹|拒绝解压/);
    const { token } = await createToken(h.ctx(editor.actor), { name: '检查', roles: ['editor'] });
    // Memory: a 150 KB file that expands to 150 MiB of XML (the attack took the process to 1.9 GB).
    const big = await xlsxBomb(150);
    const bigLying = await xlsxBomb(150, 4096);
    global.gc?.();
    const before = rssMb();
    let peak = before;
    for (const data of [big, bigLying, big]) {
      const res = await post(c, '/api/v1/reports/check', { file: { name: '年报.xlsx', data } }, {}, `Bearer ${token}`);
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      const r = res.json() as { verdict: string; missing: string[]; notes: string[] };
      assert.equal(r.verdict, 'undetermined');
      assert.match(JSON.stringify(r), /拒绝解压/);
      peak = Math.max(peak, rssMb());
    }
    // A generous bound: one entry may be inflated (capped at its declared size) to prove it, never the whole.
    assert.ok(peak - before < 200, `resident memory grew by ${Math.round(peak - before)} MiB`);
  });
});
