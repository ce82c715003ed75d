import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DATE_RIGHT_INDENT, PAGE, ccLine, chars, mm, pageNumberText, signerRightIndent } from './gongwen.rules.js';
import { textUnits, typesetEms, wrapUnits } from './text-width.rules.js';

describe('GB/T 9704-2012 measures', () => {
  it('A4 with the 156 × 225 mm type area: top 37, left 28, right 26, bottom 35 mm', () => {
    assert.equal(PAGE.width, 11906);
    assert.equal(PAGE.height, 16838);
    assert.ok(Math.abs(PAGE.width - PAGE.left - PAGE.right - mm(156)) <= 1);
    assert.ok(Math.abs(PAGE.height - PAGE.top - PAGE.bottom - mm(225)) <= 1);
    assert.equal(PAGE.top, 2098); // 37 mm
    assert.equal(PAGE.left, 1587); // 28 mm
  });

  it('the date ends four 三号 characters (64 pt) from the right; the signer is centred over it', () => {
    assert.equal(DATE_RIGHT_INDENT, 1280);
    assert.equal(chars(2), 640);
    // 2025年10月30日 is set 112 pt wide by Word (digits half an em) and about 134 pt by LibreOffice (wider
    // digits, spaced from the Chinese); the estimate is 7.7 em = 123.2 pt. 示例县交通运输局 is 128 pt, so it
    // starts 2.4 pt before the estimated date and ends 2.4 pt after it.
    assert.equal(typesetEms('2025年10月30日'), 7.7);
    assert.equal(signerRightIndent('示例县交通运输局', '2025年10月30日'), 1280 - 48);
    // A 4-character signer (64 pt) sits 29.6 pt further in; a 13-character one (208 pt) 42.4 pt nearer the edge.
    assert.equal(signerRightIndent('示例县局', '2025年10月30日'), 1280 + 592);
    assert.equal(signerRightIndent('示例县人民政府办公室信息科', '2025年10月30日'), 1280 - 848);
    // Never past the margin.
    assert.equal(signerRightIndent('示'.repeat(30), '2025年1月1日'), 0);
  });

  it('抄送: names after a full-width colon, full-width commas, a full stop at the end', () => {
    assert.equal(ccLine(['县政府办公室', '县司法局。']), '抄送：县政府办公室，县司法局。');
    assert.equal(ccLine([' ']), '');
  });

  it('page numbers between one-em dashes', () => {
    assert.equal(pageNumberText(3), '— 3 —');
  });
});

describe('text width', () => {
  it('counts CJK and full-width forms as two half ems', () => {
    assert.equal(textUnits('2025年10月30日'), 14);
    assert.equal(textUnits('（一）予以公开'), 14);
    assert.equal(textUnits('“三安全一稳定”'), 16);
  });
  it('wraps into lines no wider than asked, never one character a line when two fit', () => {
    assert.deepEqual(wrapUnits('三、本年度办理结果', 2), ['三', '、', '本', '年', '度', '办', '理', '结', '果']);
    assert.deepEqual(wrapUnits('（三）不予公开', 8), ['（三）不', '予公开']);
    assert.deepEqual(wrapUnits('社会公益组织', 6), ['社会公', '益组织']);
    assert.deepEqual(wrapUnits('ab\ncd', 10), ['ab', 'cd']);
    assert.deepEqual(wrapUnits('', 4), ['']);
  });
});
