import { CsrfField, ErrorSummary, SelectField, TextArea, TextField } from '../../platform/views/components.js';
import type { FieldError } from '../../platform/errors.js';
import { Checkbox, Form, OptInt, Text, ticked, type Static } from '../../platform/http/schemas.js';
import {
  ARTICLE20_ITEMS,
  DISCLOSURE_MODES,
  GENRES,
  NONDISCLOSURE_GROUNDS,
  TOPIC_LABELS,
  type ItemInput,
  type ItemWithOrg,
  type CategoryRow,
} from '../../catalog/index.js';

/** The item form's fields (create and edit); the item rules validate their content (item-input.rules.ts). */
export const ItemFields = {
  title: Text('名称'),
  summary: Text('内容概述'),
  bodyHtml: Text('正文'),
  docNo: Text('发文字号'),
  topic: Text('主题分类'),
  genre: Text('体裁（公文种类）'),
  categoryId: OptInt('公开目录分类'),
  keywords: Text('主题词'),
  disclosureMode: Text('公开方式'),
  nondisclosureGround: Text('不予公开依据'),
  article20Item: OptInt('条例第二十条事项'),
  isRule: Checkbox('规章'),
  isNormative: Checkbox('行政规范性文件'),
  legalityRequired: Checkbox('本单位要求合法性审查'),
  writtenOn: Text('成文日期'),
  createdOn: Text('生成日期'),
  indexNo: Text('索引号'),
};
export const ItemFormBody = Form(ItemFields);

/** The item form as the item rules take it. */
export function itemFormInput(b: Static<typeof ItemFormBody>): ItemInput {
  return {
    title: b.title,
    summary: b.summary,
    bodyHtml: b.bodyHtml,
    docNo: b.docNo,
    topic: b.topic,
    genre: b.genre,
    categoryId: b.categoryId ?? null,
    keywords: b.keywords,
    disclosureMode: b.disclosureMode,
    nondisclosureGround: b.nondisclosureGround,
    article20Item: b.article20Item ?? null,
    isRule: ticked(b.isRule),
    isNormative: ticked(b.isNormative),
    legalityRequired: ticked(b.legalityRequired),
    writtenOn: b.writtenOn,
    createdOn: b.createdOn,
    indexNo: b.indexNo,
  };
}

/** Form values of a stored item. */
export function itemValues(i: ItemWithOrg): ItemInput {
  return {
    title: i.title,
    summary: i.summary ?? '',
    bodyHtml: i.body_html,
    docNo: i.doc_no ?? '',
    topic: i.topic ?? '',
    genre: i.genre,
    categoryId: i.category_id,
    keywords: i.keywords ?? '',
    disclosureMode: i.disclosure_mode,
    nondisclosureGround: i.nondisclosure_ground ?? '',
    article20Item: i.article20_item,
    isRule: i.is_rule === 1,
    isNormative: i.is_normative === 1,
    legalityRequired: i.legality_required === 1,
    writtenOn: i.written_on ?? '',
    createdOn: i.created_on,
  };
}

function Check({ name, label, checked }: { name: string; label: string; checked?: boolean }) {
  return (
    <div class="field">
      <label>
        <input type="checkbox" name={name} value="1" checked={checked} /> {label}
      </label>
    </div>
  );
}

/** The item fields (create and edit). */
export function ItemForm(p: {
  action: string;
  csrf: string;
  values: Partial<ItemInput>;
  errors?: FieldError[];
  categories: CategoryRow[];
  orgs?: Array<[string, string]>;
  orgId?: string;
  submitLabel: string;
  showIndexNo?: boolean;
}) {
  const v = p.values;
  const s = (x: unknown) => (x == null ? '' : String(x));
  return (
    <form method="post" action={p.action}>
      <ErrorSummary errors={p.errors} />
      <CsrfField token={p.csrf} />
      {p.orgs ? (
        <SelectField
          name="orgId"
          label="发布机构"
          required
          value={p.orgId ?? ''}
          options={p.orgs}
          placeholder="请选择"
          errors={p.errors}
        />
      ) : null}
      <TextField name="title" label="名称" required value={s(v.title)} errors={p.errors} maxLength={300} />
      <TextArea name="summary" label="内容概述" value={s(v.summary)} rows={3} errors={p.errors} />
      <TextArea
        name="bodyHtml"
        label="正文"
        required
        hint="可粘贴 HTML；脚本和不安全的标签会被自动清除。"
        value={s(v.bodyHtml)}
        rows={12}
        errors={p.errors}
      />
      <TextField
        name="docNo"
        label="发文字号"
        hint="例如 示政发〔2026〕5号、国务院令第711号；无文号可不填。"
        value={s(v.docNo)}
        errors={p.errors}
      />
      <TextField name="writtenOn" label="成文日期" type="date" value={s(v.writtenOn)} errors={p.errors} />
      <TextField
        name="createdOn"
        label="生成日期"
        type="date"
        required
        hint="信息形成或变更之日，自此起 20 个工作日内公开（条例第二十六条）。"
        value={s(v.createdOn)}
        errors={p.errors}
      />
      {p.showIndexNo ? (
        <TextField
          name="indexNo"
          label="索引号（导入历史信息时填写，留空自动生成）"
          value={s(v.indexNo)}
          errors={p.errors}
        />
      ) : null}
      <SelectField
        name="categoryId"
        label="公开目录分类"
        value={s(v.categoryId)}
        options={p.categories.map((c) => [String(c.id), c.name])}
        placeholder="（未分类）"
        errors={p.errors}
      />
      <div class="field">
        <label for="f-topic">主题分类</label>
        <p class="hint" id="f-topic-hint">
          可从国务院主题分类中选择，也可填写本单位增加的分类（如“综合政务\政务公开”）。
        </p>
        <input
          id="f-topic"
          name="topic"
          list="topic-list"
          value={s(v.topic)}
          maxLength={100}
          aria-describedby="f-topic-hint"
        />
        <datalist id="topic-list">
          {TOPIC_LABELS.map((t) => (
            <option value={t} />
          ))}
        </datalist>
      </div>
      <SelectField
        name="genre"
        label="体裁（公文种类）"
        required
        value={s(v.genre || '其他')}
        options={GENRES.map((g) => [g, g])}
        errors={p.errors}
      />
      <TextField name="keywords" label="主题词" value={s(v.keywords)} errors={p.errors} />
      <SelectField
        name="disclosureMode"
        label="公开方式"
        required
        value={s(v.disclosureMode || '主动公开')}
        options={DISCLOSURE_MODES.map((m) => [m, m])}
        errors={p.errors}
      />
      <SelectField
        name="nondisclosureGround"
        label="不予公开依据"
        value={s(v.nondisclosureGround)}
        options={NONDISCLOSURE_GROUNDS.map(([k, l]) => [k, l])}
        placeholder="（不适用）"
        errors={p.errors}
      />
      <SelectField
        name="article20Item"
        label="条例第二十条事项"
        value={s(v.article20Item)}
        options={ARTICLE20_ITEMS.map((l, i) => [String(i + 1), l])}
        placeholder="（不适用）"
        errors={p.errors}
      />
      <Check name="isRule" label="规章" checked={v.isRule} />
      <Check name="isNormative" label="行政规范性文件（须经合法性审查）" checked={v.isNormative} />
      <Check name="legalityRequired" label="本单位要求合法性审查" checked={v.legalityRequired} />
      <button type="submit">{p.submitLabel}</button>
    </form>
  );
}
