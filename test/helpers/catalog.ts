import type { Ctx } from '../../src/platform/context.js';
import type { Db } from '../../src/platform/db/schema.js';
import type { OrgRow } from '../../src/orgs/orgs.store.js';
import { createItem } from '../../src/catalog/create-item.js';
import { submitItem } from '../../src/catalog/submit-item.js';
import { reviewItem } from '../../src/catalog/review-item.js';
import { publishItem } from '../../src/catalog/publish-item.js';
import { makeUser } from './factories.js';

/** Takes an item through the real workflow (editor → 保密审查 → 签发) and returns its id. */
export async function makePublishedItem(
  db: Db,
  ctx: (actor: Ctx['actor']) => Ctx,
  org: OrgRow,
  fields: {
    title: string;
    bodyHtml?: string;
    article20Item?: number;
    genre?: string;
    categoryId?: number;
    writtenOn?: string;
  },
): Promise<number> {
  const editor = await makeUser(db, [['editor', org]]);
  const reviewer = await makeUser(db, [['secrecy_reviewer', org]]);
  const approver = await makeUser(db, [['approver', org]]);
  const { id } = await createItem(ctx(editor.actor), {
    orgId: org.id,
    title: fields.title,
    bodyHtml: fields.bodyHtml ?? `<p>${fields.title}的正文。</p>`,
    genre: fields.genre ?? '通知',
    disclosureMode: '主动公开',
    article20Item: fields.article20Item ?? null,
    categoryId: fields.categoryId ?? null,
    writtenOn: fields.writtenOn ?? '2026-06-01',
    createdOn: fields.writtenOn ?? '2026-06-01',
  });
  await submitItem(ctx(editor.actor), id);
  await reviewItem(ctx(reviewer.actor), { id, decision: 'approve' });
  await publishItem(ctx(approver.actor), { id });
  return id;
}
