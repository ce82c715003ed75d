import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { classifyAttachment } from './attachment.rules.js';
import { contentDisposition } from '../platform/http/content-disposition.js';

const MB = 1048576;
const code = (r: ReturnType<typeof classifyAttachment>) => ('code' in r ? r.code : r.kind);

describe('attachment type from content, not name', () => {
  it('accepts matching content and names', () => {
    assert.equal(code(classifyAttachment('关于预算的通知.pdf', 10, { ext: 'pdf' }, 50 * MB)), 'pdf');
    assert.equal(code(classifyAttachment('附件1.WPS', 10, { ext: 'cfb' }, 50 * MB)), 'cfb');
    assert.equal(code(classifyAttachment('照片.jpeg', 10, { ext: 'jpg' }, 50 * MB)), 'jpg');
    assert.equal(code(classifyAttachment('公文.ofd', 10, { ext: 'zip', zipHasOfdXml: true }, 50 * MB)), 'ofd');
  });
  it('refuses forged, unsupported, empty and oversized files', () => {
    assert.equal(code(classifyAttachment('通知.pdf', 10, { ext: 'exe' }, 50 * MB)), 'attachment_type_unsupported');
    assert.equal(code(classifyAttachment('通知.pdf', 10, { ext: null }, 50 * MB)), 'attachment_type_unsupported');
    assert.equal(code(classifyAttachment('通知.pdf', 10, { ext: 'zip' }, 50 * MB)), 'attachment_type_mismatch');
    assert.equal(code(classifyAttachment('公文.ofd', 10, { ext: 'zip' }, 50 * MB)), 'attachment_type_mismatch');
    assert.equal(code(classifyAttachment('空.pdf', 0, { ext: 'pdf' }, 50 * MB)), 'attachment_empty');
    assert.equal(code(classifyAttachment('大.pdf', 51 * MB, { ext: 'pdf' }, 50 * MB)), 'attachment_too_large');
  });
  it('keeps the Chinese filename in the download header', () => {
    assert.equal(
      contentDisposition('附件1 名单.pdf'),
      `attachment; filename="__1 __.pdf"; filename*=UTF-8''%E9%99%84%E4%BB%B61%20%E5%90%8D%E5%8D%95.pdf`,
    );
  });
});
