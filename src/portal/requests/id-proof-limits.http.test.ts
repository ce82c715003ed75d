import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg } from '../../../test/helpers/factories.js';
import { citizenForm } from '../../../test/helpers/request-form.js';
import type { OrgRow } from '../../orgs/orgs.store.js';

// The app's clock: 2025-09-26 10:00 Beijing time.
const NOW = new Date('2025-09-26T02:00:00Z');

describeApp(
  '依申请公开: identity proofs that are empty or past the reader’s ceiling',
  (h) => {
    let org: OrgRow;
    before(async () => {
      org = await makeOrg(h.db(), { parent: await makeOrg(h.db()), name: '县住房和城乡建设局' });
    });

    it('a file larger than any setting allows is refused with the limits the form states, nothing saved', async () => {
      const big = Buffer.alloc(21 * 1048576, 0x41);
      const res = await h
        .client()
        .upload(
          '/ysqgk',
          { field: 'idProof', name: 'scan.jpg', data: big, type: 'image/jpeg' },
          { ...citizenForm, orgId: String(org.id), infoTitle: '某小区规划许可证', confirmed: '1' },
        );
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /身份证明文件过大、数量过多或上传中断：最多 2 个文件，每个不超过 5 MB/);
      assert.doesNotMatch(res.body, /20 MB|最多 3 个/);
      assert.equal((await h.db().selectFrom('requests').select('id').execute()).length, 0);
    });

    it('a 0-byte file chosen is refused by name, not dropped while the application goes through', async () => {
      const empty = await h
        .client()
        .upload(
          '/ysqgk',
          { field: 'idProof', name: 'empty.jpg', data: Buffer.alloc(0), type: 'image/jpeg' },
          { ...citizenForm, orgId: String(org.id), confirmed: '1' },
        );
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /身份证明文件“empty\.jpg”是空文件。/);
      assert.equal((await h.db().selectFrom('requests').select('id').execute()).length, 0);
    });
  },
  { now: () => NOW },
);
