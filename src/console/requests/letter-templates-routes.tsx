/** Console: the agency's answer-letter templates per outcome (edit, preview, reset) and the co-handling lead time. */
import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { assertAllowed } from '../guard.js';
import { CsrfField, ErrorSummary, TextArea, TextField, beijingTime } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { Choice, Form, Int, OptInt, Params, Text, Type, typed } from '../../platform/http/schemas.js';
import { isAppError, notFound, type FieldError } from '../../platform/errors.js';
import type { Ctx } from '../../platform/context.js';
import {
  OUTCOMES,
  outcomeByCode,
  outcomeText,
  PLACEHOLDERS,
  REMEDIES,
  SAMPLE_VALUES,
  TEMPLATE_CODES,
  defaultTemplate,
  renderTemplate,
  validateTemplate,
  type LetterTemplate,
  letterSetup,
  letterTemplateInForce,
  requestAgencies,
  type LetterSetup,
  type OrgRow,
  COHANDLING_DAYS_RANGE,
  saveLetterTemplate,
  resetLetterTemplate,
  setCohandlingDays,
  saveLetterSettings,
} from '../../requests/index.js';
import { LetterSettingsForm } from './letter-settings-form.js';

const BASE = '/console/requests/letter-templates';

/** Agencies (not sections) where the actor is request_admin; the chosen one (query or body `org`) or the first. */
async function agencies(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  chosen: number | undefined,
): Promise<{ list: OrgRow[]; org: OrgRow }> {
  const list = await requestAgencies(ctx, 'approve');
  assertAllowed(list.length > 0);
  const org = chosen ? list.find((o) => o.id === chosen) : list[0];
  if (!org) throw notFound('org_not_found', '机关不存在或您不是该机关的依申请公开负责人。');
  return { list, org };
}

/** The letter as the applicant would get it, with sample case data. */
function Preview({ t, org, code }: { t: LetterTemplate; org: OrgRow; code: string }) {
  const paragraphs = renderTemplate(t, {
    ...SAMPLE_VALUES,
    机关名称: org.name,
    办理结果: outcomeText(code),
    法律依据: outcomeByCode(code)?.basis ?? '',
  });
  return (
    <section aria-labelledby="preview-h">
      <h2 id="preview-h">预览（示例数据）</h2>
      <article class="letter-preview" data-testid="preview">
        <h3>{t.title}</h3>
        <p class="muted plain">申请编号：{SAMPLE_VALUES.申请编号}</p>
        <p class="plain">{SAMPLE_VALUES.申请人}：</p>
        {paragraphs.map((p) => (
          <p class={p === REMEDIES ? 'remedies' : undefined}>{p}</p>
        ))}
        <p class="signature">{org.name}</p>
        <p class="signature">{SAMPLE_VALUES.答复日期}</p>
      </article>
    </section>
  );
}

/** `days` is the stored number, or the text typed in a refused post. */
type ListProps = Omit<LetterSetup, 'days'> & {
  days: number | string;
  view: ViewCtx;
  list: OrgRow[];
  org: OrgRow;
  errors?: FieldError[];
};

function ListPage({ view, list, org, custom, days, settings, errors }: ListProps) {
  return (
    <ConsoleLayout view={view} title="答复文书模板与协办期限" wide>
      <ErrorSummary errors={errors} />
      {list.length > 1 ? (
        <form method="get" action={BASE} class="filters">
          <label for="f-org">机关</label>{' '}
          <select id="f-org" name="org">
            {list.map((o) => (
              <option value={String(o.id)} selected={o.id === org.id}>
                {o.name}
              </option>
            ))}
          </select>{' '}
          <button type="submit" class="secondary">
            切换
          </button>
        </form>
      ) : null}
      <h2>协办科室内部办理期限（{org.name}）</h2>
      <form method="post" action="/console/requests/cohandling-days">
        <CsrfField token={view.csrf} />
        <input type="hidden" name="orgId" value={String(org.id)} />
        <TextField
          name="days"
          label="答复期限前的工作日数"
          required
          inputmode="numeric"
          value={String(days)}
          hint={`增加协办科室时默认的内部办理期限：法定答复期限前 ${COHANDLING_DAYS_RANGE.min}–${COHANDLING_DAYS_RANGE.max} 个工作日（依节假日日历计算）。`}
          errors={errors}
        />
        <button type="submit">保存</button>
      </form>
      <LetterSettingsForm view={view} org={org} settings={settings} errors={errors} />
      <h2>答复书、告知书模板（年度报告表三的办理结果）</h2>
      <p>
        每种办理结果一份模板。未修改的使用系统默认模板。救济途径（行政复议60日、行政诉讼6个月）为固定内容，每份答复书都会载明，不能通过修改模板删除。已发出的答复书保持发出时的模板。
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">办理结果</th>
              <th scope="col">文书标题</th>
              <th scope="col">状态</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {OUTCOMES.map((o) => {
              const t = custom.get(o.code);
              return (
                <tr data-testid={`template-${o.code}`}>
                  <td>{outcomeText(o.code)}</td>
                  <td>{t?.title ?? defaultTemplate(o.code).title}</td>
                  <td>{t ? `已修改（${t.updated_by_name ?? '—'}，${beijingTime(t.updated_at)}）` : '默认'}</td>
                  <td>
                    <a href={`${BASE}/${o.code}?org=${org.id}`}>编辑</a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </ConsoleLayout>
  );
}

function EditPage({
  view,
  org,
  code,
  t,
  custom,
  preview,
  errors,
}: {
  view: ViewCtx;
  org: OrgRow;
  code: string;
  t: LetterTemplate;
  custom: boolean;
  preview: LetterTemplate | null;
  errors?: FieldError[];
}) {
  const action = `${BASE}/${code}?org=${org.id}`;
  return (
    <ConsoleLayout view={view} title={`答复文书模板：${outcomeText(code)}`} wide>
      <p>
        <a href={`${BASE}?org=${org.id}`}>← 返回模板列表</a> · {org.name} · {custom ? '本机关已修改' : '系统默认模板'}
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action={action}>
        <CsrfField token={view.csrf} />
        <TextField name="title" label="文书标题" required value={t.title} maxLength={40} errors={errors} />
        <TextArea
          name="body"
          label="正文模板（每行一段）"
          required
          rows={12}
          value={t.body}
          hint="可用的占位符见下表，写成 {申请人} 的形式；{答复正文} 必须保留。标题下的申请编号、称谓“申请人：”以及落款机关和日期由系统生成，不必写入模板。"
          errors={errors}
        />
        <button type="submit" name="op" value="preview" class="secondary">
          预览
        </button>{' '}
        <button type="submit" name="op" value="save">
          保存
        </button>
      </form>
      {custom ? (
        <form method="post" action={`${BASE}/${code}/reset?org=${org.id}`}>
          <CsrfField token={view.csrf} />
          <button type="submit" class="secondary">
            恢复默认模板
          </button>
        </form>
      ) : null}
      <h2>占位符</h2>
      <dl class="meta">
        {Object.entries(PLACEHOLDERS).map(([k, v]) => (
          <>
            <dt>
              <code>{`{${k}}`}</code>
            </dt>
            <dd>{v}</dd>
          </>
        ))}
      </dl>
      <p class="warning" data-testid="remedies">
        救济途径为固定内容（《中华人民共和国政府信息公开条例》第五十一条），不能修改或删除：模板中写 {'{救济途径}'}{' '}
        的，显示在该位置；没有写的，自动附在正文最后。内容为：{REMEDIES}
      </p>
      <Preview t={preview ?? t} org={org} code={code} />
    </ConsoleLayout>
  );
}

/** The outcome of a template (an unknown one is a page that does not exist). */
const codeParam = (code: string): string => {
  if (!TEMPLATE_CODES.includes(code)) throw notFound('template_not_found', '没有这一办理结果的文书模板。');
  return code;
};

/** `?org=` chooses the agency (default: the first where the reader is 依申请公开负责人). */
const OrgQuery = Form({ org: OptInt('机关') });
const CodeParams = Params({ code: Type.String({ title: '办理结果' }) });
/** Left empty: 0, which the use-case refuses with its range. */
/** The days are checked by the use-case (1–15), so a typed −5 or 十 gets its message beside the field. */
const DaysForm = Form({ orgId: Int('机关'), days: Text('答复期限前的工作日数') });
const SettingsForm = Form({
  orgId: Int('机关'),
  numberPattern: Text('发文字号格式'),
  cc: Text('抄送机关'),
  reviewBody: Text('行政复议机关'),
  court: Text('管辖的人民法院'),
});
const TemplateForm = Form({
  title: Text('文书标题'),
  body: Text('正文模板'),
  op: Choice('操作', ['preview', 'save'] as const, { default: 'save' }),
});

/** Routes of the templates page. */
export async function letterTemplateRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  const listPage = async (req: { ctx: Ctx }, orgId: number | undefined, errors?: FieldError[]) => {
    const { list, org } = await agencies(req.ctx, orgId);
    return { list, org, ...(await letterSetup(req.ctx, org.id)), errors };
  };

  r.get(BASE, { schema: { querystring: OrgQuery } }, async (req, reply) => {
    const p = await listPage(req, req.query.org);
    return reply.page(<ListPage view={reply.view()} {...p} />);
  });

  r.post('/console/requests/cohandling-days', { schema: { body: DaysForm } }, async (req, reply) => {
    const { orgId } = req.body;
    try {
      await setCohandlingDays(req.ctx, { orgId, days: req.body.days });
      return reply.flashRedirect(`${BASE}?org=${orgId}`, '协办科室内部办理期限已保存，适用于此后增加的协办科室。');
    } catch (e) {
      if (!isAppError(e) || e.kind !== 'invalid') throw e;
      const p = await listPage(req, orgId, e.errors);
      return reply.page(<ListPage view={reply.view()} {...p} days={req.body.days} />, 400);
    }
  });

  r.post('/console/requests/letter-settings', { schema: { body: SettingsForm } }, async (req, reply) => {
    const { orgId, numberPattern, cc, reviewBody, court } = req.body;
    try {
      await saveLetterSettings(req.ctx, { orgId, numberPattern, cc, reviewBody, court });
      return reply.flashRedirect(`${BASE}?org=${orgId}`, '文书设置已保存，适用于此后发出的文书。');
    } catch (e) {
      if (!isAppError(e) || e.kind !== 'invalid') throw e;
      const p = await listPage(req, orgId, e.errors);
      return reply.page(
        <ListPage view={reply.view()} {...p} settings={{ numberPattern, cc: [cc], reviewBody, court }} />,
        400,
      );
    }
  });

  r.get(`${BASE}/:code`, { schema: { params: CodeParams, querystring: OrgQuery } }, async (req, reply) => {
    const code = codeParam(req.params.code);
    const { org } = await agencies(req.ctx, req.query.org);
    const t = await letterTemplateInForce(req.ctx, org.id, code);
    return reply.page(<EditPage view={reply.view()} org={org} code={code} t={t} custom={t.custom} preview={null} />);
  });

  r.post(
    `${BASE}/:code`,
    { schema: { params: CodeParams, querystring: OrgQuery, body: TemplateForm } },
    async (req, reply) => {
      const code = codeParam(req.params.code);
      const { org } = await agencies(req.ctx, req.query.org);
      const posted = { title: req.body.title, body: req.body.body };
      const custom = (await letterTemplateInForce(req.ctx, org.id, code)).custom;
      if (req.body.op === 'preview') {
        // Preview only: validated like a save, nothing stored.
        const { template, errors } = validateTemplate(posted);
        return reply.page(
          <EditPage
            view={reply.view()}
            org={org}
            code={code}
            t={posted}
            custom={custom}
            preview={errors.length ? null : template}
            errors={errors}
          />,
          errors.length ? 400 : 200,
        );
      }
      try {
        await saveLetterTemplate(req.ctx, { orgId: org.id, code, ...posted });
        return reply.flashRedirect(`${BASE}/${code}?org=${org.id}`, '模板已保存，适用于此后作出的答复。');
      } catch (e) {
        if (!isAppError(e) || e.kind !== 'invalid') throw e;
        return reply.page(
          <EditPage
            view={reply.view()}
            org={org}
            code={code}
            t={posted}
            custom={custom}
            preview={null}
            errors={e.errors}
          />,
          400,
        );
      }
    },
  );

  r.post(`${BASE}/:code/reset`, { schema: { params: CodeParams, querystring: OrgQuery } }, async (req, reply) => {
    const code = codeParam(req.params.code);
    const { org } = await agencies(req.ctx, req.query.org);
    try {
      await resetLetterTemplate(req.ctx, { orgId: org.id, code });
      return reply.flashRedirect(`${BASE}/${code}?org=${org.id}`, '已恢复默认模板。');
    } catch (e) {
      if (!isAppError(e) || e.kind !== 'conflict') throw e;
      return reply.flashRedirect(`${BASE}/${code}?org=${org.id}`, e.errors[0].message);
    }
  });
}
