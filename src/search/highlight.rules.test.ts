// Highlighting from the index's stored normalization (search_texts.norm_text) gives exactly the parts
// that normalizing the text again gives.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { highlight, matchInAttachment, snippet, storedNormalization, ATTACHMENTS_MARK } from './highlight.rules.js';
import { textRow } from './index-many.js';

// Simplified and traditional letters, full-width forms, spaces and line breaks, a character whose
// normalization is longer (…), ASCII in both cases, the attachments mark.
const PIECES = [
  '预算',
  '預算',
  '公开',
  '公開',
  '管理',
  '河长',
  '河長',
  'ＡＢＣ',
  'abc',
  'ABC',
  '２０２４',
  '　',
  ' ',
  '\n',
  '…',
  '。',
  ATTACHMENTS_MARK,
  '信息',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((xs) => xs.join(''));
const needles = fc.array(fc.constantFrom('预算', '公开', '河长', 'abc', '２０２４', '信息公开'), {
  minLength: 1,
  maxLength: 2,
});

it('the stored normalization gives the same title, snippet and attachment flag as normalizing again', () => {
  let used = 0;
  fc.assert(
    fc.property(text, text, needles, (rawTitle, body, ns) => {
      const title = rawTitle.trim(); // as docRow stores it
      const norm = storedNormalization(title, body, textRow(title, body).norm_text);
      if (norm.body !== undefined) used++;
      assert.deepEqual(highlight(title, ns, norm.title), highlight(title, ns));
      assert.deepEqual(snippet(body, ns, 120, norm.body), snippet(body, ns));
      assert.equal(matchInAttachment(body, ns, norm.body), matchInAttachment(body, ns));
    }),
    { numRuns: 3000 },
  );
  assert.ok(used > 1000, `the stored normalization was used (${used} of 3,000)`);
});

it('a stored normalization that does not line up with the text is not used', () => {
  assert.deepEqual(storedNormalization('標題', '正文', '标题\n正文'), { title: '标题', body: '正文' });
  assert.deepEqual(storedNormalization('標題…', '正文', '标题...\n正文'), {});
  assert.deepEqual(storedNormalization('标题', '正文', null), {});
});
