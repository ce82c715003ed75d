import { it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg } from '../../../test/helpers/factories.js';

const MB = 1048576;
const rssMb = () => process.memoryUsage().rss / MB;

/** A multipart body: fields first, then `files` copies of one shared `size`-byte file in field `field`. */
function body(
  fields: Record<string, string>,
  field: string,
  files: number,
  size: number,
): { payload: Buffer; boundary: string } {
  const boundary = `----gk${randomBytes(8).toString('hex')}`;
  const data = Buffer.alloc(size, 0x41);
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  for (let i = 0; i < files; i++)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="f${i}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), boundary };
}

/** Issue 16 item 1: CSRF, login and per-form limits come before any file is read; files stream to disk. */
describeApp('uploads are checked before they are read', (h) => {
  it('four anonymous posts to /ysqgk with three 40 MB files and no token: 403, memory stays flat', async () => {
    await makeOrg(h.db());
    const { payload, boundary } = body({ name: '攻击者' }, 'idProof', 3, 40 * MB);
    const uploads = path.join(h.config.dataDir, 'tmp', 'uploads');
    const before = rssMb();
    let peak = before;
    for (let i = 0; i < 4; i++) {
      const res = await h.app().inject({
        method: 'POST',
        url: '/ysqgk',
        payload,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      assert.equal(res.statusCode, 403);
      assert.match(res.body, /表单已过期或来源无效/);
      peak = Math.max(peak, rssMb());
    }
    // Before the fix every request buffered its 120 MB of files (230 MB → 773 MB in the attack).
    assert.ok(peak - before < 100, `resident memory grew by ${Math.round(peak - before)} MiB`);
    const left = existsSync(uploads) ? readdirSync(uploads).filter((f) => f.startsWith(`${process.pid}-`)) : [];
    assert.deepEqual(left, [], 'no temporary file is left behind');
  });

  it('staff upload forms refuse an anonymous post before reading its file; a form takes at most its number of files', async () => {
    await makeOrg(h.db());
    const { payload, boundary } = body({}, 'file', 1, 5 * MB);
    const anon = await h.app().inject({
      method: 'POST',
      url: '/console/reports/check',
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    assert.equal(anon.statusCode, 303);
    assert.match(String(anon.headers.location), /^\/console\/login/);
    const api = await h.app().inject({
      method: 'POST',
      url: '/api/v1/reports/check',
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    assert.equal(api.statusCode, 401);
    // A citizen's application with more identity-proof files than the form takes is cut off with a Chinese message.
    const c = h.client();
    const csrf = await c.csrf('/ysqgk');
    const many = body({ _csrf: csrf }, 'idProof', 6, 1000);
    const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await h.app().inject({
      method: 'POST',
      url: '/ysqgk',
      payload: many.payload,
      headers: { 'content-type': `multipart/form-data; boundary=${many.boundary}`, cookie },
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /数量过多|最多上传/);
  });
});
