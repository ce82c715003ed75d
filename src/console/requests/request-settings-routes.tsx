import { today } from '../../platform/context.js';
import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { CsrfField, ErrorSummary, TextField } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { Checkbox, Form, OptChoice, OptInt, ticked, typed } from '../../platform/http/schemas.js';
import { invalidFields, isAppError, type FieldError } from '../../platform/errors.js';
import { postedTexts, refusedBody } from '../../platform/http/form-refusal.js';
import { isSysadmin } from '../../orgs/index.js';
import { assertAllowed } from '../guard.js';
import {
  assertRetentionYears,
  eraseExpiredPersonalData,
  getRetentionYears,
  setRetentionYears,
  clearRetentionYears,
  previewRetention,
  setIdProofLimit,
  idProofLimitMb,
} from '../../requests/index.js';
import type { Ctx } from '../../platform/context.js';

const URL = '/console/requests/settings';

interface State {
  years: number | null;
  idProofMb: number;
  /** What the current setting erases today. */
  current: { cutoff: string; cases: number; files: number } | null;
}

async function load(ctx: Ctx): Promise<State> {
  const years = await getRetentionYears(ctx.db);
  return {
    years,
    idProofMb: await idProofLimitMb(ctx),
    current: years ? await previewRetention(ctx.db, today(ctx), years) : null,
  };
}

const count = (p: { cases: number; files: number }) =>
  `${p.cases} 件申请的申请人个人信息${p.files ? `和 ${p.files} 个身份证明文件` : ''}`;

function Page({
  view,
  s,
  errors,
  yearsInput,
  idProofInput,
  preview,
  confirmErase,
}: {
  view: ViewCtx;
  s: State;
  errors?: FieldError[];
  yearsInput?: string;
  /** The size limit as typed, when refused. */
  idProofInput?: string;
  preview?: { years: number; cutoff: string; cases: number; files: number };
  confirmErase?: boolean;
}) {
  return (
    <ConsoleLayout view={view} title="依申请公开设置">
      <ErrorSummary errors={errors} />
      <section aria-labelledby="ret-h">
        <h2 id="ret-h">申请人个人信息保存年限</h2>
        <p>
          办结满保存年限的申请，删除申请人姓名、证件号码、联系方式和身份证明文件；申请编号、办理结果和年度报告统计保留。每天凌晨2点自动执行。
        </p>
        <p data-testid="retention-current">
          {s.years && s.current ? (
            <>
              当前设置：办结后 <strong>{s.years}</strong> 年。按此设置，今天将删除 {s.current.cutoff} 前办结的{' '}
              <strong>{count(s.current)}</strong>。
            </>
          ) : (
            '当前未设置保存年限：个人信息一直保存，不自动删除。'
          )}
        </p>
        {preview ? (
          <p class="warning" data-testid="retention-preview">
            预览：保存年限为 {preview.years} 年时，今天将删除 {preview.cutoff} 前办结的 {count(preview)}。尚未保存。
          </p>
        ) : null}
        <form method="post" action={`${URL}/retention`}>
          <CsrfField token={view.csrf} />
          <TextField
            name="years"
            label="保存年限（办结后，年）"
            inputmode="numeric"
            required
            value={yearsInput ?? (s.years ? String(s.years) : '')}
            errors={errors}
            hint="1至100之间的整数。"
          />
          <button type="submit" name="do" value="preview" class="secondary">
            预览删除数量
          </button>{' '}
          <button type="submit" name="do" value="save">
            保存
          </button>
        </form>
        {s.years ? (
          <form
            method="post"
            action={`${URL}/retention-clear`}
            class="actions"
            data-confirm="确定取消保存年限吗？取消后不再自动删除个人信息。"
          >
            <CsrfField token={view.csrf} />
            <button type="submit" class="secondary">
              取消保存年限（不再自动删除）
            </button>
          </form>
        ) : null}
        {s.years && s.current?.cases ? (
          confirmErase ? (
            <form method="post" action={`${URL}/retention-erase`} class="warning" data-testid="erase-confirm">
              <CsrfField token={view.csrf} />
              <input type="hidden" name="confirm" value="1" />
              <p>
                确定现在删除 {s.current.cutoff} 前办结的 <strong>{count(s.current)}</strong> 吗？删除后无法恢复。
              </p>
              <button type="submit" class="danger">
                确定删除
              </button>{' '}
              <a href={URL}>取消</a>
            </form>
          ) : (
            <form method="post" action={`${URL}/retention-erase`} class="actions">
              <CsrfField token={view.csrf} />
              <button type="submit" class="danger">
                现在删除已到期的个人信息…
              </button>
            </form>
          )
        ) : null}
      </section>
      <section aria-labelledby="proof-h">
        <h2 id="proof-h">身份证明文件</h2>
        <form method="post" action={`${URL}/id-proof`}>
          <CsrfField token={view.csrf} />
          <TextField
            name="idProofMb"
            label="每个文件的大小上限（MB）"
            inputmode="numeric"
            required
            value={idProofInput ?? String(s.idProofMb)}
            errors={errors}
            hint="申请表上传的身份证明（图片或 PDF），1至20 MB。"
          />
          <button type="submit">保存</button>
        </form>
      </section>
    </ConsoleLayout>
  );
}

/** Whole numbers typed in: the schema refuses what is not one, the use-case checks the range with its own message. */
const RetentionForm = Form({
  years: OptInt('保存年限（办结后，年）', { minimum: 0 }),
  do: OptChoice('操作', ['preview', 'save'] as const),
});
const EraseForm = Form({ confirm: Checkbox('确定删除') });
const IdProofForm = Form({ idProofMb: OptInt('每个文件的大小上限（MB）', { minimum: 0 }) });

/** Console (system administrators): retention of applicants' personal data and the identity-proof size limit. */
export async function requestSettingsRoutes(app: FastifyInstance): Promise<void> {
  const guard = (req: { actor: Parameters<typeof isSysadmin>[0] }) => assertAllowed(isSysadmin(req.actor));
  const fail = async (
    req: { ctx: Ctx },
    reply: { view(): ViewCtx; page(n: unknown, s?: number): unknown },
    e: unknown,
    typed: { years?: string; idProofMb?: string } = {},
  ) => {
    if (!isAppError(e) || e.kind !== 'invalid') throw e;
    return reply.page(
      <Page
        view={reply.view()}
        s={await load(req.ctx)}
        errors={e.errors}
        yearsInput={typed.years}
        idProofInput={typed.idProofMb}
      />,
      400,
    );
  };

  const route = typed(app);
  route.get(URL, async (req, reply) => {
    guard(req);
    return reply.page(<Page view={reply.view()} s={await load(req.ctx)} />);
  });

  route.post(`${URL}/retention`, { schema: { body: RetentionForm }, attachValidation: true }, async (req, reply) => {
    guard(req);
    const refused = refusedBody(req);
    if (refused) return fail(req, reply, invalidFields(refused), { years: postedTexts(req).years });
    // Left empty: 0, which the use-case refuses (“保存年限应为1至100之间的整数”).
    const years = req.body.years ?? 0;
    const raw = req.body.years === undefined ? '' : String(years);
    try {
      if (req.body.do === 'preview') {
        assertRetentionYears(years);
        const p = await previewRetention(req.ctx.db, today(req.ctx), years);
        return reply.page(
          <Page view={reply.view()} s={await load(req.ctx)} yearsInput={raw} preview={{ years, ...p }} />,
        );
      }
      await setRetentionYears(req.ctx, years);
      return reply.flashRedirect(URL, `保存年限已设为办结后 ${years} 年。`);
    } catch (e) {
      return fail(req, reply, e, { years: raw });
    }
  });

  route.post(`${URL}/retention-clear`, async (req, reply) => {
    guard(req);
    await clearRetentionYears(req.ctx);
    return reply.flashRedirect(URL, '已取消保存年限，不再自动删除个人信息。');
  });

  route.post(`${URL}/retention-erase`, { schema: { body: EraseForm } }, async (req, reply) => {
    guard(req);
    if (!ticked(req.body.confirm)) return reply.page(<Page view={reply.view()} s={await load(req.ctx)} confirmErase />);
    const r = await eraseExpiredPersonalData(req.ctx);
    return reply.flashRedirect(
      URL,
      r.cutoff
        ? `已删除 ${r.cutoff} 前办结的 ${count({ cases: r.erased, files: r.files })}。`
        : '未设置保存年限，未删除任何信息。',
    );
  });

  route.post(`${URL}/id-proof`, { schema: { body: IdProofForm }, attachValidation: true }, async (req, reply) => {
    guard(req);
    const refused = refusedBody(req);
    if (refused) return fail(req, reply, invalidFields(refused), { idProofMb: postedTexts(req).idProofMb });
    try {
      await setIdProofLimit(req.ctx, req.body.idProofMb ?? 0);
      return reply.flashRedirect(URL, '身份证明文件大小限制已保存。');
    } catch (e) {
      return fail(req, reply, e);
    }
  });
}
