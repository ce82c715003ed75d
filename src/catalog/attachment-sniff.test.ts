import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sniff } from './attachment-files.js';
import { classifyAttachment } from './attachment.rules.js';
import { checkIdProofs } from '../requests/identity-proof.rules.js';
import { onePagePdf } from '../../test/helpers/pdf.js';

it('a file that is only a %PDF- header is not a PDF: refused as an attachment and as an identity proof (issue 16 item 10)', async () => {
  for (const fake of [
    '%PDF-',
    '%PDF-1.7\n%%EOF\n',
    '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  ]) {
    const sniffed = await sniff(Buffer.from(fake));
    assert.equal(sniffed.ext, null, fake);
    assert.ok('code' in classifyAttachment('公告.pdf', fake.length, sniffed, 1e7), fake);
    assert.deepEqual(
      checkIdProofs([{ filename: '身份证.pdf', size: fake.length, sniffed }], 1e7).errors.map((e) => e.code),
      ['id_proof_type'],
    );
  }
  const real = onePagePdf();
  assert.equal((await sniff(real)).ext, 'pdf');
  assert.ok(!('code' in classifyAttachment('公告.pdf', real.length, await sniff(real), 1e7)));
});
