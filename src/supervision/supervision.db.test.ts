import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import type { Db } from '../platform/db/schema.js';
import type { OrgRow } from '../orgs/orgs.store.js';
import { isAppError } from '../platform/errors.js';
import { createTask } from './create-task.js';
import { updateTask } from './update-task.js';
import { reportTask } from './report-task.js';
import { reviewTask } from './review-task.js';
import { importTasks } from './import-tasks.js';
import { getTask, listReports, listTasks } from './tasks.store.js';
import { sql } from 'kysely';
import { buildDashboard, computeFigures } from './build-dashboard.js';
import type { FigureSource } from './figure-source.js';
import { formatFigure } from './dashboard.rules.js';
import { sendDailyDigest } from './daily-digest.js';
import { saveAlertPrefs } from './save-alert-prefs.js';
import { publicStats } from './public-stats.js';
import { runSiteCheck } from './run-site-check.js';
import { runAllSiteChecks } from './run-all-site-checks.js';
import { setColumnKinds } from './set-column-kinds.js';
import { readHistory } from './site-check-settings.js';

const NOW = new Date('2026-11-30T02:00:00Z'); // Monday 2026-11-30, 10:00 Beijing

async function lastAudit(db: Db, action: string) {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', action)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
}

async function sheet(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A minimal request row for figures (no personal data needed by the dashboard). */
async function addRequest(
  db: Db,
  org: OrgRow,
  r: { received: string; state: string; due: string | null; closed?: string; outcome?: string },
) {
  const n = Math.random().toString(36).slice(2, 10);
  await db
    .insertInto('requests')
    .values({
      org_id: org.id,
      request_no: `T${n}`,
      query_code_hash: n,
      applicant_type: 'citizen',
      applicant_kind: null,
      applicant_name: '张三',
      id_type: 'id_card',
      id_number: '110101199001011234',
      legal_rep: null,
      contact_name: null,
      phone: null,
      email: null,
      address: null,
      postcode: null,
      info_title: '测试',
      info_ref: null,
      info_description: '测试',
      info_form: 'paper',
      delivery: 'post',
      channel: 'online',
      submitted_at: `${r.received}T01:00:00.000Z`,
      received_on: r.received,
      state: r.state,
      due_on: r.due,
      handler_id: null,
      outcome_code: r.outcome ?? null,
      outcome_basis: null,
      answer_text: null,
      closed_on: r.closed ?? null,
      created_at: NOW.toISOString(),
      updated_at: NOW.toISOString(),
    })
    .execute();
}

describeDb('supervision tasks and dashboard', (h) => {
  let county: OrgRow;
  let edu: OrgRow;
  let office: OrgRow;
  let other: OrgRow;
  let sup: Awaited<ReturnType<typeof makeUser>>;
  let eduAdmin: Awaited<ReturnType<typeof makeUser>>;
  let otherAdmin: Awaited<ReturnType<typeof makeUser>>;

  test('setup', async () => {
    county = await makeOrg(h.db(), { name: '某县人民政府' });
    edu = await makeOrg(h.db(), { parent: county, name: '县教育局' });
    office = await makeOrg(h.db(), { parent: edu, name: '办公室', kind: 'section' });
    other = await makeOrg(h.db(), { parent: county, name: '县财政局' });
    sup = await makeUser(h.db(), [['supervisor', county]]);
    eduAdmin = await makeUser(h.db(), [['agency_admin', edu]]);
    otherAdmin = await makeUser(h.db(), [['agency_admin', other]]);
    await h.db().updateTable('users').set({ email: 'sup@example.test' }).where('id', '=', sup.id).execute();
  });

  test('round trip: create → report → return → report → accept, each audited', async () => {
    const ctxSup = h.ctx(sup.actor, NOW);
    const ctxEdu = h.ctx(eduAdmin.actor, NOW);
    const t = await createTask(ctxSup, {
      jurisdictionOrgId: county.id,
      year: 2026,
      category: '政策解读',
      content: '出台文件同步解读',
      responsibleOrgId: edu.id,
      departmentOrgId: office.id,
      deadline: '2026-12-31',
      evidenceRequired: '解读链接',
    });
    assert.equal(t.seq, 1);
    assert.equal(t.state, 'open');
    assert.equal(t.department_name, '办公室');
    assert.match(
      (await lastAudit(h.db(), 'supervision.task.create'))!.summary,
      /2026 年度任务 1 号「政策解读」，责任单位：县教育局/,
    );

    await assert.rejects(
      reportTask(h.ctx(otherAdmin.actor, NOW), t.id, { progress: 'x', links: '' }),
      (e) => isAppError(e) && e.kind === 'forbidden',
    );
    await assert.rejects(
      reportTask(ctxEdu, t.id, { progress: '', links: 'ftp://x' }),
      (e) => isAppError(e) && e.errors.map((x) => x.field).join() === 'progress,links',
    );
    await reportTask(ctxEdu, t.id, { progress: '已解读 3 件', links: 'https://example.test/1' });
    assert.equal((await getTask(h.db(), t.id))!.state, 'reported');
    assert.equal((await lastAudit(h.db(), 'supervision.task.report'))!.org_id, edu.id);
    await assert.rejects(
      reportTask(ctxEdu, t.id, { progress: '再报', links: '' }),
      (e) => isAppError(e) && e.code === 'task_state_conflict',
    );

    await assert.rejects(
      reviewTask(ctxEdu, t.id, { decision: 'accept', comment: '' }),
      (e) => isAppError(e) && e.kind === 'forbidden',
    );
    await assert.rejects(
      reviewTask(ctxSup, t.id, { decision: 'return', comment: '' }),
      (e) => isAppError(e) && e.code === 'review_comment_required',
    );
    await reviewTask(ctxSup, t.id, { decision: 'return', comment: '缺少解读链接' });
    assert.equal((await getTask(h.db(), t.id))!.state, 'returned');
    assert.match(
      (await lastAudit(h.db(), 'supervision.task.return'))!.summary,
      /退回 2026 年度任务 1 号（县教育局）：缺少解读链接/,
    );

    await reportTask(ctxEdu, t.id, { progress: '补充解读链接', links: '/gk/items/1' });
    await reviewTask(ctxSup, t.id, { decision: 'accept', comment: '' });
    const done = (await getTask(h.db(), t.id))!;
    assert.equal(done.state, 'accepted');
    assert.equal(done.accepted_on, '2026-11-30');
    assert.ok(await lastAudit(h.db(), 'supervision.task.accept'));
    const reports = await listReports(h.db(), t.id);
    assert.deepEqual(
      reports.map((r) => r.state),
      ['accepted', 'returned'],
    );
    assert.equal(reports[1].review_comment, '缺少解读链接');
    await assert.rejects(
      updateTask(ctxSup, t.id, {
        year: 2026,
        category: 'x',
        content: 'y',
        responsibleOrgId: edu.id,
        deadline: '2026-12-31',
        evidenceRequired: 'z',
      }),
      (e) => isAppError(e) && e.code === 'task_state_conflict',
    );
  });

  test('create refuses an agency outside the jurisdiction and non-supervisors', async () => {
    const outside = await makeOrg(h.db(), { name: '另一县' });
    await assert.rejects(
      createTask(h.ctx(sup.actor, NOW), {
        jurisdictionOrgId: county.id,
        year: 2026,
        category: 'a',
        content: 'b',
        responsibleOrgId: outside.id,
        deadline: '2026-01-31',
        evidenceRequired: 'c',
      }),
      (e) => isAppError(e) && e.errors[0].field === 'responsibleOrgId',
    );
    await assert.rejects(
      createTask(h.ctx(eduAdmin.actor, NOW), {
        jurisdictionOrgId: county.id,
        year: 2026,
        category: 'a',
        content: 'b',
        responsibleOrgId: edu.id,
        deadline: '2026-01-31',
        evidenceRequired: 'c',
      }),
      (e) => isAppError(e) && e.kind === 'forbidden',
    );
  });

  test('XLSX import: any bad row → all row errors in Chinese, nothing saved; good sheet saved and audited', async () => {
    const ctx = h.ctx(sup.actor, NOW);
    const before = (await listTasks(h.db(), { supervisePaths: [county.path], reportPaths: [] })).total;
    const head = ['类别', '任务内容', '责任单位', '责任科室', '完成时限', '佐证材料要求'];
    const bad = await sheet([
      head,
      ['重点领域', '公开预决算', '县财政局', '', '2026-03-31', '链接'],
      ['重点领域', '公开招生信息', '县卫健委', '', '2026/13/1', '链接'],
    ]);
    await assert.rejects(importTasks(ctx, { jurisdictionOrgId: county.id, year: 2026, data: bad }), (e) => {
      assert.ok(isAppError(e));
      assert.deepEqual(
        e.errors.map((x) => x.message),
        ['第 3 行：责任单位“县卫健委”不在本级管辖范围内；完成时限“2026/13/1”不是有效日期（如 2026-06-30）。'],
      );
      return true;
    });
    assert.equal((await listTasks(h.db(), { supervisePaths: [county.path], reportPaths: [] })).total, before);
    await assert.rejects(
      importTasks(ctx, { jurisdictionOrgId: county.id, year: 2026, data: Buffer.from('not a sheet') }),
      (e) => isAppError(e) && e.code === 'import_not_xlsx',
    );
    const good = await sheet([
      head,
      ['重点领域', '公开预决算', '县财政局', '', '2026-03-31', '链接'],
      ['政策解读', '解读', '县教育局', '办公室', '2026年12月31日', '链接'],
    ]);
    assert.deepEqual(await importTasks(ctx, { jurisdictionOrgId: county.id, year: 2026, data: good }), { created: 2 });
    assert.equal((await listTasks(h.db(), { supervisePaths: [county.path], reportPaths: [] })).total, before + 2);
    assert.match((await lastAudit(h.db(), 'supervision.task.import'))!.summary, /导入 2026 年度任务分解表 2 项/);
    const overdue = await listTasks(h.db(), {
      supervisePaths: [county.path],
      reportPaths: [],
      overdueAsOf: '2026-11-30',
    });
    assert.deepEqual(
      overdue.rows.map((t) => t.responsible_name),
      ['县财政局'],
    );
  });

  test('dashboard: per agency, sections roll up, agency admin sees only own agency, missing sources say 暂无数据', async () => {
    await addRequest(h.db(), edu, { received: '2026-11-02', state: 'processing', due: '2026-11-27' });
    await addRequest(h.db(), office, { received: '2026-11-20', state: 'processing', due: '2026-12-02' });
    await addRequest(h.db(), edu, {
      received: '2026-10-09',
      state: 'answered',
      due: '2026-11-06',
      closed: '2026-10-16',
      outcome: '1',
    });
    await addRequest(h.db(), other, {
      received: '2025-10-09',
      state: 'answered',
      due: '2025-11-06',
      closed: '2025-10-16',
    });
    const item = (n: number, created: string, published: string | null, mode = '主动公开') =>
      h
        .db()
        .insertInto('items')
        .values({
          org_id: office.id,
          index_no: `SUP-${n}`,
          title: `信息${n}`,
          summary: null,
          body_html: '<p>x</p>',
          doc_no: null,
          doc_agency: null,
          doc_year: null,
          doc_seq: null,
          doc_no_norm: null,
          topic: null,
          genre: '通知',
          category_id: null,
          keywords: null,
          validity: '有效',
          validity_on: null,
          replaced_by_id: null,
          disclosure_mode: mode,
          nondisclosure_ground: null,
          article20_item: null,
          is_rule: 0,
          is_normative: 0,
          legality_required: 0,
          written_on: null,
          created_on: created,
          published_on: published,
          status: published ? 'published' : 'draft',
          author_id: null,
          secrecy_reviewer: null,
          legality_reviewer: null,
          approver: null,
          withdrawn_reason: null,
          version: 1,
          created_at: NOW.toISOString(),
          updated_at: NOW.toISOString(),
        })
        .execute();
    await item(1, '2026-11-02', '2026-11-27'); // due 2026-11-30: on time
    await item(2, '2026-09-01', '2026-11-02'); // due 2026-09-29: late
    await item(3, '2024-01-02', '2026-03-02'); // created long before: late
    await item(4, '2026-11-02', '2026-11-03', '依申请公开'); // not proactive: not counted
    await item(5, '2026-10-09', null); // draft past its 20 working days: in the digest
    await item(6, '2026-11-27', null); // draft, due in December: not yet
    const d = await buildDashboard(h.ctx(sup.actor, NOW), {
      from: '2026-01-01',
      to: '2026-11-30',
      sort: 'req_received',
      dir: 'desc',
    });
    assert.equal(d.rows[0].values.items_published, 3);
    assert.equal(d.rows[0].values.items_on_time_rate, 33.3);
    assert.equal(d.rows[0].values.items_uninterpreted, 0);
    await h.db().updateTable('items').set({ is_normative: 1 }).where('index_no', 'in', ['SUP-1', 'SUP-2']).execute();
    const interp = await h
      .db()
      .selectFrom('items')
      .select('id')
      .where('index_no', 'in', ['SUP-1', 'SUP-3'])
      .orderBy('id')
      .execute();
    await h
      .db()
      .insertInto('item_links')
      .values({ interpretation_id: interp[1].id, document_id: interp[0].id, created_at: NOW.toISOString() })
      .execute();
    const withPolicy = await buildDashboard(h.ctx(sup.actor, NOW), { from: '2026-01-01', to: '2026-11-30' });
    assert.equal(withPolicy.rows.find((r) => r.orgId === edu.id)?.values.items_uninterpreted, 1); // SUP-2 has no 解读
    assert.deepEqual(
      d.rows.map((r) => r.orgName),
      ['县教育局', '某县人民政府', '县财政局'],
    );
    const e = d.rows[0].values;
    assert.equal(e.req_received, 3);
    assert.equal(e.req_open, 2);
    assert.equal(e.req_overdue, 1);
    assert.equal(e.req_due_soon, 1);
    assert.equal(e.req_answered, 1);
    assert.equal(e.req_on_time_rate, 100);
    assert.equal(e.req_avg_days, 6); // 10-09 → 10-16 with the 10-10 调休 working Saturday
    assert.equal(d.total.values.req_received, 3);
    assert.equal(d.rows[0].values.report_published ?? null, null); // no annual report (or no reports table yet)
    assert.equal(d.rows.find((r) => r.orgName === '县财政局')?.values.task_overdue, 1);
    const own = await buildDashboard(h.ctx(eduAdmin.actor, NOW), {});
    assert.deepEqual(
      own.rows.map((r) => r.orgName),
      ['县教育局'],
    );
    await assert.rejects(
      buildDashboard(h.ctx(sup.actor, NOW), { from: '2026-12-01', to: '2026-01-01' }),
      (x) => isAppError(x) && x.code === 'period_reversed',
    );
  });

  test('a source with nothing to say gives 暂无数据; a failing source fails the page instead of hiding the error', async () => {
    const silent: FigureSource = {
      key: 'ghost',
      label: '不存在',
      columns: [{ key: 'ghost_n', label: '幽灵', format: 'int' }],
      collect: async () => null,
      figures: (c) => ({ ghost_n: c.n ?? 0 }),
    };
    const d = await computeFigures(h.ctx(sup.actor, NOW), [county.path], { from: '2026-01-01', to: '2026-11-30' }, [
      silent,
    ]);
    assert.equal(d.columns[0].available, false);
    assert.equal(formatFigure(d.columns[0], d.rows[0].values.ghost_n, d.columns[0].available), '暂无数据');
    const broken: FigureSource = {
      ...silent,
      collect: async (db) => {
        await sql`select count(*) from no_such_table_here`.execute(db);
        return new Map();
      },
    };
    await assert.rejects(
      computeFigures(h.ctx(sup.actor, NOW), [county.path], { from: '2026-01-01', to: '2026-11-30' }, [broken]),
      /no_such_table_here/,
    );
  });

  test('website check: facts from the catalogue, 19号 vetoes, history with changes, audited, on the dashboard', async () => {
    const ts = NOW.toISOString();
    const cat = async (name: string) =>
      (
        await h
          .db()
          .insertInto('catalog_categories')
          .values({ org_id: edu.id, parent_id: null, name, sort_order: 0, created_at: ts, updated_at: ts })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const news = await cat('工作动态');
    const notices: number[] = [];
    for (let i = 0; i < 4; i++) notices.push(await cat(`政策文件${i}`));
    await h.db().updateTable('items').set({ category_id: news }).where('index_no', '=', 'SUP-1').execute(); // published 2026-11-27
    await h
      .db()
      .updateTable('items')
      .set({ category_id: notices[0], body_html: '<p><a href="/gk/items/999999">失效链接</a></p>' })
      .where('index_no', '=', 'SUP-2')
      .execute();
    const supCtx = h.ctx(sup.actor, NOW);
    await assert.rejects(
      runSiteCheck(h.ctx(eduAdmin.actor, NOW), edu.id),
      (e) => isAppError(e) && e.kind === 'forbidden',
    );
    await setColumnKinds(supCtx, edu.id, { [news]: 'news', ...Object.fromEntries(notices.map((n) => [n, 'notice'])) });
    const first = await runSiteCheck(supCtx, edu.id);
    // 3 notice columns empty + 0 stale news: 3 stale (< 5), 3 empty (< 5): no veto; deductions only
    assert.equal(first.result.veto, false);
    assert.deepEqual(
      first.result.findings.map((f) => f.code),
      ['stale_notice_column', 'empty_column', 'broken_link_other'],
    );
    assert.equal(first.result.score, 100 - 15 - 6 - 0.1);
    const cat5 = await cat('政策解读');
    const cat6 = await cat('通知公告');
    await setColumnKinds(supCtx, edu.id, {
      [news]: 'news',
      ...Object.fromEntries([...notices, cat5, cat6].map((n) => [n, 'notice'])),
    });
    const second = await runSiteCheck(supCtx, edu.id);
    assert.deepEqual(
      second.result.findings.filter((f) => f.veto).map((f) => f.code),
      ['columns_not_updated', 'empty_columns'],
    );
    assert.equal(second.result.verdict, '不合格');
    assert.equal(second.added.length, 2);
    assert.equal((await readHistory(h.db(), edu.id)).length, 2);
    assert.match(
      (await lastAudit(h.db(), 'supervision.site_check'))!.summary,
      /网站检查（县教育局）：不合格（单项否决）；新增问题 2 项/,
    );
    const d = await buildDashboard(supCtx, {});
    const row = d.rows.find((r) => r.orgId === edu.id)!;
    assert.equal(
      formatFigure(
        d.columns.find((c) => c.key === 'site_score')!,
        row.values.site_score,
        true,
      ),
      '不合格（单项否决）',
    );
    assert.equal(await runAllSiteChecks(h.ctx(undefined, NOW)), '网站检查：1 个单位，不合格 1 个');
  });

  test('public statistics are aggregates for the jurisdiction and an agency', async () => {
    const s = await publicStats(h.ctx(undefined, NOW), { orgId: edu.id, year: 2026 });
    assert.equal(s.figures.total.values.req_received, 3);
    assert.ok(!s.figures.columns.some((c) => c.key === 'req_overdue'));
    assert.equal(s.outcomes?.[0]?.n, 1);
  });

  test('daily digest: notices by preference, email when the user has an address, audited', async () => {
    await saveAlertPrefs(h.ctx(eduAdmin.actor, NOW), { kinds: ['tasks_overdue'], email: true });
    assert.match((await lastAudit(h.db(), 'supervision.alerts.prefs'))!.summary, /年度任务/);
    const msg = await sendDailyDigest(h.ctx(undefined, NOW));
    assert.match(msg, /站内通知 \d+ 人，邮件 1 封/);
    const notes = await h
      .db()
      .selectFrom('notifications')
      .selectAll()
      .where('kind', '=', 'supervision.digest')
      .execute();
    const supNote = notes.find((n) => n.user_id === sup.id)!;
    assert.match(supNote.body, /依申请公开：1 件已超期，1 件将在 3 个工作日内到期。/);
    assert.match(supNote.body, /年度任务：1 项已逾期未完成。/);
    assert.match(supNote.body, /主动公开：1 条信息即将超过或已超过 20 个工作日仍未公开。/);
    assert.equal(
      notes.some((n) => n.user_id === eduAdmin.id),
      false,
    ); // only tasks chosen; none overdue for 教育局
    const otherNote = notes.find((n) => n.user_id === otherAdmin.id)!;
    assert.match(otherNote.body, /年度任务：1 项已逾期未完成。/);
    const mail = await h.db().selectFrom('outbox').selectAll().where('to_addr', '=', 'sup@example.test').execute();
    assert.equal(mail.length, 1);
    assert.match(
      mail[0]?.body ?? '',
      /详情请登录工作台查看：https?:\/\/[^/\s]+\/console\/supervision\n如需调整提醒，请访问 https?:\/\/[^/\s]+\/console\/supervision\/alerts。/,
    );
    assert.doesNotMatch(mail[0]?.body ?? '', /[：\s]\/console/);
    assert.ok(await lastAudit(h.db(), 'supervision.digest'));
  });
});
