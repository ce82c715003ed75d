import { it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeApp } from '../../../test/helpers/http.js';
import { buildApp } from '../../app/build-app.js';

/** Issue 16 item 11: rate limits count in the database, so two nodes (or workers) share one limit. */
describeApp('rate limits across nodes', (h) => {
  it('look-ups from one address through two nodes on one database hit the limit together', async () => {
    const second: FastifyInstance = await buildApp(h.config, h.database());
    await second.ready();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const app = i % 2 ? second : h.app();
        const res = await app.inject({
          method: 'POST',
          url: '/hd/messages/status',
          remoteAddress: '10.77.0.1',
          payload: 'messageNo=LY1&queryCode=x',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': 'none' },
        });
        statuses.push(res.statusCode);
      }
      const limited = statuses.filter((s) => s === 429).length;
      assert.equal(limited, 12 - h.config.limits.lookupsPerMinute, `statuses: ${statuses.join(',')}`);
      // Another address and another route count apart.
      const other = await second.inject({
        method: 'POST',
        url: '/hd/messages/status',
        remoteAddress: '10.77.0.2',
        payload: 'messageNo=LY1&queryCode=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.notEqual(other.statusCode, 429);
      const form = await second.inject({
        method: 'POST',
        url: '/hd/messages/new',
        remoteAddress: '10.77.0.1',
        payload: 'subject=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.notEqual(form.statusCode, 429);
    } finally {
      await second.close();
    }
  });
});
