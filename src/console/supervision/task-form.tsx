import type { FieldError } from '../../platform/errors.js';
import { SelectField, TextArea, TextField } from '../../platform/views/components.js';
import { Form, Text, type Static, OptChosen } from '../../platform/http/schemas.js';
import type { TaskInput } from '../../supervision/index.js';
import type { OrgRow } from '../../orgs/index.js';

/**
 * The task form (create and edit). Year, texts and the deadline stay text: the use-case checks them
 * all at once and the form is shown again with every message (validateTask in tasks.rules.ts).
 */
export const TaskForm = Form({
  jurisdictionOrgId: OptChosen('任务所属（本级政府）'),
  year: Text('年度', { maxLength: 10 }),
  category: Text('任务类别'),
  content: Text('任务内容'),
  responsibleOrgId: OptChosen('责任单位'),
  departmentOrgId: OptChosen('责任科室'),
  deadline: Text('完成时限', { maxLength: 30 }),
  evidenceRequired: Text('佐证材料要求'),
});

/** The use-case input of the task form. */
export const taskInput = (b: Static<typeof TaskForm>): TaskInput & { jurisdictionOrgId: number } => ({
  ...b,
  // No jurisdiction chosen: no such org (the use-case answers “not found”).
  jurisdictionOrgId: b.jurisdictionOrgId ?? 0,
  responsibleOrgId: b.responsibleOrgId ?? null,
  departmentOrgId: b.departmentOrgId ?? null,
});

/** Options of orgs indented by depth. */
export const orgOptions = (orgs: readonly OrgRow[]): Array<[string, string]> =>
  orgs.map((o) => [String(o.id), `${'　'.repeat(Math.max(0, o.depth - 1))}${o.name}`]);

/** Options of sections (科室) named with their agency: “县教育局 · 办公室” (section names repeat across agencies). */
export const sectionOptions = (orgs: readonly OrgRow[]): Array<[string, string]> => {
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return orgs
    .filter((o) => o.kind === 'section')
    .map((o) => [
      String(o.id),
      o.parent_id && names.has(o.parent_id) ? `${names.get(o.parent_id)} · ${o.name}` : o.name,
    ]);
};

/** The fields of a task (create and edit). */
export function TaskFields({
  v,
  orgs,
  errors,
  jurisdictions,
}: {
  v: Partial<Record<string, unknown>>;
  orgs: readonly OrgRow[];
  errors?: FieldError[];
  jurisdictions?: readonly OrgRow[];
}) {
  const s = (x: unknown) => (x == null ? '' : String(x));
  return (
    <>
      {jurisdictions && jurisdictions.length > 1 ? (
        <SelectField
          name="jurisdictionOrgId"
          label="任务所属（本级政府）"
          required
          value={s(v.jurisdictionOrgId)}
          options={orgOptions(jurisdictions)}
          errors={errors}
        />
      ) : jurisdictions?.[0] ? (
        <input type="hidden" name="jurisdictionOrgId" value={String(jurisdictions[0].id)} />
      ) : null}
      <TextField
        name="year"
        label="年度"
        required
        inputmode="numeric"
        value={s(v.year)}
        errors={errors}
        maxLength={4}
      />
      <TextField
        name="category"
        label="任务类别"
        required
        hint="如：重点领域信息公开、政策解读、依申请公开办理。"
        value={s(v.category)}
        errors={errors}
        maxLength={100}
      />
      <TextArea name="content" label="任务内容" required value={s(v.content)} errors={errors} rows={4} />
      <SelectField
        name="responsibleOrgId"
        label="责任单位"
        required
        value={s(v.responsibleOrgId)}
        options={orgOptions(orgs.filter((o) => o.kind !== 'section'))}
        placeholder="请选择"
        errors={errors}
      />
      <SelectField
        name="departmentOrgId"
        label="责任科室（可选）"
        value={s(v.departmentOrgId)}
        options={sectionOptions(orgs)}
        placeholder="不指定"
        errors={errors}
      />
      <TextField
        name="deadline"
        label="完成时限"
        required
        type="date"
        hint="格式：2026-06-30"
        value={s(v.deadline)}
        errors={errors}
      />
      <TextArea
        name="evidenceRequired"
        label="佐证材料要求"
        required
        value={s(v.evidenceRequired)}
        errors={errors}
        rows={3}
      />
    </>
  );
}
