import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import { publicActor, type Ctx } from '../platform/context.js';
import { submitMessage } from './submit-message.js';
import { replyMessage } from './reply-message.js';
import { moderateMessage } from './moderate-message.js';
import { transferMessage } from './transfer-message.js';
import { registerMessage } from './register-message.js';
import { openCommentPeriod } from './open-comment-period.js';

/** Issue 16 item 8 in the interaction use-cases: empty fields by someone without the right get 403 first. */
describeDb('message commands authorize before validating', (h) => {
  it('another agency’s handler and roles without the right get 403, not field errors; the handler gets the errors', async () => {
    const root = await makeOrg(h.db());
    const edu = await makeOrg(h.db(), { parent: root, name: '某县教育局' });
    const fin = await makeOrg(h.db(), { parent: root, name: '某县财政局' });
    const { id } = await submitMessage(h.ctx(publicActor('127.0.0.1')), {
      orgId: edu.id,
      type: 'complaint',
      subject: '河道垃圾',
      content: '河道垃圾堆积。',
      name: '张三丰',
      phone: '13812345678',
      publishConsent: true,
    });
    const commands: Record<string, (ctx: Ctx) => Promise<unknown>> = {
      reply: (ctx) => replyMessage(ctx, { messageId: id } as never),
      moderate: (ctx) => moderateMessage(ctx, { messageId: id }),
      transfer: (ctx) => transferMessage(ctx, { messageId: id } as never),
      register: (ctx) => registerMessage(ctx, { orgId: edu.id }),
      period: (ctx) => openCommentPeriod(ctx, { orgId: edu.id }),
    };
    const users = {
      outsider: await makeUser(h.db(), [['message_handler', fin]]),
      editor: await makeUser(h.db(), [['editor', edu]]),
    };
    const wrong: string[] = [];
    for (const [name, run] of Object.entries(commands))
      for (const [who, u] of Object.entries(users)) {
        const kind = await run(h.ctx(u.actor)).then(
          () => 'done',
          (e: { kind?: string }) => e.kind ?? String(e),
        );
        if (kind !== 'forbidden') wrong.push(`${name} by ${who}: ${kind}`);
      }
    assert.deepEqual(wrong, []);
    const handler = await makeUser(h.db(), [['message_handler', edu]]);
    for (const name of ['reply', 'transfer', 'register', 'period'])
      assert.equal(await commands[name]!(h.ctx(handler.actor)).catch((e: { kind: string }) => e.kind), 'invalid', name);
  });
});
