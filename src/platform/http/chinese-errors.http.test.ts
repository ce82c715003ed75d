import { it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { describeApp } from '../../../test/helpers/http.js';

/** Sends raw bytes to a listening server and returns the whole answer. */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => s.write(request));
    let out = '';
    s.setEncoding('utf8');
    s.on('data', (d: string) => (out += d));
    s.on('end', () => resolve(out));
    s.on('error', reject);
  });
}

describeApp('no English reaches a citizen: schema errors and refused requests', (h) => {
  it('API schema errors are Chinese, one per field, naming the field', async () => {
    const msgs = async (url: string) => {
      const r = await h.app().inject({ method: 'GET', url });
      assert.equal(r.statusCode, 400, url);
      return (r.json() as { errors: Array<{ message: string; field?: string }> }).errors.map((e) => [
        e.field,
        e.message,
      ]);
    };
    assert.deepEqual(await msgs('/api/v1/public/search?perPage=abc'), [['perPage', '参数“perPage”应为整数。']]);
    assert.deepEqual(await msgs('/api/v1/public/search?sort=zzz'), [
      ['sort', '参数“sort”的取值无效，可选：relevance、date。'],
    ]);
    assert.deepEqual(await msgs(`/api/v1/public/search?q=${'字'.repeat(201)}`), [['q', '参数“q”不能超过 200 个字。']]);
    const big = await h.app().inject({ method: 'GET', url: '/api/v1/public/search?perPage=500' });
    assert.deepEqual(
      (big.json() as { errors: Array<{ message: string }> }).errors.map((e) => e.message),
      ['参数“perPage”不能大于 50。'],
    );
  });

  it('a URL or headers too long for the server get a Chinese page (431), not an English JSON', async () => {
    const app = h.app();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const longUrl = await raw(port, `GET /search?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    assert.match(longUrl, /^HTTP\/1\.1 431 /);
    assert.match(longUrl, /content-type: text\/html; charset=utf-8/i);
    assert.match(longUrl, /<h1>网址或请求过长<\/h1>/);
    assert.doesNotMatch(longUrl, /"error"|Client Error/);
    // A URL Fastify cannot decode (a lone %, a cut UTF-8 sequence): the same page, not Fastify's English JSON.
    for (const url of ['/%', '/gk/%E0%A4%A']) {
      const bad = await h.app().inject({ method: 'GET', url });
      assert.equal(bad.statusCode, 400, url);
      assert.match(bad.headers['content-type'] as string, /text\/html/);
      assert.match(bad.body, /<h1>请求无效<\/h1>/);
      assert.doesNotMatch(bad.body, /FST_ERR|Bad Request/);
    }
    // A negative number is whole, but not what a count field takes: the message says what may be typed.
    const negative = await h.app().inject({ method: 'GET', url: '/zdly?org=-5' });
    assert.equal(negative.statusCode, 400);
    assert.match(negative.body, /“机构”应为整数，只能填写数字 0–9。/);
    // A public list's page number is forgiven (the first page), as the search page does.
    assert.equal((await h.app().inject({ method: 'GET', url: '/hd/qa?page=-5' })).statusCode, 200);
    const api = await h.app().inject({ method: 'GET', url: '/api/v1/public/items/%' });
    assert.deepEqual(api.json(), { errors: [{ code: 'bad_url', message: '网址无效，无法识别。' }] });
    const garbage = await raw(port, 'NONSENSE\r\n\r\n');
    assert.match(garbage, /^HTTP\/1\.1 400 /);
    assert.match(garbage, /<h1>请求无效<\/h1>/);
  });
});
