import type { FieldError } from '../platform/errors.js';
import { isValidOrgCode, isValidUscc } from './codes.rules.js';

/** Kinds of organisation in the tree 省 → 市 → 县 → 部门/乡镇 → 内设科室. */
export const ORG_KINDS = {
  province: '省级人民政府',
  city: '市级人民政府',
  county: '县（区）级人民政府',
  agency: '政府部门',
  township: '乡镇（街道）',
  section: '内设机构（科室）',
  other: '其他',
} as const;
export type OrgKind = keyof typeof ORG_KINDS;
export const isOrgKind = (k: string): k is OrgKind => Object.prototype.hasOwnProperty.call(ORG_KINDS, k);

/** Editable fields of an organisation, as strings from a form or JSON. */
export interface OrgInput {
  parentId?: number | null;
  kind: string;
  name: string;
  shortName?: string | null;
  code?: string | null;
  sortOrder?: number;
  officeName?: string | null;
  address?: string | null;
  officeHours?: string | null;
  phone?: string | null;
  fax?: string | null;
  email?: string | null;
  website?: string | null;
  postcode?: string | null;
}

const trimOrNull = (s: string | null | undefined): string | null => {
  const t = (s ?? '').trim();
  return t === '' ? null : t;
};

/** Normalised org fields, ready to store. */
export interface OrgFields {
  kind: OrgKind;
  name: string;
  short_name: string | null;
  code: string | null;
  sort_order: number;
  office_name: string | null;
  address: string | null;
  office_hours: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  website: string | null;
  postcode: string | null;
}

/**
 * Validates an organisation. The code is a 统一社会信用代码 (18) or a 组织机构代码 (9,
 * hyphen allowed); it prefixes the agency's 索引号 (目录系统实施指引), so its check
 * character must be right.
 */
export function validateOrg(input: OrgInput): { fields?: OrgFields; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const name = (input.name ?? '').trim();
  if (!name) errors.push({ code: 'org_name_required', message: '请填写机构名称。', field: 'name' });
  else if (name.length > 100)
    errors.push({ code: 'org_name_too_long', message: '机构名称不能超过 100 个字。', field: 'name' });
  if (!isOrgKind(input.kind)) errors.push({ code: 'org_kind_invalid', message: '请选择机构类型。', field: 'kind' });
  const code = trimOrNull(input.code)?.toUpperCase() ?? null;
  if (code) {
    const ok = code.replace('-', '').length === 18 ? isValidUscc(code) : isValidOrgCode(code);
    if (!ok) {
      errors.push({
        code: 'org_code_invalid',
        message: '机构代码无效：请填写 18 位统一社会信用代码或 9 位组织机构代码（校验位需正确）。',
        field: 'code',
      });
    }
  }
  const email = trimOrNull(input.email);
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    errors.push({ code: 'email_invalid', message: '电子邮箱格式不正确。', field: 'email' });
  }
  const website = trimOrNull(input.website);
  if (website && !/^https?:\/\/\S+$/.test(website)) {
    errors.push({ code: 'website_invalid', message: '网址需以 http:// 或 https:// 开头。', field: 'website' });
  }
  const postcode = trimOrNull(input.postcode);
  if (postcode && !/^\d{6}$/.test(postcode)) {
    errors.push({ code: 'postcode_invalid', message: '邮政编码应为 6 位数字。', field: 'postcode' });
  }
  const phone = trimOrNull(input.phone);
  if (phone && !/^[0-9+\-() 、,，转]{5,40}$/.test(phone)) {
    errors.push({ code: 'phone_invalid', message: '联系电话格式不正确。', field: 'phone' });
  }
  const fax = trimOrNull(input.fax);
  if (fax && !/^[0-9+\-() ]{5,30}$/.test(fax))
    errors.push({ code: 'fax_invalid', message: '传真号码格式不正确。', field: 'fax' });
  const sortOrder = input.sortOrder ?? 0;
  if (!Number.isInteger(sortOrder) || sortOrder < 0 || sortOrder > 100000) {
    errors.push({ code: 'sort_order_invalid', message: '排序号应为 0 至 100000 的整数。', field: 'sortOrder' });
  }
  for (const [k, v] of Object.entries({
    shortName: input.shortName,
    officeName: input.officeName,
    address: input.address,
    officeHours: input.officeHours,
  })) {
    if ((v ?? '').length > 200) errors.push({ code: 'field_too_long', message: '内容不能超过 200 个字。', field: k });
  }
  if (errors.length) return { errors };
  return {
    errors,
    fields: {
      kind: input.kind as OrgKind,
      name,
      short_name: trimOrNull(input.shortName),
      code,
      sort_order: sortOrder,
      office_name: trimOrNull(input.officeName),
      address: trimOrNull(input.address),
      office_hours: trimOrNull(input.officeHours),
      phone,
      fax,
      email,
      website,
      postcode,
    },
  };
}

/** Fields of an organisation with only its kind and name set. */
export const emptyOrgFields = (kind: OrgKind, name: string): OrgFields => ({
  kind,
  name,
  short_name: null,
  code: null,
  sort_order: 0,
  office_name: null,
  address: null,
  office_hours: null,
  phone: null,
  fax: null,
  email: null,
  website: null,
  postcode: null,
});

/** The materialised path of a child: parent's path + own id. */
export const childPath = (parentPath: string | null, id: number): string => `${parentPath ?? '/'}${id}/`;

const KIND_RANK: Record<string, number> = {
  province: 0,
  city: 1,
  county: 2,
  agency: 3,
  township: 4,
  other: 5,
  section: 6,
};

/**
 * Organisations in the order people expect to see them: depth first; siblings by the order the
 * administrator set (排序), then governments before departments, townships and sections, then by
 * 机构代码, then in order of creation — never by id as text (`/1/10/` before `/1/2/`).
 * A row whose parent is not in the list starts a tree of its own.
 */
export function orderOrgs<
  T extends { id: number; parent_id: number | null; sort_order: number; kind: string; code: string | null },
>(rows: readonly T[]): T[] {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<number | null, T[]>();
  for (const r of rows) {
    const key = r.parent_id !== null && ids.has(r.parent_id) ? r.parent_id : null;
    children.set(key, [...(children.get(key) ?? []), r]);
  }
  const cmp = (a: T, b: T) =>
    a.sort_order - b.sort_order ||
    (KIND_RANK[a.kind] ?? 9) - (KIND_RANK[b.kind] ?? 9) ||
    (a.code ?? '\uffff').localeCompare(b.code ?? '\uffff') ||
    a.id - b.id;
  const out: T[] = [];
  const walk = (key: number | null) => {
    for (const r of [...(children.get(key) ?? [])].sort(cmp)) {
      out.push(r);
      walk(r.id);
    }
  };
  walk(null);
  return out;
}

/** Builds a nested tree from flat rows sorted by path. */
export function buildTree<T extends { id: number; parent_id: number | null; sort_order: number; name: string }>(
  rows: T[],
): Array<T & { children: Array<T & { children: unknown[] }> }> {
  type Node = T & { children: Node[] };
  const nodes = new Map<number, Node>();
  for (const r of rows) nodes.set(r.id, { ...r, children: [] });
  const roots: Node[] = [];
  for (const n of nodes.values()) {
    const p = n.parent_id == null ? undefined : nodes.get(n.parent_id);
    (p ? p.children : roots).push(n);
  }
  const sort = (list: Node[]) => {
    list.sort((a, b) => a.sort_order - b.sort_order || a.name.localeCompare(b.name, 'zh'));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}
