import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportColumn, validateApplication, type ApplicationInput } from './applicant.rules.js';
import { residentIdCheckChar } from '../orgs/codes.rules.js';

const ID17 = '11010519491231002';
export const VALID_ID = ID17 + residentIdCheckChar(ID17);
const base: ApplicationInput = {
  applicantType: 'citizen',
  name: '张三',
  idType: 'resident_id',
  idNumber: VALID_ID,
  phone: '13800138000',
  infoTitle: '2025年财政预算',
  form: 'electronic',
  delivery: 'pickup',
};

test('a citizen with a valid 居民身份证 number passes', () => {
  const { fields, errors } = validateApplication(base);
  assert.deepEqual(errors, []);
  assert.equal(fields?.applicantType, 'citizen');
  assert.equal(fields?.orgKind, null);
});

test('identity numbers are checked with their check digits', () => {
  const wrong = VALID_ID.slice(0, 17) + (VALID_ID[17] === '1' ? '2' : '1');
  const r = validateApplication({ ...base, idNumber: wrong });
  assert.equal(r.fields, null);
  assert.deepEqual(
    r.errors.map((e) => [e.field, e.code]),
    [['idNumber', 'resident_id_invalid']],
  );
  const org = {
    ...base,
    applicantType: 'organization',
    orgKind: 'legal_service',
    idType: 'uscc',
    name: '某律师事务所',
  };
  assert.deepEqual(validateApplication({ ...org, idNumber: '91350100M000100Y43' }).errors, []);
  assert.equal(validateApplication({ ...org, idNumber: '91350100M000100Y44' }).errors[0].code, 'uscc_invalid');
});

test('organisations need a kind (the report columns); contact and information are required', () => {
  const r = validateApplication({
    ...base,
    applicantType: 'organization',
    idType: 'uscc',
    idNumber: '91350100M000100Y43',
    phone: '',
    infoTitle: '',
    delivery: 'email',
  });
  const codes = r.errors.map((e) => e.code);
  assert.ok(codes.includes('org_kind_invalid'));
  assert.ok(codes.includes('contact_required'));
  assert.ok(codes.includes('info_required'));
  assert.ok(codes.includes('email_required_for_delivery'));
  assert.ok(r.errors.every((e) => /[\u4e00-\u9fa5]/.test(e.message)));
});

test('report columns', () => {
  assert.equal(reportColumn('citizen', null), '自然人');
  assert.equal(reportColumn('organization', 'research'), '科研机构');
});

test('every free field has its length limit, named in Chinese; a text at the limit passes', () => {
  const long = (n: number) => '长'.repeat(n);
  const org = { ...base, applicantType: 'organization', orgKind: 'other', idType: 'other_org', idNumber: 'X123' };
  const r = validateApplication({
    ...org,
    legalRep: long(101),
    contactName: long(101),
    address: long(100_000),
    infoTitle: long(201),
    infoRef: long(101),
  });
  assert.deepEqual(
    r.errors.map((e) => [e.field, e.message]),
    [
      ['legalRep', '法定代表人不能超过100个字。'],
      ['contactName', '联系人不能超过100个字。'],
      ['address', '通信地址不能超过200个字。'],
      ['infoTitle', '所需信息的名称不能超过200个字。'],
      ['infoRef', '文号或索引号不能超过100个字。'],
    ],
  );
  const atLimit = validateApplication({ ...org, legalRep: long(100), address: long(200), infoTitle: long(200) });
  assert.deepEqual(atLimit.errors, []);
});
