import { it } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText, normalizeFormInput, withAsciiDigits } from './form-input.js';
import { Form, OptInt, Text } from './schemas.js';

it('form text: zero-width characters alone are an empty field; direction controls are removed; joined emoji kept', () => {
  assert.deepEqual(
    normalizeFormInput({ name: ' \u200b ', title: '\u200b\u200b', body: '   \u200b  \ufeff', x: '甲' }),
    {
      x: '甲',
    },
  );
  assert.equal(cleanText('😀\u202e反转测试abc'), '😀反转测试abc');
  assert.equal(cleanText('申请\u200b\u2066信息\u2069'), '申请\u200b信息', 'a zero-width space inside is left alone');
  assert.equal(cleanText('\u3000 全角空格 \u200b'), '全角空格');
  const family = '👨\u200d👩\u200d👧';
  assert.equal(cleanText(family), family);
  assert.deepEqual(normalizeFormInput({ tags: ['\u200b', ' 甲 ', '\u202e'] }), { tags: ['甲'] });
});

it('full-width digits in whole-number fields are digits; other fields keep them', () => {
  const schema = Form({ days: OptInt('延长工作日数'), reason: Text('理由') });
  assert.deepEqual(withAsciiDigits({ days: '１５', reason: '第１５项' }, schema), { days: '15', reason: '第１５项' });
  assert.deepEqual(withAsciiDigits({ days: '１５' }, undefined), { days: '１５' });
});
