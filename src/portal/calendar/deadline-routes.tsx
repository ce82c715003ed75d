import type { FastifyInstance } from 'fastify';
import { PortalLayout } from '../../platform/views/portal-layout.js';
import { ErrorSummary, SelectField, TextField } from '../../platform/views/components.js';
import { Form, OptText, typed, type Static } from '../../platform/http/schemas.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { todayInShanghai } from '../../platform/dates.js';
import { getCalendar, provisionalNote, provisionalYears } from '../../calendar/index.js';
import { byEventName, computeClock, parseLedger, CHANNELS, type ClockResult } from '../../requests/index.js';
import { ProvisionalBadge, ProvisionalNote } from '../../platform/views/provisional.js';

const EVENT_TYPES: Array<[string, string]> = [
  ['correction_requested', '发出补正通知（需填补正期限）'],
  ['correction_received', '收到补正后的申请'],
  ['consultation_started', '开始征求第三方意见'],
  ['consultation_ended', '征求意见结束'],
  ['fee_notice_sent', '发出收费通知'],
  ['fee_paid', '申请人缴费'],
  ['extended', '延期答复（需填延长工作日数）'],
  ['answered', '作出答复'],
];
/** The calculator's rows of events. */
const ROWS = [0, 1, 2, 3, 4] as const;
type Row = (typeof ROWS)[number];

/**
 * The calculator's query string. Dates and numbers stay text here: the ledger's rules (parseLedger)
 * check them and the page shows its errors above the form, with what was entered kept in the fields.
 */
const DeadlineQuery = Form({
  received: OptText('收到申请日期'),
  channel: OptText('提交方式'),
  asOf: OptText('计算截至日期'),
  t0: OptText('事件 1'),
  d0: OptText('事件 1的日期'),
  u0: OptText('事件 1的补正期限'),
  n0: OptText('事件 1的延长工作日数'),
  t1: OptText('事件 2'),
  d1: OptText('事件 2的日期'),
  u1: OptText('事件 2的补正期限'),
  n1: OptText('事件 2的延长工作日数'),
  t2: OptText('事件 3'),
  d2: OptText('事件 3的日期'),
  u2: OptText('事件 3的补正期限'),
  n2: OptText('事件 3的延长工作日数'),
  t3: OptText('事件 4'),
  d3: OptText('事件 4的日期'),
  u3: OptText('事件 4的补正期限'),
  n3: OptText('事件 4的延长工作日数'),
  t4: OptText('事件 5'),
  d4: OptText('事件 5的日期'),
  u4: OptText('事件 5的补正期限'),
  n4: OptText('事件 5的延长工作日数'),
});
type DeadlineInput = Static<typeof DeadlineQuery>;

/** One row of events as entered (t: event, d: date, u: 补正期限, n: extension days). */
const rowOf = (q: DeadlineInput, i: Row) => ({
  type: q[`t${i}`],
  on: q[`d${i}`] ?? '',
  until: q[`u${i}`] ?? '',
  days: q[`n${i}`],
});

/** Builds the ledger from the calculator's query string (checked by parseLedger), and the row of each event. */
function ledgerFrom(q: DeadlineInput) {
  const events = [];
  const rows: Row[] = [];
  for (const i of ROWS) {
    const row = rowOf(q, i);
    if (!row.type) continue;
    const e: Record<string, unknown> = { type: row.type, on: row.on };
    if (row.type === 'correction_requested') e.until = row.until;
    if (row.type === 'consultation_started') e.party = 'third_party';
    // Whole numbers as numbers; anything else as typed, so the message quotes it.
    if (row.type === 'extended') e.days = /^[0-9]{1,3}$/.test(row.days ?? '') ? Number(row.days) : (row.days ?? '');
    events.push(e);
    rows.push(i);
  }
  return { ledger: { received: { on: q.received ?? '', channel: q.channel ?? 'online' }, events }, rows };
}

/** The ledger's field of each form field: `received.on` is 收到申请日期, `events[2].until` the third filled row's 补正期限. */
const FORM_FIELDS: Record<string, string> = { type: 't', on: 'd', until: 'u', days: 'n' };

/** The ledger's errors at the form's fields; a value no list offers (a hand-made link) is told to choose from it. */
function atFormFields(errors: FieldError[], rows: Row[]): FieldError[] {
  return errors.map((x) => {
    if (x.field === 'received.on') return { ...x, field: 'received' };
    if (x.field === 'received.channel') return { ...x, field: 'channel', message: '请从列表中选择提交方式。' };
    const m = /^events\[(\d+)\]\.(\w+)$/.exec(x.field ?? '');
    const row = m ? rows[Number(m[1])] : undefined;
    const letter = m ? FORM_FIELDS[m[2]!] : undefined;
    if (row === undefined || !letter) return { ...x, field: undefined };
    const message =
      letter === 't' ? `事件 ${row + 1}：请从列表中选择事件。` : `事件 ${row + 1}：${byEventName(x.message)}`;
    return { ...x, field: `${letter}${row}`, message };
  });
}

/** 期限计算器: anyone can compute a request's due date and read how it was computed. */
export async function deadlineRoutes(app: FastifyInstance): Promise<void> {
  typed(app).get('/tools/deadline', { schema: { querystring: DeadlineQuery } }, async (req, reply) => {
    const q = req.query;
    let result: ClockResult | null = null;
    let errors: FieldError[] | undefined;
    if (q.received) {
      const asOf = q.asOf ?? todayInShanghai(req.ctx.now());
      const { ledger, rows } = ledgerFrom(q);
      try {
        result = computeClock(await getCalendar(req.ctx.db), parseLedger(ledger), asOf);
      } catch (e) {
        if (!isAppError(e)) throw e;
        errors = atFormFields(e.errors, rows);
      }
    }
    const view = reply.view();
    return reply.page(
      <PortalLayout view={view} title="期限计算器">
        <h1>依申请公开答复期限计算器</h1>
        <p>
          按《政府信息公开条例》第三十三条，行政机关应自收到申请之日起 20
          个工作日内答复（起算日不计入，遇法定节假日顺延，调休上班日计为工作日）；补正后重新计算，征求第三方或其他机关意见、收费通知至缴费期间不计算在内，延期最长
          20 个工作日。详细规则见说明。
        </p>
        <ErrorSummary errors={errors} />
        <form method="get" action="/tools/deadline">
          <TextField name="received" label="收到申请日期" type="date" required value={q.received} errors={errors} />
          <SelectField
            name="channel"
            label="提交方式"
            value={q.channel ?? 'online'}
            options={Object.entries(CHANNELS).map(([k, v]) => [k, v.label])}
            errors={errors}
          />
          <fieldset>
            <legend>办理过程中的事件（可选，按发生先后填写）</legend>
            {ROWS.map((i) => (
              <div class="filters">
                <SelectField
                  name={`t${i}`}
                  label={`事件 ${i + 1}`}
                  value={q[`t${i}`]}
                  options={EVENT_TYPES}
                  placeholder="（无）"
                  errors={errors}
                />
                <TextField name={`d${i}`} label="日期" type="date" value={q[`d${i}`]} errors={errors} />
                <TextField name={`u${i}`} label="补正期限至" type="date" value={q[`u${i}`]} errors={errors} />
                <TextField name={`n${i}`} label="延长工作日数" inputmode="numeric" value={q[`n${i}`]} errors={errors} />
              </div>
            ))}
          </fieldset>
          <TextField name="asOf" label="计算截至日期（默认今天）" type="date" value={q.asOf} />
          <button type="submit">计算</button>
        </form>
        {result ? (
          <section aria-labelledby="result" class="card">
            <h2 id="result">计算结果</h2>
            <dl class="meta">
              <dt>状态</dt>
              <dd>{result.stateLabel}</dd>
              <dt>起算日（第 0 日）</dt>
              <dd>{result.dayZero}</dd>
              <dt>答复期限</dt>
              <dd>
                <strong>{result.dueOn ?? '—'}</strong>
                {result.dueOnProvisional ? '（暂停中，期限将顺延）' : ''}
                {result.calendarProvisional ? (
                  <ProvisionalNote note={provisionalNote(provisionalYears(result.provisionalDates))} />
                ) : null}
              </dd>
              <dt>补正告知期限</dt>
              <dd>
                {result.correctionNoticeDueOn}
                {result.provisionalDates.includes(result.correctionNoticeDueOn) ? (
                  <ProvisionalBadge note={provisionalNote(provisionalYears([result.correctionNoticeDueOn]))} />
                ) : null}
              </dd>
              {result.workingDaysLeft !== null ? (
                <>
                  <dt>剩余工作日</dt>
                  <dd>{result.workingDaysLeft}</dd>
                </>
              ) : null}
              {result.overdue ? (
                <>
                  <dt>逾期</dt>
                  <dd>{result.overdueWorkingDays} 个工作日</dd>
                </>
              ) : null}
            </dl>
            <h3>计算过程</h3>
            <ol>
              {result.steps.map((s) => (
                <li>{s}</li>
              ))}
            </ol>
            {result.warnings.length ? (
              <div class="warning">
                {result.warnings.map((w) => (
                  <p>{w.message}</p>
                ))}
              </div>
            ) : null}
          </section>
        ) : null}
      </PortalLayout>,
      errors ? 400 : 200,
    );
  });
}
