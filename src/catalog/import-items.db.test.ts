import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import { isAppError } from '../platform/errors.js';
import { importItems } from './import-items.js';
import { listPublicItems } from './catalog.store.js';
import { listPublicAttachments } from './attachments.store.js';
import { readImportZip } from './import-attachments.js';
import { onePagePdf } from '../../test/helpers/pdf.js';

const header = [
  '索引号',
  '名称',
  '内容概述',
  '发文字号',
  '成文日期',
  '生成日期',
  '发布日期',
  '体裁',
  '目录分类',
  '有效性',
];
const BAD = new Map<number, (r: string[]) => string[]>([
  [17, (r) => ((r[3] = '文号乱写'), r)],
  [250, (r) => ((r[4] = '2021-12-31'), r)],
  [512, (r) => ((r[0] = '000014349/2021-00003'), r)],
  [999, (r) => ((r[8] = '不存在的分类'), r)],
]);

function table(): string[][] {
  const rows = [header];
  for (let i = 1; i <= 1000; i++) {
    const r = [
      `000014349/2021-${String(i).padStart(5, '0')}`,
      `历史信息第${i}号`,
      '',
      i % 3 ? `示政发〔2021〕${i}号` : '',
      '2021-03-01',
      '2021-03-01',
      '2021-03-05',
      '通知',
      i % 2 ? '政策文件' : '工作动态',
      '有效',
    ];
    rows.push(BAD.get(i)?.(r) ?? r);
  }
  return rows;
}

describeDb('catalogue import', (h) => {
  it('1,000 rows with four bad rows: the dry run names exactly those rows; the real run is idempotent', async () => {
    const org = await makeOrg(h.db(), { name: '示例县档案馆' });
    const admin = (await makeUser(h.db(), [['agency_admin', org]])).actor;
    const editor = (await makeUser(h.db(), [['editor', org]])).actor;
    const t = table();
    const dry = await importItems(h.ctx(admin), { orgId: org.id, table: t, dryRun: true });
    assert.deepEqual(
      dry.errors.map((e) => e.row),
      [18, 251, 513, 1000],
    );
    assert.match(dry.errors[0]!.message, /发文字号“文号乱写”无法识别/);
    assert.match(dry.errors[1]!.message, /成文日期（2021-12-31）不能晚于发布日期（2021-03-05）/);
    assert.match(dry.errors[2]!.message, /与第 4 行重复/);
    assert.match(dry.errors[3]!.message, /目录分类“不存在的分类”不存在/);
    assert.equal(dry.created, 0);
    assert.equal(
      Number(
        (await h.db().selectFrom('items').select(h.db().fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      ),
      0,
    );

    assert.equal(
      isAppError(await importItems(h.ctx(editor), { orgId: org.id, table: t, dryRun: true }).catch((e: unknown) => e)),
      true,
      'editors may not import',
    );

    // An interrupted run: the first 500 lines only; then the whole file again resumes.
    const partial = await importItems(h.ctx(admin), { orgId: org.id, table: t.slice(0, 501), dryRun: false });
    assert.equal(partial.created, 498); // lines 1–500 hold two bad rows (17, 250)
    const progress: Array<{ rows: number; created: number }> = [];
    const real = await importItems(h.ctx(admin), {
      orgId: org.id,
      table: t,
      dryRun: false,
      onProgress: (p) => progress.push(p),
    });
    assert.equal(real.created, 498);
    assert.equal(real.skipped, 498);
    // Progress after every batch of 200 checked rows: rows read so far and items created so far.
    assert.equal(progress.length, 5);
    assert.deepEqual(progress.at(-1), { rows: t.length - 1, created: 498 });
    for (let i = 1; i < progress.length; i++) {
      assert.ok(progress[i]!.rows > progress[i - 1]!.rows);
      assert.ok(progress[i]!.created >= progress[i - 1]!.created);
    }
    assert.equal(progress[1]!.created, 0, 'the first 400 checked rows were all imported by the interrupted run');
    const again = await importItems(h.ctx(admin), { orgId: org.id, table: t, dryRun: false });
    assert.equal(again.created, 0);
    assert.equal(again.skipped, 996);
    const pub = await listPublicItems(h.db(), '2026-11-27', { orgId: org.id, limit: 1, offset: 0 });
    assert.equal(pub.total, 996);
    const audits = await h
      .db()
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'item.import')
      .orderBy('seq')
      .execute();
    assert.equal(audits.length, 3 + 3, 'one event per committed batch of 200');
    assert.match(audits[0]!.summary, /第 2–202 行，新增 200 条/); // row 18 is one of the bad rows
  });
});

describeDb('catalogue import with a ZIP of attachments', (h) => {
  it('attaches the files named in 附件; missing or forged files are errors of their rows', async () => {
    const JSZip = (await import('jszip')).default;
    const org = await makeOrg(h.db(), { name: '示例县统计局' });
    const admin = (await makeUser(h.db(), [['agency_admin', org]])).actor;
    const pdf = onePagePdf();
    const zip = new JSZip();
    zip.file('附件/统计公报.pdf', pdf);
    zip.file('伪装.pdf', 'this is plain text, not a PDF');
    const files = await readImportZip(await zip.generateAsync({ type: 'nodebuffer' }));
    const t = [
      [...header, '附件'],
      [
        '000014350/2022-00001',
        '2021年统计公报',
        '',
        '',
        '2022-03-01',
        '2022-03-01',
        '2022-03-05',
        '公报',
        '统计信息',
        '有效',
        '统计公报.pdf',
      ],
      [
        '000014350/2022-00002',
        '缺附件的信息',
        '',
        '',
        '2022-03-01',
        '2022-03-01',
        '2022-03-05',
        '通知',
        '工作动态',
        '有效',
        '不存在.pdf',
      ],
      [
        '000014350/2022-00003',
        '伪装附件的信息',
        '',
        '',
        '2022-03-01',
        '2022-03-01',
        '2022-03-05',
        '通知',
        '工作动态',
        '有效',
        '伪装.pdf',
      ],
    ];
    const dry = await importItems(h.ctx(admin), { orgId: org.id, table: t, dryRun: true, files });
    assert.deepEqual(
      dry.errors.map((e) => e.row),
      [3, 4],
    );
    assert.match(dry.errors[0]!.message, /不在压缩包中/);
    assert.match(dry.errors[1]!.message, /扩展名与内容不符|类型不受支持/);
    const noZip = await importItems(h.ctx(admin), { orgId: org.id, table: t.slice(0, 2), dryRun: true });
    assert.match(noZip.errors[0]!.message, /需要随附 ZIP 压缩包/);
    const real = await importItems(h.ctx(admin), { orgId: org.id, table: t, dryRun: false, files });
    assert.equal(real.created, 1);
    const item = await h
      .db()
      .selectFrom('items')
      .select('id')
      .where('index_no', '=', '000014350/2022-00001')
      .executeTakeFirstOrThrow();
    const atts = await listPublicAttachments(h.db(), '2026-11-27', item.id);
    assert.deepEqual(
      atts.map((a) => a.filename),
      ['统计公报.pdf'],
    );
    await assert.rejects(readImportZip(Buffer.from('not a zip')), { code: 'import_zip_invalid' });
  });
});
