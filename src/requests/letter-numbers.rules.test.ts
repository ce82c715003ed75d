import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatLetterNumber, parseLetterSettings, validateCc, validateNumberPattern } from './letter-numbers.rules.js';

const codes = (s: string): string[] => validateNumberPattern(s).errors.map((e) => e.code);

describe('发文字号 pattern (GB/T 9704-2012 7.2.4)', () => {
  it('accepts 代字〔{year}〕{n}号 and formats the year in full, the serial without leading zeros', () => {
    assert.deepEqual(validateNumberPattern('示政公开〔{year}〕{n}号'), {
      pattern: '示政公开〔{year}〕{n}号',
      errors: [],
    });
    assert.equal(formatLetterNumber('示政公开〔{year}〕{n}号', 2025, 1), '示政公开〔2025〕1号');
    assert.equal(formatLetterNumber('示交依申请〔{year}〕{n}号', 2026, 120), '示交依申请〔2026〕120号');
  });

  it('normalises Chinese placeholder names, full-width braces and the usual wrong brackets around the year', () => {
    assert.equal(validateNumberPattern(' 示政公开[{年}]{序号}号 ').pattern, '示政公开〔{year}〕{n}号');
    assert.equal(validateNumberPattern('示政公开（｛year｝）｛n｝号').pattern, '示政公开〔{year}〕{n}号');
    assert.equal(validateNumberPattern('示政公开【{year}】{n}号').pattern, '示政公开〔{year}〕{n}号');
  });

  it('empty means no numbers', () => {
    assert.deepEqual(validateNumberPattern('  '), { pattern: '', errors: [] });
  });

  it('refuses what the standard does not allow, with Chinese messages on the field', () => {
    assert.deepEqual(codes('示政公开〔{year}〕第{n}号'), ['number_pattern_di']);
    assert.deepEqual(codes('示政公开{year}{n}号'), ['number_pattern_brackets']);
    assert.deepEqual(codes('〔{year}〕{n}号'), ['number_pattern_daizi']);
    assert.deepEqual(codes('示政公开〔{year}〕{n}'), ['number_pattern_hao']);
    assert.deepEqual(codes('示政公开{n}〔{year}〕号'), ['number_pattern_order', 'number_pattern_hao']);
    assert.deepEqual(codes('示政公开〔2025〕{n}号'), ['number_pattern_parts']);
    assert.deepEqual(codes('示政公开〔{year}〕{n}号{n}号'), ['number_pattern_parts']);
    assert.deepEqual(codes('示政{机关}〔{year}〕{n}号'), ['number_pattern_placeholder']);
    assert.deepEqual(codes('示政公开〔{year}〕{n}号}'), ['number_pattern_hao', 'number_pattern_braces']);
    assert.deepEqual(codes(`${'示'.repeat(30)}〔{year}〕{n}号`), ['number_pattern_too_long']);
    const e = validateNumberPattern('示政公开〔{year}〕第{n}号').errors[0];
    assert.equal(e.field, 'numberPattern');
    assert.match(e.message, /顺序号前不加“第”字/);
  });
});

describe('抄送 list', () => {
  it('splits on 顿号, commas and new lines, drops full stops and repeats', () => {
    assert.deepEqual(validateCc('县政府办公室、县司法局。\n县政府办公室，县档案馆').cc, [
      '县政府办公室',
      '县司法局',
      '县档案馆',
    ]);
    assert.deepEqual(validateCc('').cc, []);
  });
  it('limits the number and length of names', () => {
    assert.deepEqual(
      validateCc(Array.from({ length: 9 }, (_, i) => `机关${i}`).join('、')).errors.map((e) => e.code),
      ['cc_too_many'],
    );
    assert.deepEqual(
      validateCc('局'.repeat(41)).errors.map((e) => [e.code, e.field]),
      [['cc_name_too_long', 'cc']],
    );
  });
});

describe('stored settings', () => {
  it('reads what was saved and ignores malformed or invalid values', () => {
    const none = { reviewBody: '', court: '' };
    assert.deepEqual(parseLetterSettings('{"numberPattern":"示政公开〔{year}〕{n}号","cc":["县政府办公室"]}'), {
      numberPattern: '示政公开〔{year}〕{n}号',
      cc: ['县政府办公室'],
      ...none,
    });
    assert.deepEqual(parseLetterSettings('{"numberPattern":"第{n}号","cc":[1,"甲"]}'), {
      numberPattern: '',
      cc: ['甲'],
      ...none,
    });
    assert.deepEqual(parseLetterSettings('{"reviewBody":"示例县人民政府","court":"示例县人民法院"}'), {
      numberPattern: '',
      cc: [],
      reviewBody: '示例县人民政府',
      court: '示例县人民法院',
    });
    assert.deepEqual(parseLetterSettings('{"reviewBody":7,"court":null}'), { numberPattern: '', cc: [], ...none });
    assert.deepEqual(parseLetterSettings('not json'), { numberPattern: '', cc: [], ...none });
    assert.deepEqual(parseLetterSettings(undefined), { numberPattern: '', cc: [], ...none });
  });
});
