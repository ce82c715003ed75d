import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OUTCOMES } from './outcomes.rules.js';
import {
  REMEDIES,
  SAMPLE_VALUES,
  TEMPLATE_CODES,
  defaultTemplate,
  legacyTemplate,
  renderTemplate,
  validateTemplate,
} from './letter-templates.rules.js';

const count = (ps: string[], s: string) => ps.filter((p) => p === s).length;

test('every leaf outcome of table 三 has a valid default template that states the remedies once', () => {
  assert.equal(TEMPLATE_CODES.length, OUTCOMES.length);
  assert.equal(TEMPLATE_CODES.length, 21);
  for (const code of TEMPLATE_CODES) {
    const t = defaultTemplate(code);
    assert.deepEqual(validateTemplate(t).errors, [], code);
    const ps = renderTemplate(t, SAMPLE_VALUES);
    assert.equal(count(ps, REMEDIES), 1, code);
    assert.equal(ps.at(-1), REMEDIES, code);
    assert.ok(ps[0].includes('YSQ-2025-000001') && ps[0].includes('2025年9月26日'), code);
  }
  assert.equal(defaultTemplate('1').title, '政府信息公开申请答复书');
  assert.equal(defaultTemplate('4.1').title, '政府信息公开申请告知书');
  assert.match(REMEDIES, /60日内依法申请行政复议/);
  assert.match(REMEDIES, /6个月内依法向人民法院提起行政诉讼/);
});

test('the remedies paragraph cannot be removed: left out of the template, it is appended; it can be moved', () => {
  const without = { title: '告知书', body: '{申请人}：\n{答复正文}' };
  assert.deepEqual(validateTemplate(without).errors, []);
  assert.deepEqual(renderTemplate(without, SAMPLE_VALUES), [
    '张三：',
    '（此处为办理人在答复时填写的正文。）',
    REMEDIES,
  ]);
  const moved = { title: '告知书', body: '{救济途径}\n{答复正文}\n特此告知。' };
  assert.deepEqual(renderTemplate(moved, SAMPLE_VALUES), [
    REMEDIES,
    '（此处为办理人在答复时填写的正文。）',
    '特此告知。',
  ]);
  assert.deepEqual(
    validateTemplate({ title: 'x', body: '{答复正文}{救济途径}{救济途径}' }).errors.map((e) => e.code),
    ['template_remedies_twice'],
  );
});

test('unknown placeholders, unbalanced braces, missing {答复正文} and empty fields are refused, all at once', () => {
  const r = validateTemplate({ title: '', body: '{申请人}，{申请日期}，{联系人} 和 {未闭合' });
  assert.deepEqual(
    r.errors.map((e) => e.code),
    [
      'template_title_required',
      'template_placeholder_unknown',
      'template_brace_unbalanced',
      'template_answer_text_required',
    ],
  );
  assert.match(r.errors[1].message, /\{申请日期\}、\{联系人\}/);
  assert.deepEqual(
    validateTemplate({ title: '告知书', body: '' }).errors.map((e) => e.code),
    ['template_body_required'],
  );
  assert.deepEqual(
    validateTemplate({ title: '{申请人}告知书', body: '{答复正文}' }).errors.map((e) => e.code),
    ['template_title_placeholder'],
  );
  // Full-width braces typed with a Chinese input method are accepted as placeholders.
  const fw = validateTemplate({ title: '告知书', body: '｛申请人｝：\r\n｛答复正文｝' });
  assert.deepEqual(fw.errors, []);
  assert.equal(fw.template.body, '{申请人}：\n{答复正文}');
});

test('substitution is one pass: text typed by the handler is not substituted again', () => {
  const ps = renderTemplate(
    { title: 't', body: '{答复正文}' },
    { ...SAMPLE_VALUES, 答复正文: '请勿替换 {申请人} 与 {救济途径}' },
  );
  assert.deepEqual(ps, ['请勿替换 {申请人} 与 {救济途径}', REMEDIES]);
});

test('the legacy layout reproduces letters answered before templates existed', () => {
  const ps = renderTemplate(legacyTemplate('4.1'), {
    ...SAMPLE_VALUES,
    答复正文: '第一段\n\n第二段',
    法律依据: '第三十六条',
  });
  assert.deepEqual(ps.slice(1), ['第一段', '第二段', '依据：第三十六条。', REMEDIES]);
});
