/**
 * DOCX redaction on a document built here part by part: a 身份证号 split over three runs, a phrase,
 * a comment, a tracked deletion and insertion, and core/app properties. Every part of the result is
 * unzipped and read: no redacted string, deleted text, comment or property remains; ■ and the reason
 * stand where the text was; mammoth (an independent reader) still opens it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { readZip } from '../../platform/archive-limits.js';
import { AppError } from '../../platform/errors.js';
import { redactDocx } from './redact-docx.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const run = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;

async function docx(): Promise<Buffer> {
  const z = new JSZip();
  z.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
  );
  z.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`,
  );
  z.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>`,
  );
  z.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>` +
      `<w:p>${run('工程批复：项目予以公开。')}</w:p>` +
      `<w:p>${run('征收户身份证号1101051949')}${run('1231')}${run('002X，电话13812345678。')}</w:p>` +
      `<w:p><w:commentRangeStart w:id="0"/>${run('会议纪要第三稿')}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>${run('的内容。')}</w:p>` +
      `<w:p><w:del w:id="1" w:author="REVIEWERSECRET"><w:r><w:delText>DELETEDSECRET</w:delText></w:r></w:del><w:ins w:id="2" w:author="REVIEWERSECRET">${run('新增的公开内容')}</w:ins></w:p>` +
      `</w:body></w:document>`,
  );
  z.file(
    'word/comments.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:comments ${W}><w:comment w:id="0" w:author="COMMENTAUTHOR"><w:p>${run('COMMENTSECRET')}</w:p></w:comment></w:comments>`,
  );
  z.file(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>AUTHORSECRET</dc:creator><dc:title>TITLESECRET</dc:title></cp:coreProperties>`,
  );
  z.file(
    'docProps/app.xml',
    `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>COMPANYSECRET</Company></Properties>`,
  );
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('DOCX redaction', () => {
  it('replaces the text by ■ and the reason across runs, drops comments, tracked deletions and properties', async () => {
    const input = await docx();
    const {
      docx: out,
      count,
      reasons,
    } = await redactDocx(input, { found: 'art15', terms: [{ text: '会议纪要第三稿', reason: 'art16_2' }] });
    assert.equal(count, 3);
    assert.deepEqual(reasons, ['art15', 'art16_2']);
    const parts = readZip(out);
    assert.deepEqual(parts.map((p) => p.name).sort(), [
      '[Content_Types].xml',
      '_rels/.rels',
      'word/_rels/document.xml.rels',
      'word/document.xml',
    ]);
    const all = parts.map((p) => p.data.toString('utf8')).join('\n');
    for (const s of [
      '11010519491231002X',
      '002X',
      '1101051949',
      '13812345678',
      '会议纪要第三稿',
      'DELETEDSECRET',
      'REVIEWERSECRET',
      'COMMENTSECRET',
      'COMMENTAUTHOR',
      'AUTHORSECRET',
      'TITLESECRET',
      'COMPANYSECRET',
      'commentReference',
      'comments.xml',
      'core.xml',
    ])
      assert.ok(!all.includes(s), `a part still holds ${s}`);
    const { value } = await mammoth.extractRawText({ buffer: out });
    assert.match(value, /工程批复：项目予以公开。/);
    assert.match(value, /征收户身份证号■{18}（第十五条 个人隐私），电话■{11}（第十五条 个人隐私）。/);
    assert.match(value, /■{7}（第十六条 过程性信息）的内容。/);
    assert.match(value, /新增的公开内容/);
  });

  it('refuses what is not a DOCX, and a term without a legal reason, in Chinese', async () => {
    await assert.rejects(
      redactDocx(Buffer.from('not a zip'), { found: 'art15' }),
      (e: AppError) => e.errors[0]!.code === 'release_docx_unreadable' && /[\u4e00-\u9fff]/.test(e.errors[0]!.message),
    );
    await assert.rejects(
      redactDocx(await docx(), { terms: [{ text: '工程', reason: '' }] }),
      (e: AppError) => e.errors[0]!.code === 'redaction_reason',
    );
  });
});
