import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import {
  CsrfField,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  beijingTime,
} from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { Choice, Form, OptInt, OptText, Text, typed } from '../../platform/http/schemas.js';
import { readUploadForm, uploadForm } from '../../platform/http/upload-form.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { todayInShanghai } from '../../platform/dates.js';
import { isSysadmin, rolesAllow } from '../../orgs/index.js';
import {
  coversYear,
  isAnnouncedYear,
  provisionalNote,
  exportRecord,
  parseCalendarFile,
  previewImport,
  type ImportPreview,
  yearSummary,
  getCalendar,
  calendarChanges,
  calendarVersions,
  parseCalendarJson,
  saveCalendarYears,
  correctCalendarDay,
} from '../../calendar/index.js';
import { ProvisionalBadge } from '../../platform/views/provisional.js';
import { assertAllowed } from '../guard.js';
import { registerHomeWidget } from '../foundation/home-routes.js';

const SOURCE: Record<string, string> = { official: '内置（国务院办公厅通知）', import: '导入', edit: '更正' };

async function page(
  req: FastifyRequest,
  view: ViewCtx,
  opts: {
    year?: number;
    errors?: FieldError[];
    text?: string;
    message?: string;
    preview?: { items: ImportPreview[]; data: string; notes: string[] };
  },
) {
  const rows = await calendarVersions(req.ctx.db);
  const cal = await getCalendar(req.ctx.db);
  const year = opts.year ?? rows[0]?.year;
  const summary = year && coversYear(cal, year) ? yearSummary(cal, year) : null;
  const changes = await calendarChanges(req.ctx.db);
  return (
    <ConsoleLayout view={view} title="法定节假日日历">
      <p class="muted">
        所有期限（依申请公开、补正、征求意见、主动公开时限、留言答复）按此日历计算工作日。国务院办公厅尚未公布安排的年度按《全国年节及纪念日放假办法》推算（暂定，不含调休），涉及这些年度的期限都标明“暂定”；导入正式安排后，未办结事项的期限自动重新计算并告知申请人。
      </p>
      {opts.message ? (
        <div class="flash" role="status">
          {opts.message}
        </div>
      ) : null}
      {opts.preview ? <ImportPreviewSection view={view} preview={opts.preview} /> : null}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col">版本</th>
              <th scope="col">来源</th>
              <th scope="col">更新时间</th>
            </tr>
          </thead>
          <tbody>
            {[...cal.provisionalYears].reverse().map((y) => (
              <tr>
                <td>
                  <a href={`/console/calendar?year=${y}`}>{y} 年</a>
                </td>
                <td>—</td>
                <td>
                  <ProvisionalBadge note={provisionalNote([y])} /> 依法推算（尚未公布）
                </td>
                <td>—</td>
              </tr>
            ))}
            {rows.map((r) => (
              <tr>
                <td>
                  <a href={`/console/calendar?year=${r.year}`}>{r.year} 年</a>
                </td>
                <td>第 {r.version} 版</td>
                <td>{SOURCE[r.source] ?? r.source}</td>
                <td>{beijingTime(r.updated_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {summary ? (
        <section>
          <h2>
            {summary.year} 年安排（全年 {summary.workingDays} 个工作日）
            {summary.provisional ? <ProvisionalBadge note={provisionalNote([summary.year])} /> : null}
          </h2>
          <ul>
            {summary.lines.map((l) => (
              <li>{l}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {isSysadmin(view.actor) ? (
        <section>
          <h2>新增或更正年度安排</h2>
          <p>
            粘贴 JSON（格式见 docs/deadlines.md）或 .ics 日历内容（手机日历导出的“班/休”、“假期
            第1天/共3天”等格式均可）。保存前先显示逐日安排和与当前日历的差异；每次修改都会保存修改前的版本、写入审计日志，并重新计算所有未办结事项的期限。
          </p>
          <ErrorSummary errors={opts.errors} />
          <h3>更正某一天</h3>
          <form method="post" action="/console/calendar/day" class="filters">
            <CsrfField token={view.csrf} />
            <TextField name="date" label="日期" type="date" required />
            <SelectField
              name="working"
              label="改为"
              options={[
                ['0', '休息日（放假）'],
                ['1', '工作日（含调休上班）'],
              ]}
            />
            <TextField name="holidayName" label="所属节日（放假时填写，可空）" />
            <TextField name="year" label="所属年度安排（可空，默认为该日所在年）" inputmode="numeric" />
            <button type="submit">更正</button>
          </form>
          <h3>上传年度安排文件</h3>
          <form method="post" action="/console/calendar/upload" enctype="multipart/form-data" class="filters">
            <CsrfField token={view.csrf} />
            <div class="field">
              <label for="f-file">JSON 或 .ics 文件</label>
              <input id="f-file" name="file" type="file" accept=".json,.ics,application/json,text/calendar" required />
            </div>
            <button type="submit">上传并预览</button>
          </form>
          <h3>粘贴整年安排</h3>
          <form method="post" action="/console/calendar/import">
            <CsrfField token={view.csrf} />
            <TextArea name="data" label="年度安排数据" rows={12} required value={opts.text} errors={opts.errors} />
            <button type="submit">预览</button>
          </form>
        </section>
      ) : null}
      <h2>修改记录</h2>
      <ul>
        {changes.map((c) => (
          <li>
            {beijingTime(c.changed_at)} {c.changed_by}：{c.summary}（{c.year} 年第 {c.version} 版
            {c.before_data ? '，已保留修改前版本' : ''}）
          </li>
        ))}
      </ul>
    </ConsoleLayout>
  );
}

/** The preview of an import, with the button that saves it. */
function ImportPreviewSection({
  view,
  preview,
}: {
  view: ViewCtx;
  preview: { items: ImportPreview[]; data: string; notes: string[] };
}) {
  return (
    <section class="card" aria-labelledby="preview-h">
      <h2 id="preview-h">导入预览（尚未保存）</h2>
      {preview.notes.map((n) => (
        <p class="muted">{n}</p>
      ))}
      {preview.items.map((p) => (
        <>
          <h3>{p.lines[0]}</h3>
          <ul>
            {p.lines.slice(1).map((l) => (
              <li>{l.trim()}</li>
            ))}
          </ul>
        </>
      ))}
      <form method="post" action="/console/calendar/import/confirm">
        <CsrfField token={view.csrf} />
        <input type="hidden" name="data" value={preview.data} />
        <button type="submit">确认保存并重新计算期限</button> <a href="/console/calendar">放弃</a>
      </form>
    </section>
  );
}

const YearQuery = Form({ year: OptInt('年度', { maximum: 9999 }) });
const DataForm = Form({ data: Text('年度安排数据') });
const DayForm = Form({
  date: Text('日期'),
  working: Choice('改为', ['0', '1'] as const, { default: '0' }),
  holidayName: OptText('所属节日', { maxLength: 50 }),
  year: OptInt('所属年度安排', { maximum: 9999 }),
});

/** Console: the statutory calendar, its versions, imports and corrections. */
export async function calendarConsoleRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  const canSee = (req: FastifyRequest) => rolesAllow(req.actor, ['sysadmin', 'supervisor']);
  r.get('/console/calendar', { schema: { querystring: YearQuery } }, async (req, reply) => {
    assertAllowed(canSee(req));
    return reply.page(await page(req, reply.view(), { year: req.query.year }));
  });
  const fail = async (req: FastifyRequest, reply: FastifyReply, e: unknown, text: string) => {
    if (!isAppError(e)) throw e;
    return reply.page(
      await page(req, reply.view(), {
        errors: e.errors.map((x) => ({ ...x, message: `${x.field ? x.field + '：' : ''}${x.message}`, field: 'data' })),
        text,
      }),
      e.status,
    );
  };
  // Step 1: parse and show what would change; nothing is saved.
  const previewText = async (req: FastifyRequest, reply: FastifyReply, text: string) => {
    try {
      const parsed = parseCalendarFile(text);
      const items = previewImport(await getCalendar(req.ctx.db), parsed.years);
      const data = JSON.stringify(parsed.years.map(exportRecord));
      return reply.page(
        await page(req, reply.view(), { year: parsed.years[0]?.year, preview: { items, data, notes: parsed.notes } }),
      );
    } catch (e) {
      return fail(req, reply, e, text);
    }
  };
  r.post('/console/calendar/import', { schema: { body: DataForm } }, async (req, reply) => {
    assertAllowed(isSysadmin(req.actor));
    return previewText(req, reply, req.body.data);
  });
  // Step 2: the administrator confirms the previewed data.
  r.post('/console/calendar/import/confirm', { schema: { body: DataForm } }, async (req, reply) => {
    assertAllowed(isSysadmin(req.actor));
    const text = req.body.data;
    try {
      const parsed = parseCalendarJson(text);
      const r = await saveCalendarYears(req.ctx, parsed.years, 'import');
      const moved = r.moved.reduce((n, m) => n + m.moved, 0);
      const msg = `${r.saved.map((s) => `${s.year} 年${s.changed ? `已保存为第 ${s.version} 版` : '无变化'}`).join('；')}。未办结事项中有 ${moved} 个期限随之调整，已记入案卷并告知申请人。`;
      return reply.page(await page(req, reply.view(), { year: r.saved[0]?.year, message: msg }));
    } catch (e) {
      return fail(req, reply, e, text);
    }
  });
  // A multipart form: the file (and the CSRF token) are read by the streaming upload reader (upload-form.ts); no schema.
  r.post(
    '/console/calendar/upload',
    { preValidation: readUploadForm('file', { staffOnly: true }) },
    async (req, reply) => {
      assertAllowed(isSysadmin(req.actor));
      const form = uploadForm(req);
      if (form.error || !form.file?.data.length) {
        return reply.page(
          await page(req, reply.view(), {
            errors: [{ code: 'file_missing', message: form.error ?? '请选择 JSON 或 .ics 文件。', field: 'data' }],
          }),
          400,
        );
      }
      return previewText(req, reply, form.file.data.toString('utf8'));
    },
  );

  r.post('/console/calendar/day', { schema: { body: DayForm } }, async (req, reply) => {
    assertAllowed(isSysadmin(req.actor));
    const { date, working, holidayName, year } = req.body;
    try {
      const done = await correctCalendarDay(req.ctx, { date, working: working === '1', holidayName, year });
      const moved = done.moved.reduce((n, m) => n + m.moved, 0);
      return reply.page(
        await page(req, reply.view(), {
          year: done.saved[0]?.year,
          message: `已更正 ${date}（${done.saved[0]?.year} 年第 ${done.saved[0]?.version} 版）。未办结事项中有 ${moved} 个期限随之调整。`,
        }),
      );
    } catch (e) {
      if (!isAppError(e)) throw e;
      return reply.page(
        await page(req, reply.view(), { errors: e.errors.map((x) => ({ ...x, field: 'data' })) }),
        e.status,
      );
    }
  });

  // From 1 November, warn administrators and supervisors when next year's calendar is missing.
  registerHomeWidget(async (req) => {
    if (!rolesAllow(req.actor, ['sysadmin', 'supervisor'])) return null;
    const today = todayInShanghai(req.ctx.now());
    const year = Number(today.slice(0, 4));
    if (today.slice(5) < '11-01') return null;
    if (isAnnouncedYear(await getCalendar(req.ctx.db), year + 1)) return null;
    return {
      level: 'warning',
      title: `尚未导入 ${year + 1} 年法定节假日安排。`,
      body: `国务院办公厅通知发布后，请系统管理员在“法定节假日日历”中导入；在此之前，期限落在 ${year + 1} 年的事项按《全国年节及纪念日放假办法》推算并标明“暂定”，导入后自动重新计算并告知申请人。`,
    };
  });
}
