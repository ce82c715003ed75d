/** The applicant's status page: state, receipt date, due date with the clock's explanation, public history. */
import type { ComponentChildren } from 'preact';
import { CsrfField, beijingTime } from '../../platform/views/components.js';
import { formatChinese } from '../../platform/dates.js';
import { stateLabel, outcomeText, type PublicStatus, isOpenState } from '../../requests/index.js';
import { OralRecordConfirm } from './oral-confirm-view.js';
import { ProvisionalNote } from '../../platform/views/provisional.js';
import { provisionalNote, provisionalYears } from '../../calendar/index.js';

const cn = (d: string | null) => (d ? `${formatChinese(d)}（${d}）` : '—');

/** Renders the status for someone holding the 申请编号 and 查询码. */
export function StatusView({
  st,
  csrf,
  queryCode,
  children,
}: {
  st: PublicStatus;
  csrf: string;
  queryCode: string;
  children?: ComponentChildren;
}) {
  const c = st.clock.result;
  return (
    <section aria-labelledby="st-h">
      <h2 id="st-h">申请编号 {st.requestNo}</h2>
      {st.dueChange ? (
        <p class="notice" role="status" data-testid="due-change">
          答复期限已于{formatChinese(st.dueChange.on)}调整：由 {cn(st.dueChange.from)} 调整为 {cn(st.dueChange.to)}
          。原因：{st.dueChange.reason}。
        </p>
      ) : null}
      <dl class="meta">
        <dt>受理机关</dt>
        <dd>{st.orgName}</dd>
        <dt>办理状态</dt>
        <dd data-testid="state">{stateLabel(st.state)}</dd>
        {st.asked.length ? (
          <>
            <dt>申请获取的信息</dt>
            <dd data-testid="asked" class="asked">
              {st.asked.map(([k, v]) => (
                <span class="asked-part">
                  {k}：{v}
                </span>
              ))}
            </dd>
          </>
        ) : null}
        <dt>提交时间</dt>
        <dd>{beijingTime(st.submittedAt)}</dd>
        <dt>收到申请之日</dt>
        <dd data-testid="received">
          {st.receivedOn
            ? cn(st.receivedOn)
            : st.channel === 'oral'
              ? '待您确认口头申请的记录内容（确认之日为收到申请之日）'
              : '待受理机关确认（条例第三十一条：以双方确认之日为收到申请之日）'}
        </dd>
        <dt>答复期限</dt>
        <dd data-testid="due">
          {c?.dueOn ? cn(c.dueOn) : st.dueOn ? cn(st.dueOn) : '—'}
          {c?.dueOnProvisional ? '（暂停计时中，期限将顺延）' : ''}
          {c?.calendarProvisional ? (
            <ProvisionalNote note={provisionalNote(provisionalYears(c.provisionalDates))} />
          ) : null}
        </dd>
        {st.outcomeCode ? (
          <>
            <dt>办理结果</dt>
            <dd>{outcomeText(st.outcomeCode)}</dd>
          </>
        ) : null}
        {st.closedOn ? (
          <>
            <dt>办结日期</dt>
            <dd>{cn(st.closedOn)}</dd>
          </>
        ) : null}
      </dl>
      {st.oralRecord ? <OralRecordConfirm st={st} csrf={csrf} queryCode={queryCode} /> : null}
      {c ? (
        <>
          <h3>期限说明</h3>
          <ol class="steps">
            {c.steps.map((s) => (
              <li>{s}</li>
            ))}
          </ol>
        </>
      ) : st.clock.problem ? (
        <p class="warning">答复期限暂时无法自动计算，受理机关将按规定期限答复；如有疑问请联系受理机关。</p>
      ) : null}
      <h3>办理记录</h3>
      <ul>
        {st.history.map((e) => (
          <li>
            {e.on} {e.label}
          </li>
        ))}
      </ul>
      {st.letters.length ? (
        <>
          <h3>文书</h3>
          <ul>
            {st.letters.map((l, i) => (
              <li>
                <form method="post" action="/ysqgk/letter" class="inline">
                  <CsrfField token={csrf} />
                  <input type="hidden" name="requestNo" value={st.requestNo} />
                  <input type="hidden" name="queryCode" value={queryCode} />
                  <input type="hidden" name="n" value={String(i)} />
                  {l.date}{' '}
                  <button type="submit" class="link">
                    {l.title}（可打印）
                  </button>{' '}
                  <button type="submit" name="format" value="docx" class="link" aria-label={`${l.title}（DOCX）`}>
                    DOCX
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {children}
      {isOpenState(st.state) ? (
        <form method="post" action="/ysqgk/withdraw" class="actions">
          <CsrfField token={csrf} />
          <input type="hidden" name="requestNo" value={st.requestNo} />
          <input type="hidden" name="queryCode" value={queryCode} />
          <button type="submit" class="danger">
            撤回申请
          </button>
        </form>
      ) : null}
    </section>
  );
}
