import { it, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  indexTokens,
  normalizeDocNo,
  normalizeText,
  parseQuery,
  phraseOf,
  phraseProvenByTokens,
} from './tokenizer.rules.js';
import { highlight, partsToHtml, snippet } from './highlight.rules.js';

describe('tokenizer', () => {
  it('CJK runs become overlapping bigrams plus the trailing character; a lone character is itself', () => {
    assert.equal(indexTokens('政府信息公开'), '政府 府信 信息 息公 公开 开');
    assert.equal(indexTokens('税'), '税');
    assert.equal(indexTokens('A税B'), 'a 税 b');
  });

  it('letters and digits are words with the CJK ranges excluded: 69号文件精神', () => {
    assert.equal(indexTokens('69号文件精神'), '69 号文 文件 件精 精神 神');
    assert.equal(indexTokens('GB/T 9704-2012'), 'gb t 9704 2012');
  });

  it('NFKC, case folding and traditional → simplified folding', () => {
    assert.equal(normalizeText('ＡＢＣ１２３'), 'abc123');
    assert.equal(normalizeText('預算公開'), '预算公开');
    assert.equal(indexTokens('預算公開'), indexTokens('预算公开'));
  });

  it('2-character queries are one index term: 公开, 预算', () => {
    assert.deepEqual(phraseOf('公开', false)?.tokens, ['公开']);
    assert.deepEqual(phraseOf('预算', false)?.tokens, ['预算']);
    const p = phraseOf('預算公開', false);
    assert.deepEqual(p?.tokens, ['预算', '算公', '公开']);
    assert.equal(p?.text, '预算公开');
  });

  it('a term ending in a lone character matches by prefix', () => {
    const p = phraseOf('税', false);
    assert.deepEqual(p?.tokens, ['税']);
    assert.equal(p?.lastIsPrefix, true);
    assert.deepEqual(phraseOf('69号', false)?.tokens, ['69', '号']);
  });

  it('a quoted phrase of Han letters is in the text exactly when its tokens stand together in the index', () => {
    // Documents of a few characters, separators and repeats, phrases over the same characters: wherever the
    // phrase's tokens are consecutive among the document's, the normalized text holds the phrase, and back.
    const han = ['信', '息', '公', '开', '預', '算'];
    const other = ['，', ' ', 'a', '1', '、', '〇'];
    let seed = 20261206;
    const next = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    const consecutive = (hay: string[], needle: string[]) =>
      hay.some((_, i) => needle.every((t, j) => hay[i + j] === t));
    let proven = 0;
    for (let k = 0; k < 3000; k++) {
      const doc = Array.from({ length: 1 + next(24) }, () =>
        next(4) ? han[next(han.length)] : other[next(other.length)],
      ).join('');
      const p = phraseOf(Array.from({ length: 2 + next(3) }, () => han[next(han.length)]).join(''), true)!;
      assert.ok(phraseProvenByTokens(p), p.text);
      proven++;
      const inIndex = consecutive(indexTokens(doc).split(' '), p.tokens);
      assert.equal(inIndex, normalizeText(doc).includes(p.text), `${doc} / ${p.text}`);
    }
    assert.equal(proven, 3000);
    // Not proven: anything but Han letters, a lone character (a prefix), and 〇 (a Han number, not a letter).
    for (const t of ['信息，公开', '信息 公开', '2024年', '信', 'ab', '〇一'])
      assert.equal(phraseProvenByTokens(phraseOf(t, true)!), false, t);
    // `"信息，公开"` has the tokens of `信息公开`: only the substring check tells them apart.
    assert.deepEqual(phraseOf('信息，公开', true)!.tokens, ['信息', '息', '公开']);
  });

  it('the query parser ANDs terms and keeps quoted phrases exact', () => {
    const q = parseQuery('预算 "信息公开" 年报');
    assert.deepEqual(
      q.phrases.map((p) => [p.text, p.exact]),
      [
        ['信息公开', true],
        ['预算', false],
        ['年报', false],
      ],
    );
    assert.equal(parseQuery('  ').empty, true);
    assert.equal(parseQuery('“政府 信息”').phrases[0].text, '政府 信息');
  });

  it('文号 variants normalize to one form and come out of the text query', () => {
    for (const v of [
      '湛府办〔2009〕69号',
      '湛府办[2009]69号',
      '湛府办（2009）69号',
      '湛府办(2009)69号',
      '湛府办［2009］第69号',
      '湛府办 [ 2009 ] 69 号',
    ]) {
      assert.equal(normalizeDocNo(v), '湛府办〔2009〕69号', v);
    }
    const q = parseQuery('湛府办[2009]69号 通知');
    assert.equal(q.docNo, '湛府办〔2009〕69号');
    assert.deepEqual(
      q.phrases.map((p) => p.text),
      ['通知'],
    );
    assert.equal(parseQuery('〔2009〕69号').docNo, '〔2009〕69号');
  });

  it('索引号 is detected and kept exact', () => {
    const q = parseQuery(' 000014349/2018-00222 ');
    assert.equal(q.indexNo, '000014349/2018-00222');
    assert.equal(q.phrases.length, 0);
  });
});

describe('highlighting', () => {
  it('marks matches of the normalized query in the original text, escaping HTML first', () => {
    const parts = highlight('關於<b>預算公開</b>的通知', ['预算公开']);
    assert.equal(partsToHtml(parts), '關於&lt;b&gt;<mark>預算公開</mark>&lt;/b&gt;的通知');
  });

  it('snippets are windows around the first match', () => {
    const body = '甲'.repeat(300) + '政府信息公开' + '乙'.repeat(300);
    const s = snippet(body, ['公开'], 60);
    assert.equal(s[0].t, '…');
    assert.ok(s.some((p) => p.m && p.t === '公开'));
    assert.equal(s[s.length - 1].t, '…');
  });
});

describe('html to text', () => {
  it('keeps the text, breaks blocks, drops scripts and decodes entities', async () => {
    const { htmlToText } = await import('./search-text.rules.js');
    assert.equal(
      htmlToText(
        '<h1>标题</h1><p>第一段&nbsp;&ldquo;公开&rdquo;</p><script>x()</script><table><tr><td>甲</td><td>乙</td></tr></table>&#20844;&#x5F00;',
      ),
      '标题\n第一段 “公开”\n甲 乙\n公开',
    );
  });
});
