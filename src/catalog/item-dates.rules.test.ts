import { it } from 'node:test';
import assert from 'node:assert/strict';
import { checkPublicationDate, validateItem } from './item-input.rules.js';

const TODAY = '2026-12-07';
const base = {
  orgId: 1,
  title: '通知',
  bodyHtml: '<p>正文</p>',
  genre: '通知',
  disclosureMode: '主动公开',
  createdOn: '2026-11-20',
};

it('item dates stay in a plausible range (issue 16 item 10)', () => {
  for (const d of ['1900-01-01', '9999-12-31', '1949-09-30', '2100-01-01']) {
    assert.deepEqual(
      validateItem({ ...base, createdOn: d }, TODAY).errors.map((e) => e.code),
      ['item_created_on_out_of_range'],
      d,
    );
    assert.deepEqual(
      validateItem({ ...base, writtenOn: d }, TODAY).errors.map((e) => e.code),
      ['item_written_on_out_of_range'],
      d,
    );
    assert.equal(checkPublicationDate(null, d)[0]?.code, 'item_publish_on_out_of_range', d);
  }
  for (const d of ['1949-10-01', '2026-11-20', '2099-12-31'])
    assert.deepEqual(validateItem({ ...base, createdOn: d, writtenOn: d }, '2099-12-31').errors, [], d);
  assert.match(
    validateItem({ ...base, createdOn: '9999-12-31' }, TODAY).errors[0]!.message,
    /1949-10-01 至 2099-12-31/,
  );
});

it('成文日期 and 生成日期 are not later than today (Beijing): a 2099 生成日期 would start a 2099 索引号 series', () => {
  assert.deepEqual(validateItem({ ...base, createdOn: '2026-12-07', writtenOn: '2026-12-07' }, TODAY).errors, []);
  const late = validateItem({ ...base, createdOn: '2099-01-01', writtenOn: '2026-12-08' }, TODAY).errors;
  assert.deepEqual(
    late.map((e) => [e.code, e.field, e.message]),
    [
      ['item_written_on_future', 'writtenOn', '成文日期 2026-12-08 晚于今天（2026-12-07）。'],
      ['item_created_on_future', 'createdOn', '生成日期 2099-01-01 晚于今天（2026-12-07）。'],
    ],
  );
});
