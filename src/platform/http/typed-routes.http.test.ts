import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { routeTable } from './server.js';

/**
 * Typed doors (issue 21), checked on the composed app's route table: every route with a path parameter
 * declares its params schema, and every state-changing route declares its body schema unless it reads a
 * multipart upload with the streaming reader or is a button that sends nothing but the CSRF token (listed
 * here, so a new route without a schema fails).
 */
const NO_FIELDS = new Set([
  'DELETE /api/v1/requests/:id/departments/:orgId',
  'DELETE /api/v1/requests/letter-templates/:orgId/:code',
  'POST /console/logout',
  'POST /console/account/logout-all',
  'POST /console/account/tokens/:id/revoke',
  'POST /console/notices/read',
  'POST /console/catalog/categories/:id/delete',
  'POST /console/items/:id/submit',
  'POST /console/items/:id/attachments/:attId/delete',
  'POST /console/items/:id/links/:docId/delete',
  'POST /console/orgs/:id/disable',
  'POST /console/orgs/:id/enable',
  'POST /console/users/:id/disable',
  'POST /console/users/:id/enable',
  'POST /console/users/:id/reset-password',
  'POST /console/users/:id/grants/:grantId/revoke',
  'POST /console/reports/:id/submit',
  'POST /console/reports/:id/publish',
  'POST /console/requests/:id/close-abandoned',
  'POST /console/requests/:id/release/approve',
  'POST /console/requests/:id/release/to-item',
  'POST /console/requests/letter-templates/:code/reset',
  'POST /console/requests/settings/retention-clear',
  'POST /console/supervision/checks/:orgId/run',
]);

describeApp('typed doors: every route declares its input', (h) => {
  it('path parameters and bodies are declared by schemas', () => {
    const routes = routeTable(h.app()).filter((r) => !r.url.startsWith('/static/'));
    assert.ok(routes.length > 200, `${routes.length} routes`);
    const missing: string[] = [];
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      if (r.url.includes(':') && !r.schema.params) missing.push(`${key}: params`);
      if (r.method !== 'GET' && !r.schema.body && !r.upload && !NO_FIELDS.has(key)) missing.push(`${key}: body`);
    }
    assert.deepEqual(missing, []);
    // The list names only routes that exist and still have no body.
    const stale = [...NO_FIELDS].filter(
      (k) => !routes.some((r) => `${r.method} ${r.url}` === k && !r.schema.body && !r.upload),
    );
    assert.deepEqual(stale, []);
  });
});
