import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attachmentLabel, attachmentType, readableSize } from './attachment-label.js';

test('attachments are described by type and a readable size', () => {
  assert.equal(attachmentType('2026年预算.PDF', 'application/octet-stream'), 'PDF');
  assert.equal(attachmentType('附件1.docx', ''), 'Word');
  assert.equal(attachmentType('统计表.et', ''), 'Excel');
  assert.equal(attachmentType('现场照片', 'image/jpeg'), '图片');
  assert.equal(attachmentType('数据.json', 'application/json'), 'JSON');
  assert.equal(readableSize(300), '300 字节');
  assert.equal(readableSize(876_544), '856 KB');
  assert.equal(readableSize(2_516_582), '2.4 MB');
  assert.equal(attachmentLabel({ filename: '预算.pdf', mime: 'application/pdf', size: 2_516_582 }), '（PDF，2.4 MB）');
});
