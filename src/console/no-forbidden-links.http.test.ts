import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';

/** A console page links only to pages its reader may open (a link that always ends in 403 is a dead end). */
describeApp('console links lead where the reader may go', (h) => {
  it('an agency administrator, a county administrator and a supervisor: every console link of their list pages opens', async () => {
    const county = await makeOrg(h.db(), { name: '某县人民政府' });
    const org = await makeOrg(h.db(), { parent: county, name: '县财政局' });
    const readers = [
      await makeUser(h.db(), [['agency_admin', org]]),
      await makeUser(h.db(), [['agency_admin', county]]),
      await makeUser(h.db(), [['supervisor', county]]),
    ];
    // A website check on record: the dashboard shows its score (a link to the check for supervisors only).
    const s = h.client();
    await s.login(readers[2]!.username);
    const from = { from: `/console/supervision/checks/${org.id}` };
    assert.equal((await s.post(`/console/supervision/checks/${org.id}/run`, {}, from)).statusCode, 303);
    assert.match(
      (await s.get('/console/supervision')).body,
      new RegExp(`href="/console/supervision/checks/${org.id}"`),
    );
    for (const u of readers) {
      const c = h.client();
      await c.login(u.username);
      for (const page of ['/console/requests', '/console/items', '/console/supervision']) {
        const res = await c.get(page);
        if (res.statusCode === 403) continue; // a page the role does not have is not linked from its menu
        assert.equal(res.statusCode, 200, `${u.username} ${page}`);
        const links = new Set(
          [...res.body.matchAll(/<a href="(\/console\/[^"?#]*)[^"]*"/g)]
            .map((m) => m[1]!)
            .filter((l) => !/\.(csv|xlsx|docx)$|export|logout/.test(l)),
        );
        for (const link of links) {
          const to = await c.get(link);
          assert.notEqual(to.statusCode, 403, `${u.username}: ${page} links to ${link}, which is forbidden`);
        }
      }
    }
  });
});
