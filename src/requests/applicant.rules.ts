/**
 * The application form (条例第二十九条; REFERENCE §5.6), pure: applicant, information wanted,
 * form and way of delivery. Identity numbers are checked with their check digits.
 */
import type { FieldError } from '../platform/errors.js';
import { isValidResidentId, isValidUscc } from '../orgs/index.js';

/** 申请人类型. */
export const APPLICANT_TYPES = { citizen: '公民', organization: '法人或者其他组织' } as const;
/** Kinds of 法人或者其他组织: the columns of annual-report table 三. */
export const ORG_APPLICANT_KINDS = {
  business: '商业企业',
  research: '科研机构',
  public_interest: '社会公益组织',
  legal_service: '法律服务机构',
  other: '其他',
} as const;
/** Identity documents. */
export const ID_TYPES = {
  resident_id: '居民身份证',
  passport: '护照',
  other_personal: '其他身份证件',
  uscc: '统一社会信用代码',
  other_org: '其他登记证件',
} as const;
/** 载体形式 (第四十条). */
export const INFO_FORMS = { paper: '纸质', electronic: '电子' } as const;
/** 获取方式. */
export const DELIVERY_METHODS = {
  post: '邮寄',
  email: '电子邮件',
  pickup: '自行领取',
  on_site: '当场阅读、抄录',
} as const;

/** 申请人类型 key. */
export type ApplicantType = keyof typeof APPLICANT_TYPES;
/** Organisation kind key. */
export type OrgApplicantKind = keyof typeof ORG_APPLICANT_KINDS;
/** Identity document key. */
export type IdType = keyof typeof ID_TYPES;
/** 载体形式 key. */
export type InfoForm = keyof typeof INFO_FORMS;
/** 获取方式 key. */
export type DeliveryMethod = keyof typeof DELIVERY_METHODS;

/** Raw form input (strings as typed). */
export interface ApplicationInput {
  applicantType: string;
  orgKind?: string;
  name: string;
  idType: string;
  idNumber: string;
  legalRep?: string;
  contactName?: string;
  phone?: string;
  email?: string;
  address?: string;
  postcode?: string;
  infoTitle?: string;
  infoRef?: string;
  infoDescription?: string;
  form: string;
  delivery: string;
}

/** Validated, normalised application fields. */
export interface ApplicationFields {
  applicantType: ApplicantType;
  orgKind: OrgApplicantKind | null;
  name: string;
  idType: IdType;
  idNumber: string;
  legalRep: string | null;
  contactName: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  postcode: string | null;
  infoTitle: string | null;
  infoRef: string | null;
  infoDescription: string | null;
  form: InfoForm;
  delivery: DeliveryMethod;
}

const has = <T extends object>(o: T, k: string): k is Extract<keyof T, string> => Object.hasOwn(o, k);
const opt = (s: string | undefined): string | null => {
  const t = (s ?? '').trim();
  return t === '' ? null : t;
};
const PERSONAL_IDS: readonly IdType[] = ['resident_id', 'passport', 'other_personal'];
const ORG_IDS: readonly IdType[] = ['uscc', 'other_org'];

/** The longest text each free field takes (the form's `maxlength` says the same). */
export const APPLICATION_MAX_CHARS = {
  legalRep: ['法定代表人', 100],
  contactName: ['联系人', 100],
  email: ['电子邮箱', 200],
  address: ['通信地址', 200],
  infoTitle: ['所需信息的名称', 200],
  infoRef: ['文号或索引号', 100],
} as const;

/** Validates an application (第二十九条: 姓名或者名称、身份证明、联系方式; 信息的名称、文号或特征性描述; 形式要求). */
export function validateApplication(input: ApplicationInput): {
  fields: ApplicationFields | null;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const e = (field: string, code: string, message: string): void => {
    errors.push({ code, message, field });
  };
  const type = input.applicantType;
  if (!has(APPLICANT_TYPES, type))
    e('applicantType', 'applicant_type_invalid', '请选择申请人类型：公民或法人或者其他组织。');
  let orgKind: OrgApplicantKind | null = null;
  if (type === 'organization') {
    if (input.orgKind && has(ORG_APPLICANT_KINDS, input.orgKind)) orgKind = input.orgKind;
    else e('orgKind', 'org_kind_invalid', '请选择单位类别（商业企业、科研机构、社会公益组织、法律服务机构或其他）。');
  }
  const name = (input.name ?? '').trim();
  if (!name) e('name', 'name_required', type === 'organization' ? '请填写单位名称。' : '请填写申请人姓名。');
  else if (name.length > 100) e('name', 'name_too_long', '名称不能超过100个字。');
  const idType = input.idType;
  const idNumber = (input.idNumber ?? '').trim().toUpperCase();
  if (!has(ID_TYPES, idType)) e('idType', 'id_type_invalid', '请选择证件类型。');
  else if (type === 'citizen' && !PERSONAL_IDS.includes(idType))
    e('idType', 'id_type_invalid', '公民请选择个人身份证件。');
  else if (type === 'organization' && !ORG_IDS.includes(idType))
    e('idType', 'id_type_invalid', '法人或者其他组织请选择统一社会信用代码或其他登记证件。');
  if (!idNumber) e('idNumber', 'id_number_required', '请填写证件号码。');
  else if (idType === 'resident_id' && !isValidResidentId(idNumber))
    e('idNumber', 'resident_id_invalid', '居民身份证号码不正确，请核对18位号码（含校验位）。');
  else if (idType === 'uscc' && !isValidUscc(idNumber))
    e('idNumber', 'uscc_invalid', '统一社会信用代码不正确，请核对18位代码（含校验位）。');
  else if (idNumber.length > 40) e('idNumber', 'id_number_too_long', '证件号码过长。');
  const phone = opt(input.phone);
  const email = opt(input.email);
  const address = opt(input.address);
  if (!phone && !email && !address)
    e('phone', 'contact_required', '请至少填写一种联系方式（电话、电子邮箱或通信地址）。');
  if (phone && !/^[0-9+\-() ]{7,20}$/.test(phone)) e('phone', 'phone_invalid', '联系电话格式不正确。');
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) e('email', 'email_invalid', '电子邮箱格式不正确。');
  const postcode = opt(input.postcode);
  if (postcode && !/^\d{6}$/.test(postcode)) e('postcode', 'postcode_invalid', '邮政编码应为6位数字。');
  const infoTitle = opt(input.infoTitle);
  const infoRef = opt(input.infoRef);
  const infoDescription = opt(input.infoDescription);
  if (!infoTitle && !infoRef && !infoDescription) {
    e('infoTitle', 'info_required', '请填写所需信息的名称、文号（索引号）或者便于查询的特征性描述（条例第二十九条）。');
  }
  if ((infoDescription ?? '').length > 4000) e('infoDescription', 'description_too_long', '内容描述不能超过4000字。');
  for (const [field, [label, max]] of Object.entries(APPLICATION_MAX_CHARS))
    if ((opt(input[field as keyof typeof APPLICATION_MAX_CHARS]) ?? '').length > max)
      e(field, 'text_too_long', `${label}不能超过${max}个字。`);
  const form = input.form;
  if (!has(INFO_FORMS, form)) e('form', 'form_invalid', '请选择信息的载体形式（纸质或电子）。');
  const delivery = input.delivery;
  if (!has(DELIVERY_METHODS, delivery)) e('delivery', 'delivery_invalid', '请选择获取信息的方式。');
  else if (delivery === 'email' && !email)
    e('email', 'email_required_for_delivery', '选择以电子邮件获取时，请填写电子邮箱。');
  else if (delivery === 'post' && !address)
    e('address', 'address_required_for_delivery', '选择邮寄时，请填写通信地址。');
  if (errors.length) return { fields: null, errors };
  return {
    fields: {
      applicantType: type as ApplicantType,
      orgKind,
      name,
      idType: idType as IdType,
      idNumber,
      legalRep: type === 'organization' ? opt(input.legalRep) : null,
      contactName: type === 'organization' ? opt(input.contactName) : null,
      phone,
      email,
      address,
      postcode,
      infoTitle,
      infoRef,
      infoDescription,
      form: form as InfoForm,
      delivery: delivery as DeliveryMethod,
    },
    errors,
  };
}

/** The table 三 column of an applicant: 自然人 or the organisation's kind. */
export function reportColumn(type: string, orgKind: string | null): string {
  if (type === 'citizen') return '自然人';
  return orgKind && has(ORG_APPLICANT_KINDS, orgKind) ? ORG_APPLICANT_KINDS[orgKind] : '其他';
}
