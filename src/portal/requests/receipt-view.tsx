/**
 * 回执: what an applicant keeps after submitting online — the 申请编号 and the 查询码 (shown only here),
 * what was asked for, how the date of receipt is set and when the answer is due. Printable (the print
 * view drops the site's header and footer; “打印回执” also saves as PDF from the browser's print dialog).
 */
import { PortalLayout } from '../../platform/views/portal-layout.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { beijingTime } from '../../platform/views/components.js';

export interface ReceiptData {
  requestNo: string;
  queryCode: string;
  orgName: string;
  submittedAt: string;
  asked: Array<[string, string]>;
}

export function ReceiptPage({ view, r }: { view: ViewCtx; r: ReceiptData }) {
  return (
    <PortalLayout view={view} title="申请已提交">
      <h1>申请已提交</h1>
      <p class="no-print">
        请记下申请编号和查询码，或打印、保存本回执。查询码只显示这一次，凭两者可查询办理进度、撤回申请。
      </p>
      <section class="receipt" aria-labelledby="receipt-h" data-testid="receipt">
        <h2 id="receipt-h">政府信息公开申请回执</h2>
        <dl class="meta">
          <dt>申请编号</dt>
          <dd data-testid="request-no">{r.requestNo}</dd>
          <dt>查询码</dt>
          <dd>
            <pre class="secret" data-testid="query-code">
              {r.queryCode}
            </pre>
          </dd>
          <dt>受理机关</dt>
          <dd>{r.orgName}</dd>
          <dt>提交时间</dt>
          <dd>{beijingTime(r.submittedAt)}（网上提交）</dd>
          {r.asked.length ? (
            <>
              <dt>申请获取的信息</dt>
              <dd class="asked">
                {r.asked.map(([k, v]) => (
                  <span class="asked-part">
                    {k}：{v}
                  </span>
                ))}
              </dd>
            </>
          ) : null}
          <dt>收到申请之日</dt>
          <dd>以受理机关与您双方确认之日为收到申请之日（条例第三十一条第三项）；确认后可在办理进度中查看。</dd>
          <dt>答复期限</dt>
          <dd>
            自收到申请之日起20个工作日内答复；需要延长的，经负责人同意并告知您，延长期限最长不超过20个工作日（条例第三十三条）。补正、征求第三方意见等所需时间不计算在内。
          </dd>
          <dt>查询办理进度</dt>
          <dd>凭申请编号和查询码在本网站“依申请公开 → 申请办理进度查询”（/ysqgk/status）查询。</dd>
        </dl>
      </section>
      <p class="no-print">
        <button type="button" data-print="1">
          打印回执
        </button>{' '}
        <a href="/ysqgk/status">查询办理进度</a>
      </p>
    </PortalLayout>
  );
}
