import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerLetter, feeLetter, letterContact, type LetterCase } from './letters.rules.js';
import { REMEDIES, remediesText } from './letter-templates.rules.js';
import { remediesMissing, validateRemedyBodies } from './letter-numbers.rules.js';

const c: LetterCase = {
  requestNo: 'YSQ-2025-000001',
  applicantName: '张三',
  orgName: '示例县交通运输局',
  receivedOn: '2025-09-26',
  infoWanted: '某路段拓宽工程批复',
};

test('the fee notice names the method once (no “按按件计收”)', () => {
  for (const method of ['per_request', 'per_page'] as const) {
    const text = feeLetter(c, {
      on: '2025-10-09',
      method,
      amount: 100,
      detail: '本月第11件',
      payBy: null,
    }).paragraphs.join('');
    assert.doesNotMatch(text, /按按/);
    assert.match(
      text,
      method === 'per_request' ? /本申请按件计收（本月第11件），收取信息处理费100元。/ : /本申请按量计收/,
    );
  }
});

test('the remedies paragraph names the 复议机关 and the court from the agency settings, else stays general', () => {
  assert.equal(remediesText({ reviewBody: '', court: '' }), REMEDIES);
  const named = remediesText({ reviewBody: '示例县人民政府', court: '示例县人民法院' });
  assert.equal(
    named,
    '如对本答复不服，可以自收到本答复之日起60日内向示例县人民政府申请行政复议，或者自收到本答复之日起6个月内依法向示例县人民法院提起行政诉讼。',
  );
  const letter = answerLetter(
    c,
    { on: '2025-10-09', outcome: '1', basis: '第三十六条', text: '予以公开。' },
    undefined,
    named,
  );
  assert.equal(letter.paragraphs.filter((p) => p === named).length, 1);
  assert.deepEqual(remediesMissing({ reviewBody: '示例县人民政府', court: '' }), ['人民法院']);
  assert.deepEqual(
    validateRemedyBodies({ reviewBody: ' 示例县人民政府。', court: '示例县法庭' }).errors.map((e) => e.field),
    ['court'],
  );
});

test('the contact line comes from the guide’s contact details', () => {
  const org = {
    name: '示例县交通运输局',
    office_name: '示例县交通运输局办公室',
    address: '示例县人民路1号',
    phone: '0000-1234567',
  };
  assert.equal(
    letterContact('王科员', org),
    '联系人：王科员（示例县交通运输局办公室）；联系地址：示例县人民路1号；联系电话：0000-1234567。',
  );
  assert.equal(
    letterContact(null, { ...org, office_name: null, address: null }),
    '联系人：示例县交通运输局政府信息公开工作机构；联系电话：0000-1234567。',
  );
  assert.equal(letterContact(null, { ...org, address: null, phone: null }), null);
});
