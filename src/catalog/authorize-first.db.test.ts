import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import { addItem } from '../../test/helpers/report-records.js';
import type { Ctx } from '../platform/context.js';
import { updateItem } from './update-item.js';
import { correctItem } from './correct-item.js';
import { setValidity } from './set-validity.js';
import { addAttachment } from './add-attachment.js';
import { linkInterpretation } from './link-interpretation.js';
import { setChannels } from './set-channels.js';

/** Issue 16 item 8 in the catalogue's use-cases: invalid fields by someone without the right on the item get 403 first. */
const COMMANDS: Record<string, (ctx: Ctx, id: number) => Promise<unknown>> = {
  edit: (ctx, id) => updateItem(ctx, id, {} as never),
  correct: (ctx, id) => correctItem(ctx, { id } as never),
  validity: (ctx, id) => setValidity(ctx, { id } as never),
  attachment: (ctx, id) => addAttachment(ctx, { itemId: id, filename: 'x.exe', data: Buffer.from('MZ') }),
  link: (ctx, id) => linkInterpretation(ctx, { interpretationId: id, documentId: id }),
  channels: (ctx, id) => setChannels(ctx, { itemId: id, channels: ['不存在的渠道'] }),
};

describeDb('catalogue commands authorize before validating', (h) => {
  it('another agency’s editor and roles without the right get 403, not field errors; the editor gets the errors', async () => {
    const root = await makeOrg(h.db());
    const edu = await makeOrg(h.db(), { parent: root, name: '某县教育局' });
    const fin = await makeOrg(h.db(), { parent: root, name: '某县财政局' });
    const id = await addItem(h.db(), edu, { title: '教育局文件', published: '2026-11-01', status: 'published' });
    const users = {
      outsider: await makeUser(h.db(), [['editor', fin]]),
      messages: await makeUser(h.db(), [['message_handler', edu]]),
      requests: await makeUser(h.db(), [['request_admin', edu]]),
    };
    const wrong: string[] = [];
    for (const [name, run] of Object.entries(COMMANDS))
      for (const [who, u] of Object.entries(users)) {
        const kind = await run(h.ctx(u.actor), id).then(
          () => 'done',
          (e: { kind?: string }) => e.kind ?? String(e),
        );
        if (kind !== 'forbidden') wrong.push(`${name} by ${who}: ${kind}`);
      }
    assert.deepEqual(wrong, []);
    const editor = await makeUser(h.db(), [['editor', edu]]);
    const got = await setChannels(h.ctx(editor.actor), { itemId: id, channels: ['不存在的渠道'] }).catch(
      (e: { kind: string }) => e.kind,
    );
    assert.equal(got, 'invalid');
  });
});
