/**
 * The application form (条例第二十九条; portal 依申请公开 and the console's registration page). The schema
 * types the fields; the content rules (required fields, 证件号码 check digits, lengths) stay with
 * `applicant.rules.ts`, so a refused application is shown again with what was typed and the errors
 * next to the fields.
 */
import { Form, OptText, Text, type Static, OptChosen, Picked } from '../platform/http/schemas.js';
import type { ApplicationInput } from './applicant.rules.js';

export const APPLICATION_FIELDS = {
  orgId: OptChosen('受理机关'),
  applicantType: Picked('申请人类型'),
  orgKind: Picked('单位类别'),
  name: Text('姓名或单位名称'),
  idType: Picked('证件类型'),
  idNumber: Text('证件号码'),
  legalRep: Text('法定代表人'),
  contactName: Text('联系人'),
  phone: Text('联系电话'),
  email: Text('电子邮箱'),
  address: Text('通信地址'),
  postcode: Text('邮政编码'),
  infoTitle: Text('所需信息的名称'),
  infoRef: Text('文号或索引号'),
  infoDescription: Text('所需信息的内容描述'),
  form: Picked('信息的载体形式'),
  delivery: Picked('获取信息的方式'),
  /** The form page's one-time key (form-token-field.tsx). */
  formToken: OptText('表单标识', { maxLength: 64 }),
};
export const ApplicationForm = Form(APPLICATION_FIELDS);
export type ApplicationFormBody = Static<typeof ApplicationForm>;

/** Form values as typed. */
export type ApplicationFormValues = ApplicationInput & { orgId?: number };

/** The application's values from a validated body (other fields of the body, such as buttons, left out). */
export const applicationValues = (b: ApplicationFormBody): ApplicationFormValues => ({
  orgId: b.orgId,
  applicantType: b.applicantType,
  orgKind: b.orgKind,
  name: b.name,
  idType: b.idType,
  idNumber: b.idNumber,
  legalRep: b.legalRep,
  contactName: b.contactName,
  phone: b.phone,
  email: b.email,
  address: b.address,
  postcode: b.postcode,
  infoTitle: b.infoTitle,
  infoRef: b.infoRef,
  infoDescription: b.infoDescription,
  form: b.form,
  delivery: b.delivery,
});
