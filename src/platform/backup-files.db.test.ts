import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freshDatabase, PG_URL, testConfig } from '../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import { onePagePdf } from '../../test/helpers/pdf.js';
import { TEST_NOW } from '../../test/helpers/clock.js';
import { openDatabase, restoreDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { buildApp } from '../app/build-app.js';
import type { Actor, Ctx } from './context.js';
import { createItem } from '../catalog/create-item.js';
import { addAttachment } from '../catalog/add-attachment.js';
import { submitItem } from '../catalog/submit-item.js';
import { reviewItem } from '../catalog/review-item.js';
import { publishItem } from '../catalog/publish-item.js';
import { backupFiles, restoreFiles } from './backup-files.js';
import { verifyAuditLog } from './audit/audit.js';

/** Issue 16 item 11: a backup is the database and the uploaded files; a restore brings an attachment back byte-identical. */
for (const dialect of ['sqlite', 'postgres'] as const) {
  it(
    `backup and restore bring back an attachment that downloads byte-identical [${dialect}]`,
    { skip: dialect === 'postgres' && !PG_URL ? 'GONGKAI_TEST_PG_URL not set' : false },
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'gk-backup-'));
      const config = testConfig({ GONGKAI_DATA_DIR: dir });
      const pg = dialect === 'postgres' ? await freshDatabase('postgres') : null;
      const open = async (): Promise<Database> => {
        const d = pg
          ? openDatabase({ dialect: 'postgres', url: pg.url!, poolSize: 3 })
          : openDatabase({ dialect: 'sqlite', sqliteFile: config.sqliteFile });
        await migrateToLatest(d.db);
        return d;
      };
      let database = pg ? pg.database : await open();
      try {
        const ctx = (actor: Actor): Ctx => ({ db: database.db, actor, now: () => new Date(TEST_NOW), config });
        const org = await makeOrg(database.db, { name: '某县统计局' });
        const [editor, reviewer, approver] = await Promise.all(
          ['editor', 'secrecy_reviewer', 'approver'].map((r) => makeUser(database.db, [[r, org]])),
        );
        const { id } = await createItem(ctx(editor!.actor), {
          orgId: org.id,
          title: '统计公报',
          bodyHtml: '<p>公报</p>',
          genre: '公报',
          disclosureMode: '主动公开',
          createdOn: TEST_NOW.slice(0, 10),
          writtenOn: TEST_NOW.slice(0, 10),
        });
        const pdf = onePagePdf(`backup-${dialect}`);
        const fileId = await addAttachment(ctx(editor!.actor), { itemId: id, filename: '公报.pdf', data: pdf });
        await submitItem(ctx(editor!.actor), id);
        await reviewItem(ctx(reviewer!.actor), { id, decision: 'approve' });
        await publishItem(ctx(approver!.actor), { id });
        const download = async () => {
          const app = await buildApp(config, database);
          try {
            return await app.inject({ method: 'GET', url: `/gk/files/${fileId}` });
          } finally {
            await app.close();
          }
        };
        const before = await download();
        assert.equal(before.statusCode, 200);
        assert.deepEqual(before.rawPayload, pdf);

        const backup = path.join(dir, 'backups', 'gk.bak');
        rmSync(path.dirname(backup), { recursive: true, force: true });
        mkdirSync(path.dirname(backup), { recursive: true });
        await database.backup(backup);
        backupFiles(config, backup);

        // The machine is lost: database contents and uploaded files are gone.
        rmSync(config.blobDir, { recursive: true, force: true });
        if (!pg) {
          await database.close();
          rmSync(config.sqliteFile, { force: true });
        }
        const lost = await download().catch(() => null);
        assert.notEqual(lost?.statusCode, 200);

        if (pg) await database.db.deleteFrom('item_attachments').execute();
        await restoreDatabase({ dialect, sqliteFile: config.sqliteFile, url: pg?.url }, backup);
        assert.equal(restoreFiles(config, backup), true);
        if (!pg) database = await open();
        const after = await download();
        assert.equal(after.statusCode, 200);
        assert.deepEqual(after.rawPayload, pdf, 'byte-identical');
        assert.deepEqual((await verifyAuditLog(database.db, config)).problems, []);
      } finally {
        if (pg) await pg.drop();
        else await database.close().catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
}
