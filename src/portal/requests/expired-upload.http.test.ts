import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describeApp, type Client } from '../../../test/helpers/http.js';
import { makeOrg } from '../../../test/helpers/factories.js';
import { citizenForm } from '../../../test/helpers/request-form.js';
import type { OrgRow } from '../../orgs/orgs.store.js';

// The app's clock: 2025-09-26 10:00 Beijing time.
const NOW = new Date('2025-09-26T02:00:00Z');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const DESCRIPTION = '请公开本小区2024年规划许可证及其附图，用于核对绿地面积。<i>原样保留</i>';

type Part = [string, string] | { field: string; name: string; data: Buffer };

/** A multipart body in the order a browser sends the form's parts (here a file before the last text field). */
function multipartBody(parts: Part[]): { payload: Buffer; type: string } {
  const b = `----gk${randomBytes(8).toString('hex')}`;
  const out: Buffer[] = [];
  for (const p of parts) {
    if (Array.isArray(p))
      out.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${p[0]}"\r\n\r\n${p[1]}\r\n`));
    else
      out.push(
        Buffer.from(
          `--${b}\r\nContent-Disposition: form-data; name="${p.field}"; filename="${p.name}"\r\nContent-Type: image/png\r\n\r\n`,
        ),
        p.data,
        Buffer.from('\r\n'),
      );
  }
  out.push(Buffer.from(`--${b}--\r\n`));
  return { payload: Buffer.concat(out), type: `multipart/form-data; boundary=${b}` };
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describeApp(
  'an expired application form with an identity proof keeps its text and asks for the file again',
  (h) => {
    let org: OrgRow;
    before(async () => {
      org = await makeOrg(h.db(), { parent: await makeOrg(h.db()), name: '县住房和城乡建设局' });
    });

    const post = (c: Client, parts: Part[], site: string) => {
      const { payload, type } = multipartBody(parts);
      const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      return h.app().inject({
        method: 'POST',
        url: '/ysqgk',
        payload,
        headers: { 'content-type': type, cookie, origin: 'null', 'sec-fetch-site': site },
      });
    };
    const fields = (): Part[] => [
      ...Object.entries({ ...citizenForm, orgId: String(org.id), confirmed: '1' }),
      { field: 'idProof', name: 'id-card.png', data: PNG },
      ['infoDescription', DESCRIPTION],
    ];

    it('same site: every field is kept (those after the file too), the file is named and chosen again, nothing saved', async () => {
      const c = h.client();
      await c.get('/ysqgk');
      const res = await post(c, [['_csrf', 'expired-token'], ...fields()], 'same-origin');
      assert.equal(res.statusCode, 403);
      assert.match(res.body, /<h1>页面已过期<\/h1>/);
      // Kept fields are listed by their labels; a choice from the agency list is not shown as a number.
      assert.match(res.body, /<dt>所需信息的内容描述<\/dt><dd class="kept">请公开本小区2024年规划许可证/);
      assert.match(res.body, /<dt>所需信息的名称<\/dt><dd class="kept">某项目环评报告<\/dd>/);
      assert.doesNotMatch(res.body, /<dt>infoDescription<\/dt>/);
      assert.match(res.body, /您选择的文件无法保留：id-card\.png/);
      const form = /<form[^>]*data-testid="resubmit"[^>]*>([\s\S]*?)<\/form>/.exec(res.body);
      assert.match(form?.[0] ?? '', /enctype="multipart\/form-data"/);
      assert.match(form?.[1] ?? '', /<input type="file" id="reselect-0" name="idProof" multiple/);
      assert.equal((await h.db().selectFrom('requests').select('id').execute()).length, 0);
      const uploads = path.join(h.config.dataDir, 'tmp', 'uploads');
      assert.deepEqual(existsSync(uploads) ? readdirSync(uploads) : [], [], 'the dropped file was never stored');

      // 重新提交 with the file chosen again: the page's fields in its order, then the file.
      for (const ck of res.cookies as Array<{ name: string; value: string }>) c.cookies.set(ck.name, ck.value);
      const again: Array<[string, string]> = [
        ...(form?.[1] ?? '').matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g),
      ].map((m) => [m[1] ?? '', unescape(m[2] ?? '')]);
      assert.notEqual(again.find(([k]) => k === '_csrf')?.[1], 'expired-token');
      const ok = await post(c, [...again, { field: 'idProof', name: 'id-card.png', data: PNG }], 'same-origin');
      assert.equal(ok.statusCode, 200, ok.body.slice(0, 400));
      const saved = await h.db().selectFrom('requests').select(['info_description']).executeTakeFirstOrThrow();
      assert.equal(saved.info_description, DESCRIPTION);
      const proofs = await h.db().selectFrom('request_id_proofs').select('filename').execute();
      assert.deepEqual(
        proofs.map((p) => p.filename),
        ['id-card.png'],
      );
    });

    it('another site: refused at the first file, nothing echoed back', async () => {
      const c = h.client();
      await c.get('/ysqgk');
      const res = await post(c, [['_csrf', 'expired-token'], ...fields()], 'cross-site');
      assert.equal(res.statusCode, 403);
      assert.match(res.body, /表单已过期或来源无效/);
      assert.doesNotMatch(res.body, /data-testid="resubmit"|id-card\.png|某项目环评报告/);
    });
  },
  { now: () => NOW },
);
