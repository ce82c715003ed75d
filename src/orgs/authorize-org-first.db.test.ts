import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import type { Ctx } from '../platform/context.js';
import { createOrg } from './create-org.js';
import { createItem, setIndexPattern } from '../catalog/index.js';
import { registerRequest, setCohandlingDays, setReleaseDays } from '../requests/index.js';
import { createReport } from '../reports/index.js';

/**
 * Issue 16 item 8: forms about an organisation named in their fields (`authorizeOrgFirst`) refuse a user without
 * the right on it (403) before any field is checked; a user with the right gets the field errors.
 */
describeDb('forms about an organisation authorize before validating', (h) => {
  it('another agency’s staff get 403, not field errors', async () => {
    const root = await makeOrg(h.db());
    const edu = await makeOrg(h.db(), { parent: root, name: '某县教育局' });
    const fin = await makeOrg(h.db(), { parent: root, name: '某县财政局' });
    const commands: Record<string, (ctx: Ctx) => Promise<unknown>> = {
      createOrg: (ctx) => createOrg(ctx, { parentId: edu.id, kind: 'section', name: '' } as never),
      createItem: (ctx) => createItem(ctx, { orgId: edu.id } as never),
      indexPattern: (ctx) => setIndexPattern(ctx, { orgId: edu.id, pattern: '' }),
      cohandlingDays: (ctx) => setCohandlingDays(ctx, { orgId: edu.id, days: 'x' }),
      releaseDays: (ctx) => setReleaseDays(ctx, { orgId: edu.id, days: 'x' }),
      registerRequest: (ctx) => registerRequest(ctx, { orgId: edu.id } as never),
      createReport: (ctx) => createReport(ctx, { orgId: edu.id, year: 1900 }),
    };
    const outsider = await makeUser(
      h.db(),
      ['agency_admin', 'editor', 'request_admin', 'request_handler'].map((r) => [r, fin] as [string, typeof fin]),
    );
    const insider = await makeUser(
      h.db(),
      ['agency_admin', 'editor', 'request_admin', 'request_handler'].map((r) => [r, edu] as [string, typeof edu]),
    );
    const got = async (u: { actor: Ctx['actor'] }) => {
      const out: Record<string, string> = {};
      for (const [name, run] of Object.entries(commands))
        out[name] = await run(h.ctx(u.actor)).then(
          () => 'done',
          (e: { kind?: string }) => e.kind ?? String(e),
        );
      return out;
    };
    const all = (kind: string) => Object.fromEntries(Object.keys(commands).map((k) => [k, kind]));
    assert.deepEqual(await got(outsider), all('forbidden'));
    assert.deepEqual(await got(insider), all('invalid'));
  });
});
