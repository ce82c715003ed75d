import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isTaskOverdue,
  quarterOf,
  taskProgress,
  validateReport,
  validateTask,
  assertCanReport,
  assertCanReview,
} from './tasks.rules.js';
import { mapHeader, normaliseDate, parseTaskRows } from './tasks-import.rules.js';
import {
  annualReportAlertApplies,
  calendarAlertApplies,
  digestLines,
  latestCreationDueBy,
  parseKinds,
} from './alerts.rules.js';
import { addWorkingDays, buildCalendar } from '../calendar/calendar.rules.js';
import { OFFICIAL_YEARS } from '../calendar/official-holidays.data.js';
import { formatFigure, rollUp, rowOf, sortRows } from './dashboard.rules.js';
import { toCsv } from '../platform/csv.js';
import { monthsEnding, trendSvg } from './trend-chart.js';

test('overdue: deadline passed and not accepted', () => {
  const cases: Array<[string, string, string, boolean]> = [
    ['2026-06-30', 'open', '2026-06-30', false],
    ['2026-06-30', 'open', '2026-07-01', true],
    ['2026-06-30', 'reported', '2026-07-01', true],
    ['2026-06-30', 'returned', '2026-07-01', true],
    ['2026-06-30', 'accepted', '2026-12-31', false],
    ['2026-06-30', 'open', '2026-01-01', false],
  ];
  for (const [deadline, state, today, want] of cases)
    assert.equal(isTaskOverdue({ deadline, state }, today), want, `${deadline} ${state} ${today}`);
});

test('task validation reports every field in Chinese', () => {
  const { fields, errors } = validateTask({
    year: '20x',
    category: '',
    content: '',
    responsibleOrgId: null,
    deadline: '2026-02-30',
    evidenceRequired: '',
  });
  assert.equal(fields, null);
  assert.deepEqual(
    errors.map((e) => e.field),
    ['year', 'category', 'content', 'responsibleOrgId', 'deadline', 'evidenceRequired'],
  );
  assert.match(errors[4].message, /完成时限/);
  const ok = validateTask({
    year: '2026',
    category: ' 政策解读 ',
    content: '解读',
    responsibleOrgId: 3,
    deadline: '2026-06-30',
    evidenceRequired: '链接',
  });
  assert.equal(ok.fields?.category, '政策解读');
  assert.equal(ok.fields?.year, 2026);
  const base = { ...ok.fields, year: '2026', responsibleOrgId: 3, evidenceRequired: '链接' };
  for (const [deadline, code] of [
    ['2025-12-31', 'task_deadline_out_of_year'],
    ['2026-01-01', undefined],
    ['2027-01-31', undefined],
    ['2027-12-31', undefined],
    ['2028-01-01', 'task_deadline_out_of_year'],
    ['2031-06-30', 'task_deadline_out_of_year'],
  ] as const) {
    const r = validateTask({ ...base, category: '解读', content: '解读', deadline });
    assert.equal(r.errors[0]?.code, code, deadline);
  }
  // A bad 年度 is named once, without a window made of it (-5-01-01).
  assert.deepEqual(
    validateTask({ ...base, year: '-5', category: '解读', content: '解读', deadline: '2026-06-30' }).errors.map(
      (e) => e.code,
    ),
    ['task_year_invalid'],
  );
  assert.match(
    validateTask({ ...base, category: '解读', content: '解读', deadline: '2031-06-30' }).errors[0].message,
    /2026-01-01 至 2027-12-31/,
  );
});

test('reports: progress required, links must be URLs or site paths', () => {
  assert.equal(validateReport({ progress: '', links: '' }).errors[0].code, 'report_progress_required');
  assert.equal(
    validateReport({ progress: '完成', links: 'javascript:alert(1)' }).errors[0].code,
    'report_link_invalid',
  );
  assert.equal(
    validateReport({ progress: '完成', links: 'https://a.example/x\n\n/gk/items/1' }).fields?.links,
    'https://a.example/x\n/gk/items/1',
  );
  assert.doesNotThrow(() => assertCanReport('open'));
  assert.doesNotThrow(() => assertCanReport('returned'));
  assert.throws(() => assertCanReport('reported'), /task_state_conflict/);
  assert.throws(() => assertCanReview('open'), /task_state_conflict/);
});

test('progress and quarters', () => {
  const p = taskProgress(
    [
      { deadline: '2026-01-01', state: 'accepted' },
      { deadline: '2026-01-01', state: 'open' },
      { deadline: '2027-01-01', state: 'reported' },
    ],
    '2026-03-01',
  );
  assert.deepEqual(p, { total: 3, accepted: 1, reported: 1, overdue: 1, acceptedRate: 33.3 });
  assert.deepEqual(quarterOf('2026-11-29'), { year: 2026, quarter: 4, from: '2026-10-01', to: '2026-12-31' });
  assert.deepEqual(quarterOf('2026-05-02'), { year: 2026, quarter: 2, from: '2026-04-01', to: '2026-06-30' });
});

test('import: dates normalised, every bad row reported with its row number', () => {
  assert.equal(normaliseDate('2026/6/30'), '2026-06-30');
  assert.equal(normaliseDate('2026年6月30日'), '2026-06-30');
  assert.equal(normaliseDate('2026-02-30'), null);
  assert.equal(mapHeader(['类别', '任务内容']).errors[0].code, 'import_columns_missing');
  const { index } = mapHeader(['序号', '类别', '任务内容', '责任单位', '责任科室', '完成时限', '佐证材料要求']);
  const orgs = [
    { id: 2, name: '县教育局', shortName: '教育局', parentId: 1 },
    { id: 5, name: '办公室', shortName: null, parentId: 2 },
  ];
  const good = parseTaskRows(
    [{ rowNumber: 2, cells: ['1', '政策解读', '解读文件', '教育局', '办公室', '2026/6/30', '解读链接'] }],
    index,
    2026,
    orgs,
  );
  assert.deepEqual(good.errors, []);
  assert.equal(good.tasks[0].responsible_org_id, 2);
  assert.equal(good.tasks[0].department_org_id, 5);
  const bad = parseTaskRows(
    [
      { rowNumber: 2, cells: ['1', '政策解读', '解读文件', '县财政局', '', '2026-06-30', '链接'] },
      { rowNumber: 3, cells: ['2', '', '内容', '县教育局', '', '六月底', '链接'] },
      { rowNumber: 4, cells: ['', '', '', '', '', '', ''] },
    ],
    index,
    2026,
    orgs,
  );
  assert.equal(bad.tasks.length, 0);
  assert.deepEqual(
    bad.errors.map((e) => e.message),
    [
      '第 2 行：责任单位“县财政局”不在本级管辖范围内。',
      '第 3 行：完成时限“六月底”不是有效日期（如 2026-06-30）；请填写任务类别。',
    ],
  );
});

test('alerts: calendar from 1 November, annual report in January, chosen kinds only', () => {
  assert.equal(calendarAlertApplies('2026-10-31', false), false);
  assert.equal(calendarAlertApplies('2026-11-01', false), true);
  assert.equal(calendarAlertApplies('2026-11-01', true), false);
  assert.equal(annualReportAlertApplies('2027-01-01'), true);
  assert.equal(annualReportAlertApplies('2027-02-01'), false);
  const facts = {
    requestsDueSoon: 2,
    requestsOverdue: 1,
    tasksOverdue: 3,
    calendarMissingYear: 2027,
    annualReportYear: null,
  };
  assert.equal(digestLines(facts, parseKinds(null)).length, 3);
  assert.deepEqual(digestLines(facts, ['tasks_overdue']), ['年度任务：3 项已逾期未完成。']);
  assert.deepEqual(parseKinds('["tasks_overdue","nope"]'), ['tasks_overdue']);
  assert.deepEqual(
    digestLines({ ...facts, itemsDue: 4, messagesLate: 1, messagesDueSoon: 0 }, ['items_due', 'messages_late']),
    [
      '主动公开：4 条信息即将超过或已超过 20 个工作日仍未公开。',
      '互动交流：1 条留言已超期未答复，0 条将在 3 个工作日内到期。',
    ],
  );
  assert.deepEqual(
    digestLines(
      { ...facts, requestsDueSoon: 0, requestsOverdue: 0, tasksOverdue: 0, calendarMissingYear: null },
      parseKinds(null),
    ),
    [],
  );
});

test('items about to miss 20 working days: latest creation day whose limit falls by the alert horizon', () => {
  const cal = buildCalendar(OFFICIAL_YEARS);
  // 2026-11-30 (Mon) + 3 working days = 2026-12-03; 20 working days before it (no holidays) = 2026-11-05.
  assert.equal(addWorkingDays(cal, '2026-11-30', 3), '2026-12-03');
  assert.equal(latestCreationDueBy(cal, '2026-11-30', '2026-12-03'), '2026-11-05');
});

test('dashboard: sections count with their agency; sorting puts no-data last; CSV is safe', () => {
  const orgs = [
    { id: 1, name: '某县', path: '/1/', kind: 'county' },
    { id: 2, name: '教育局', path: '/1/2/', kind: 'agency' },
    { id: 3, name: '办公室', path: '/1/2/3/', kind: 'section' },
  ];
  const map = rowOf(orgs);
  assert.equal(map.get(3), 2);
  const rolled = rollUp(
    new Map([
      [3, { received: 2 }],
      [2, { received: 1 }],
      [1, { received: 5 }],
    ]),
    map,
  );
  assert.equal(rolled.get(2)?.received, 3);
  assert.equal(rolled.get(1)?.received, 5);
  const rows = [
    { orgId: 1, orgName: '甲', values: { x: null } },
    { orgId: 2, orgName: '乙', values: { x: 2 } },
    { orgId: 3, orgName: '丙', values: { x: 9 } },
  ];
  assert.deepEqual(
    sortRows(rows, 'x', 'desc').map((r) => r.orgId),
    [3, 2, 1],
  );
  assert.deepEqual(
    sortRows(rows, 'x', 'asc').map((r) => r.orgId),
    [2, 3, 1],
  );
  assert.equal(formatFigure({ key: 'x', format: 'pct' }, 85.5, true), '85.5%');
  assert.equal(formatFigure({ key: 'x', format: 'int' }, 3, false), '暂无数据');
  assert.equal(formatFigure({ key: 'x', format: 'pct' }, null, true), '—');
  // The dashboard's CSV is the platform's: formulas defused, commas quoted.
  assert.equal(toCsv([['单位'], ['=cmd()'], ['a,b']]), '\uFEFF单位\r\n\'=cmd()\r\n"a,b"\r\n');
});

test('trend chart: 12 months with a <title> per bar', () => {
  const months = monthsEnding('2026-02');
  assert.equal(months[0], '2025-03');
  assert.equal(months[11], '2026-02');
  const svg = trendSvg('趋势', months, [{ label: '收到申请', values: months.map((_, i) => i) }]);
  assert.match(svg, /^<svg [^>]*role="img"/);
  assert.match(svg, /<title>2026-02 收到申请：11<\/title>/);
  assert.equal(svg.match(/<rect [^>]*><title>/g)?.length, 12);
});
