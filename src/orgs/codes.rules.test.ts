import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isValidOrgCode,
  isValidResidentId,
  isValidUscc,
  maskId,
  maskPhone,
  residentIdCheckChar,
  usccCheckChar,
} from './codes.rules.js';
import { validateOrg } from './orgs.rules.js';

test('统一社会信用代码 check character (GB 32100-2015)', () => {
  assert.equal(isValidUscc('91350100M000100Y43'), true); // a published sample code
  assert.equal(isValidUscc('91350100M000100Y44'), false);
  assert.equal(isValidUscc('91350100M000100Y4'), false);
  const first = '11419999MB1001000';
  assert.equal(isValidUscc(first + usccCheckChar(first)), true);
});

test('组织机构代码 check character (GB 11714), hyphen optional', () => {
  assert.equal(isValidOrgCode('D2143569-X'), true);
  assert.equal(isValidOrgCode('D2143569X'), true);
  assert.equal(isValidOrgCode('D21435691'), false);
});

test('居民身份证号码 check character and birth date (GB 11643)', () => {
  assert.equal(isValidResidentId('11010519491231002X'), true);
  assert.equal(isValidResidentId('110105194912310021'), false);
  assert.equal(isValidResidentId('11010519490231002' + residentIdCheckChar('11010519490231002')), false); // 2月31日
});

test('masking keeps only the first three and last four characters', () => {
  assert.equal(maskId('110105194912311234'), '110***********1234');
  assert.equal(maskPhone('13812345678'), '138****5678');
});

test('organisation validation gives Chinese field errors and saves nothing', () => {
  const r = validateOrg({ kind: 'nope', name: '', code: '12345', email: 'x', postcode: '12' });
  assert.equal(r.fields, undefined);
  const fields = r.errors.map((e) => e.field).sort();
  assert.deepEqual(fields, ['code', 'email', 'kind', 'name', 'postcode']);
  assert.match(r.errors.find((e) => e.field === 'code')!.message, /统一社会信用代码/);
});
