import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg } from '../../../test/helpers/factories.js';
import { jsonTextDepth, MAX_JSON_DEPTH } from './body-parsers.js';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const nestedObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

it('measures the depth of a JSON text without parsing it', () => {
  assert.equal(jsonTextDepth('1'), 0);
  assert.equal(jsonTextDepth('{"a":"[[[[\\"[[","b":[{}]}'), 3);
  assert.equal(jsonTextDepth(nested(200_000)), 200_000);
});

describeApp('request bodies', (h) => {
  it('public and staff HTML forms accept only form encodings: deeply nested JSON gets 415, not 500', async () => {
    const org = await makeOrg(h.db());
    const c = h.client();
    const csrf = await c.csrf('/ysqgk');
    const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    for (const url of ['/ysqgk', '/hd/messages/new', '/console/login', `/console/orgs/${org.id}`]) {
      for (const payload of [
        nested(100_000),
        nestedObject(50_000),
        JSON.stringify({ _csrf: csrf, content: [[['x']]] }),
      ]) {
        const res = await h.app().inject({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
          payload,
        });
        assert.equal(res.statusCode, 415, `${url}: ${res.body.slice(0, 200)}`);
        assert.match(res.body, /只接受表单提交/);
      }
      const plain = await h
        .app()
        .inject({ method: 'POST', url, headers: { 'content-type': 'text/plain', cookie }, payload: 'a=b' });
      assert.equal(plain.statusCode, 415, url);
    }
  });

  it('the JSON API refuses bodies nested deeper than the limit with a Chinese message', async () => {
    for (const payload of [nested(100_000), nestedObject(MAX_JSON_DEPTH + 1)]) {
      const res = await h
        .app()
        .inject({ method: 'POST', url: '/api/v1/items', headers: { 'content-type': 'application/json' }, payload });
      assert.equal(res.statusCode, 400, res.body.slice(0, 200));
      assert.equal(
        (res.json() as { errors: Array<{ code: string; message: string }> }).errors[0].code,
        'json_too_deep',
      );
    }
    const broken = await h.app().inject({
      method: 'POST',
      url: '/api/v1/items',
      headers: { 'content-type': 'application/json' },
      payload: '{"a":',
    });
    assert.equal(broken.statusCode, 400);
    assert.match(broken.body, /不是有效的 JSON/);
  });
});
