// GONGKAI_ACCESS_LOG: Fastify's per-request log lines on or off; an unhandled error is logged either way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const PROBE = path.join(import.meta.dirname, '../../../test/helpers/access-log-probe.ts');

/** The JSON log lines the application writes for three requests (a page, a missing page, a failure). */
function logLines(accessLog: 'on' | 'off'): Array<{ msg?: string; level?: number; reqId?: string }> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', PROBE], {
    env: { ...process.env, GONGKAI_ACCESS_LOG: accessLog },
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { msg?: string; level?: number });
}

test('the access log: two lines per request by default, none with GONGKAI_ACCESS_LOG=off; errors always', () => {
  const on = logLines('on');
  assert.equal(on.filter((l) => l.msg === 'incoming request').length, 3);
  assert.equal(on.filter((l) => l.msg === 'request completed').length, 3);
  const off = logLines('off');
  assert.equal(off.filter((l) => l.msg === 'incoming request' || l.msg === 'request completed').length, 0);
  for (const lines of [on, off])
    assert.equal(lines.filter((l) => l.msg === 'unhandled error' && l.level === 50).length, 1, JSON.stringify(lines));
});
