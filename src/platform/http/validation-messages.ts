/**
 * Schema validation errors (Ajv, as Fastify hands them over) in Chinese, one message per field: nothing
 * in English reaches a citizen ("/perPage must be integer" → "参数“perPage”应为整数。").
 */
import type { FieldError } from '../errors.js';

/** The parts of an Ajv error we read. */
export interface SchemaError {
  keyword?: string;
  instancePath?: string;
  params?: Record<string, unknown>;
  /** With Ajv's `verbose`: the schema holding the failing keyword (its `title` is the field's label). */
  parentSchema?: { title?: unknown; description?: unknown; properties?: Record<string, { title?: unknown }> };
}

/** The field's Chinese label from its schema, when it declares one. */
function labelOf(e: SchemaError): string | undefined {
  const missing = e.params?.missingProperty;
  const t =
    e.keyword === 'required' && typeof missing === 'string'
      ? e.parentSchema?.properties?.[missing]?.title
      : e.parentSchema?.title;
  return typeof t === 'string' && t ? t : undefined;
}

/** The pattern of whole numbers typed in pages (schemas.ts `Int`). */
export const DIGITS = '^[0-9]{1,10}$';
/** The description of an id chosen from a select list (schemas.ts `Chosen`). */
export const FROM_LIST = '从列表中选择';

const TYPES: Record<string, string> = {
  integer: '整数',
  number: '数字',
  string: '文字',
  boolean: '是或否',
  array: '列表',
  object: '对象',
  null: '空值',
};

function fieldOf(e: SchemaError): string {
  const path = (e.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const missing =
    e.params?.missingProperty ??
    e.params?.additionalProperty ??
    (e.keyword === 'discriminator' ? e.params?.tag : undefined);
  return path || (typeof missing === 'string' ? missing : '');
}

function describe(e: SchemaError, subject: string): string {
  const p = e.params ?? {};
  const n = p.limit;
  if (e.parentSchema?.description === FROM_LIST && e.keyword !== 'required')
    return `${subject}的取值无效，请从列表中选择。`;
  switch (e.keyword) {
    case 'required':
      return `缺少${subject}。`;
    case 'additionalProperties':
      return `不接受${subject}。`;
    case 'type':
      return `${subject}应为${String(p.type ?? '')
        .split(',')
        .map((t) => TYPES[t] ?? t)
        .join('或')}。`;
    case 'maxLength':
      return `${subject}不能超过 ${n} 个字。`;
    case 'minLength':
      return n === 1 ? `${subject}不能为空。` : `${subject}至少 ${n} 个字。`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `${subject}不能大于 ${n}。`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `${subject}不能小于 ${n}。`;
    case 'maxItems':
      return `${subject}最多 ${n} 项。`;
    case 'minItems':
      return `${subject}至少 ${n} 项。`;
    case 'pattern':
      // Whole numbers typed in pages are checked as digits first (schemas.ts).
      // A sign or a decimal point fails it too ("-5" is whole, but not a count): say what may be typed.
      return p.pattern === DIGITS ? `${subject}应为整数，只能填写数字 0–9。` : `${subject}格式不正确。`;
    case 'format':
      return p.format === 'date'
        ? `${subject}应为真实的日期，写作“年-月-日”，如 2026-12-07。`
        : `${subject}格式不正确。`;
    default:
      return `${subject}的取值无效。`;
  }
}

/**
 * One Chinese message per field (the first error of a field; a union's alternatives fold into one
 * "取值无效" message, which lists the values only for an unlabelled parameter).
 */
export function validationMessages(errors: readonly SchemaError[]): FieldError[] {
  const byField = new Map<string, SchemaError[]>();
  for (const e of errors) {
    const f = fieldOf(e);
    byField.set(f, [...(byField.get(f) ?? []), e]);
  }
  return [...byField.entries()].map(([field, list]) => {
    const label = list.map(labelOf).find(Boolean);
    const subject = label ? `“${label}”` : field ? `参数“${field}”` : '请求内容';
    const allowed = list
      .map((e) => e.params?.allowedValue ?? e.params?.allowedValues)
      .flat()
      .filter((v) => v !== undefined);
    // A labelled field is a form's list (its values are codes the reader never sees); a bare parameter
    // is an API's, whose caller is told the values.
    const message = !allowed.length
      ? describe(list[0] ?? {}, subject)
      : label
        ? `${subject}的取值无效，请从列表中选择。`
        : `${subject}的取值无效，可选：${allowed.map(String).join('、')}。`;
    return { code: 'invalid_input', message, ...(field ? { field } : {}) };
  });
}
