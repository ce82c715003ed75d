import type { FieldError } from '../../platform/errors.js';
import { SelectField, TextArea, TextField } from '../../platform/views/components.js';
import { intOrUndef, str } from '../../platform/http/form.js';
import type { TaskInput } from '../../supervision/tasks.rules.js';
import type { OrgRow } from '../../orgs/orgs.store.js';

/** Reads the task form. */
export const taskFormInput = (b: unknown): TaskInput & { jurisdictionOrgId: number } => ({
  jurisdictionOrgId: intOrUndef(b, 'jurisdictionOrgId') ?? 0,
  year: str(b, 'year'),
  category: str(b, 'category'),
  content: str(b, 'content'),
  responsibleOrgId: intOrUndef(b, 'responsibleOrgId') ?? null,
  departmentOrgId: intOrUndef(b, 'departmentOrgId') ?? null,
  deadline: str(b, 'deadline'),
  evidenceRequired: str(b, 'evidenceRequired'),
});

/** Options of orgs indented by depth. */
export const orgOptions = (orgs: readonly OrgRow[]): Array<[string, string]> => orgs.map((o) => [String(o.id), `${'　'.repeat(Math.max(0, o.depth - 1))}${o.name}`]);

/** Options of sections (科室) named with their agency: “县教育局 · 办公室” (section names repeat across agencies). */
export const sectionOptions = (orgs: readonly OrgRow[]): Array<[string, string]> => {
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return orgs.filter((o) => o.kind === 'section').map((o) => [String(o.id), o.parent_id && names.has(o.parent_id) ? `${names.get(o.parent_id)} · ${o.name}` : o.name]);
};

/** The fields of a task (create and edit). */
export function TaskFields({ v, orgs, errors, jurisdictions }: { v: Partial<Record<string, unknown>>; orgs: readonly OrgRow[]; errors?: FieldError[]; jurisdictions?: readonly OrgRow[] }) {
  const s = (x: unknown) => (x == null ? '' : String(x));
  return (
    <>
      {jurisdictions && jurisdictions.length > 1 ? (
        <SelectField name="jurisdictionOrgId" label="任务所属（本级政府）" required value={s(v.jurisdictionOrgId)} options={orgOptions(jurisdictions)} errors={errors} />
      ) : jurisdictions?.[0] ? (
        <input type="hidden" name="jurisdictionOrgId" value={String(jurisdictions[0].id)} />
      ) : null}
      <TextField name="year" label="年度" required inputmode="numeric" value={s(v.year)} errors={errors} maxLength={4} />
      <TextField name="category" label="任务类别" required hint="如：重点领域信息公开、政策解读、依申请公开办理。" value={s(v.category)} errors={errors} maxLength={100} />
      <TextArea name="content" label="任务内容" required value={s(v.content)} errors={errors} rows={4} />
      <SelectField name="responsibleOrgId" label="责任单位" required value={s(v.responsibleOrgId)} options={orgOptions(orgs.filter((o) => o.kind !== 'section'))} placeholder="请选择" errors={errors} />
      <SelectField name="departmentOrgId" label="责任科室（可选）" value={s(v.departmentOrgId)} options={sectionOptions(orgs)} placeholder="不指定" errors={errors} />
      <TextField name="deadline" label="完成时限" required type="date" hint="格式：2026-06-30" value={s(v.deadline)} errors={errors} />
      <TextArea name="evidenceRequired" label="佐证材料要求" required value={s(v.evidenceRequired)} errors={errors} rows={3} />
    </>
  );
}

/** A safe Content-Disposition keeping a Chinese filename (RFC 6266 / RFC 5987). */
export function attachmentName(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
