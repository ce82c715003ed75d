import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { describeApp, type Client } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import type { OrgRow } from '../../orgs/orgs.store.js';
import { parseCsv, toCsv } from '../../platform/csv.js';
import { randomBytes } from 'node:crypto';

const NOW = new Date('2026-11-27T02:00:00Z');

async function postImport(
  c: Client,
  fields: Record<string, string>,
  file: { name: string; data: Buffer },
): Promise<LightMyRequestResponse> {
  const b = `----gk${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${await c.csrf('/console/items/import')}\r\n`,
    ),
  ];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${b}--\r\n`),
  );
  const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return c.app.inject({
    method: 'POST',
    url: '/console/items/import',
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${b}`, cookie },
  });
}

const header = ['索引号', '名称', '发文字号', '成文日期', '生成日期', '发布日期', '体裁', '目录分类'];
const rows = [
  header,
  [
    '000014349/2019-00001',
    '2019年政府信息公开工作年度报告',
    '',
    '2020-01-20',
    '2020-01-20',
    '2020-01-31',
    '报告',
    '其他',
  ],
  [
    '000014349/2019-00002',
    '关于印发某某办法的通知',
    '示政发[2019]8号',
    '2019/6/1',
    '2019/6/1',
    '2019/6/10',
    '通知',
    '政策文件',
  ],
  ['000014349/2019-00003', '坏行', '第八号文', '2019-06-01', '2019-06-01', '2019-06-10', '通知', ''],
];

describeApp(
  'catalogue import and export',
  (h) => {
    let org: OrgRow;
    let admin = '';
    before(async () => {
      org = await makeOrg(h.db(), { name: '示例县统计局' });
      admin = (await makeUser(h.db(), [['agency_admin', org]])).username;
    });

    it('a CSV dry run lists the bad row; the real run imports the rest and they are public', async () => {
      const c = h.client();
      await c.login(admin);
      const csv = Buffer.from(toCsv(rows));
      const dry = await postImport(c, { orgId: String(org.id), mode: 'dry' }, { name: '目录.csv', data: csv });
      assert.equal(dry.statusCode, 200);
      assert.match(dry.body, /试导入结果（未保存）/);
      assert.match(dry.body, /共 3 行；可导入 2 行；已存在跳过 0 行；有问题 1 行/);
      assert.match(dry.body, /<td>4<\/td><td>发文字号“第八号文”无法识别/);
      assert.equal((await h.client().get('/api/v1/public/items')).json().total, 0);

      const real = await postImport(c, { orgId: String(org.id), mode: 'real' }, { name: '目录.csv', data: csv });
      assert.match(real.body, /已新增 2 条/);
      const pub = (await h.client().get('/api/v1/public/items')).json() as {
        total: number;
        data: Array<{ indexNo: string; publishedOn: string }>;
      };
      assert.equal(pub.total, 2);
      assert.deepEqual(
        pub.data.map((d) => d.publishedOn),
        ['2020-01-31', '2019-06-10'],
      );
    });

    it('an XLSX import is read too, and idempotent by 索引号', async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('目录').addRows([
        header,
        ...rows.slice(1, 3),
        ['000014349/2019-00009', '新的一条', '', '', '2019-07-01', '2019-07-02', '公告', ''],
      ]);
      const c = h.client();
      await c.login(admin);
      const res = await postImport(
        c,
        { orgId: String(org.id), mode: 'real' },
        { name: '目录.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()) },
      );
      assert.match(res.body, /已存在跳过 2 行；已新增 1 条/);
    });

    it('exports the catalogue as CSV and XLSX; the public CSV has no staff columns', async () => {
      const c = h.client();
      await c.login(admin);
      const csv = await c.get('/console/items/export?format=csv');
      assert.equal(csv.statusCode, 200);
      const table = parseCsv(csv.body);
      assert.equal(table[0]!.at(-1), '状态');
      assert.equal(table.length, 4);
      const xlsx = await c.get('/console/items/export?format=xlsx');
      assert.equal(xlsx.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const open = await h.client().get('/api/v1/public/items.csv');
      const t = parseCsv(open.body);
      assert.deepEqual(t[0], [
        '索引号',
        '名称',
        '内容概述',
        '发文字号',
        '成文日期',
        '生成日期',
        '发布日期',
        '主题分类',
        '体裁',
        '目录分类',
        '主题词',
        '有效性',
        '发布机构',
      ]);
      assert.equal(t.length, 4);
      assert.equal((await h.client().get('/console/items/export?format=csv')).statusCode, 303, 'staff only');
    });

    it('the agency admin edits the category tree in the console', async () => {
      const c = h.client();
      await c.login(admin);
      const page = await c.get(`/console/catalog/categories?orgId=${org.id}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /value="建议提案办理"/);
      const res = await c.post(
        '/console/catalog/categories',
        { orgId: String(org.id), name: '统计公报' },
        { from: `/console/catalog/categories?orgId=${org.id}` },
      );
      assert.equal(res.statusCode, 303);
      const dup = await c.post(
        '/console/catalog/categories',
        { orgId: String(org.id), name: '统计公报' },
        { from: `/console/catalog/categories?orgId=${org.id}` },
      );
      assert.equal(dup.statusCode, 400);
      assert.match(dup.body, /同一级已有名为“统计公报”的分类/);
    });

    it('the agency admin sets the 索引号 pattern; new items follow it, old ones keep theirs', async () => {
      const c = h.client();
      await c.login(admin);
      const from = `/console/catalog/categories?orgId=${org.id}`;
      const bad = await c.post(
        '/console/catalog/index-pattern',
        { orgId: String(org.id), pattern: '{code}/{yyyy}' },
        { from },
      );
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /必须包含且只包含一个流水号/);
      assert.equal(
        (
          await c.post(
            '/console/catalog/index-pattern',
            { orgId: String(org.id), pattern: '{code}/{yyyymm}-{serial:6}' },
            { from },
          )
        ).statusCode,
        303,
      );
      const res = await c.post(
        '/console/items',
        {
          orgId: String(org.id),
          title: '按新格式编号的信息',
          bodyHtml: '<p>正文</p>',
          genre: '通知',
          disclosureMode: '主动公开',
          createdOn: '2026-11-27',
        },
        { from: '/console/items/new' },
      );
      assert.equal(res.statusCode, 303);
      const row = await h
        .db()
        .selectFrom('items')
        .select('index_no')
        .where('title', '=', '按新格式编号的信息')
        .executeTakeFirstOrThrow();
      assert.equal(row.index_no, `GK${String(org.id).padStart(7, '0')}/202611-000001`);
      const audit = await h
        .db()
        .selectFrom('audit_events')
        .select('summary')
        .where('action', '=', 'catalog.index_pattern')
        .executeTakeFirstOrThrow();
      assert.match(audit.summary, /\{code\}\/\{yyyy\}-\{serial:5\} → \{code\}\/\{yyyymm\}-\{serial:6\}/);
    });
  },
  { now: () => NOW },
);
