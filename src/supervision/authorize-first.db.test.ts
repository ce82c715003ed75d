import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import { systemActor, type Ctx } from '../platform/context.js';
import { createReport, reviewReport, updateReport } from '../reports/index.js';
import { createTask } from './create-task.js';
import { reportTask } from './report-task.js';
import { updateTask } from './update-task.js';

/** Issue 16 item 8 in the report and task use-cases: invalid fields by someone without the right get 403 first. */
describeDb('report and task commands authorize before validating', (h) => {
  it('another agency’s staff get 403, not field errors; those with the right get the errors', async () => {
    const root = await makeOrg(h.db());
    const edu = await makeOrg(h.db(), { parent: root, name: '某县教育局' });
    const fin = await makeOrg(h.db(), { parent: root, name: '某县财政局' });
    const sys = h.ctx(systemActor('test'));
    const report = (await createReport(sys, { orgId: edu.id, year: 2025 })).id;
    const task = (
      await createTask(sys, {
        jurisdictionOrgId: root.id,
        year: 2026,
        category: '政策解读',
        content: '出台文件同步解读',
        responsibleOrgId: edu.id,
        deadline: '2026-12-31',
        evidenceRequired: '解读链接',
      })
    ).id;
    const bad = { year: 'x', category: '', content: '', responsibleOrgId: null, deadline: '', evidenceRequired: '' };
    const commands: Record<string, (ctx: Ctx) => Promise<unknown>> = {
      updateReport: (ctx) => updateReport(ctx, { id: report, overview: 'x'.repeat(20_001) }),
      reviewReport: (ctx) => reviewReport(ctx, { id: report, decision: 'return' }),
      reportTask: (ctx) => reportTask(ctx, task, { progress: '', links: '' }),
      updateTask: (ctx) => updateTask(ctx, task, bad),
      createTask: (ctx) => createTask(ctx, { ...bad, jurisdictionOrgId: edu.id }),
    };
    const outsider = await makeUser(h.db(), [
      ['agency_admin', fin],
      ['supervisor', fin],
      ['editor', fin],
    ]);
    const wrong: string[] = [];
    for (const [name, run] of Object.entries(commands)) {
      const kind = await run(h.ctx(outsider.actor)).then(
        () => 'done',
        (e: { kind?: string }) => e.kind ?? String(e),
      );
      if (kind !== 'forbidden') wrong.push(`${name}: ${kind}`);
    }
    assert.deepEqual(wrong, []);
    const supervisor = await makeUser(h.db(), [['supervisor', root]]);
    for (const name of ['updateReport', 'reviewReport', 'updateTask', 'createTask'])
      assert.equal(
        await commands[name]!(h.ctx(supervisor.actor)).catch((e: { kind: string }) => e.kind),
        'invalid',
        name,
      );
    const eduAdmin = await makeUser(h.db(), [['agency_admin', edu]]);
    assert.equal(await commands.reportTask!(h.ctx(eduAdmin.actor)).catch((e: { kind: string }) => e.kind), 'invalid');
  });
});
