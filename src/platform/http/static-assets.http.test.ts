import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { IMMUTABLE } from './static-assets.js';

describeApp('versioned static files', (h) => {
  it('pages link the stylesheet and script by content version, and that URL may be cached for a year', async () => {
    const c = h.client();
    const page = (await c.get('/')).body;
    const css = /<link rel="stylesheet" href="(\/static\/css\/site\.css\?v=([0-9a-f]{12}))"/.exec(page);
    const js = /<script src="(\/static\/js\/app\.js\?v=[0-9a-f]{12})"/.exec(page);
    assert.ok(css && js, 'versioned links on the home page');
    const res = await c.get(css[1]);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/css/);
    assert.equal(res.headers['cache-control'], IMMUTABLE);
    assert.equal((await c.get(js[1])).headers['cache-control'], IMMUTABLE);
    // An old or made-up version, or none, is revalidated like any file.
    for (const url of ['/static/css/site.css?v=000000000000', '/static/css/site.css']) {
      const r = await c.get(url);
      assert.equal(r.statusCode, 200);
      assert.notEqual(r.headers['cache-control'], IMMUTABLE, url);
    }
  });
});
