import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp, type Client } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import type { OrgRow } from '../../orgs/orgs.store.js';
import { randomBytes } from 'node:crypto';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** Posts the message form as multipart with files, through the client's cookie jar and CSRF token. */
async function postMultipart(c: Client, fields: Record<string, string>, files: Array<{ name: string; data: Buffer }>) {
  const csrf = await c.csrf('/hd/messages/new');
  const b = `----gk${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries({ _csrf: csrf, ...fields }))
    parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="attachments"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
    );
    parts.push(f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${b}--\r\n`));
  const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return c.app.inject({
    method: 'POST',
    url: '/hd/messages/new',
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${b}`, cookie },
  });
}

describeApp('互动交流 attachments over HTTP', (h) => {
  let org: OrgRow;
  let handler: { username: string };
  let supervisor: { username: string };
  before(async () => {
    const county = await makeOrg(h.db(), { name: '某县人民政府' });
    org = await makeOrg(h.db(), { parent: county, name: '县城市管理局' });
    handler = await makeUser(h.db(), [['message_handler', org]]);
    supervisor = await makeUser(h.db(), [['supervisor', county]]);
  });
  const fields = () => ({
    orgId: String(org.id),
    type: 'complaint',
    subject: '占道经营',
    content: '路口长期占道经营。',
    name: '赵六',
    phone: '13600001111',
  });

  it('a forged file is refused and nothing is saved; a real image is kept for the handlers only', async () => {
    const c = h.client();
    const bad = await postMultipart(c, fields(), [{ name: '照片.png', data: Buffer.from('这不是图片') }]);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /类型不受支持/);
    assert.equal(
      Number(
        (
          await h
            .db()
            .selectFrom('messages')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      0,
    );

    const ok = await postMultipart(c, fields(), [{ name: '现场照片.png', data: PNG }]);
    assert.equal(ok.statusCode, 200);
    const no = /data-testid="message-no">([^<]+)</.exec(ok.body)?.[1] ?? '';
    const m = await h.db().selectFrom('messages').select('id').where('message_no', '=', no).executeTakeFirstOrThrow();

    const s = h.client();
    await s.login(supervisor.username);
    const page = await s.get(`/console/messages/${m.id}`);
    assert.match(page.body, /现场照片.png/);
    assert.doesNotMatch(page.body, /attachments\/\d+"/);

    const hc = h.client();
    await hc.login(handler.username);
    const hp = await hc.get(`/console/messages/${m.id}`);
    const link = /href="(\/console\/messages\/\d+\/attachments\/\d+)"/.exec(hp.body)?.[1] ?? '';
    assert.ok(link);
    const dl = await hc.get(link);
    assert.equal(dl.statusCode, 200);
    assert.equal(dl.headers['content-type'], 'image/png');
    assert.deepEqual(dl.rawPayload, PNG);
    assert.equal((await s.get(link)).statusCode, 403);
    const audit = await h
      .db()
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'message.submit')
      .executeTakeFirstOrThrow();
    assert.match(audit.summary, /附件 1 个/);
  });
});
