/** The application form fields (条例第二十九条; REFERENCE §5.6), shared by the portal and the console's registration page. */
import { SelectField, TextArea, TextField } from '../../platform/views/components.js';
import type { FieldError } from '../../platform/errors.js';
import {
  APPLICATION_MAX_CHARS,
  APPLICANT_TYPES,
  DELIVERY_METHODS,
  ID_TYPES,
  INFO_FORMS,
  ORG_APPLICANT_KINDS,
} from '../applicant.rules.js';
import type { ApplicationFormValues } from '../application-form.schemas.js';

export type { ApplicationFormValues };

/** The fields of the form (without the surrounding <form>). */
export function ApplicationFields({
  v,
  errors,
  orgs,
}: {
  v: Partial<ApplicationFormValues>;
  errors?: FieldError[];
  orgs: Array<[string, string]>;
}) {
  const s = (x: unknown) => (x == null ? '' : String(x));
  /** A free field with the length the rules allow (APPLICATION_MAX_CHARS), what was typed and its error. */
  const limited = (name: keyof typeof APPLICATION_MAX_CHARS) => ({
    name,
    value: s(v[name]),
    errors,
    maxLength: APPLICATION_MAX_CHARS[name][1],
  });
  return (
    <>
      <SelectField
        name="orgId"
        label="受理机关"
        required
        value={s(v.orgId)}
        options={orgs}
        placeholder="请选择"
        errors={errors}
      />
      <fieldset>
        <legend>申请人信息</legend>
        <SelectField
          name="applicantType"
          label="申请人类型"
          required
          value={s(v.applicantType || 'citizen')}
          options={Object.entries(APPLICANT_TYPES)}
          errors={errors}
        />
        <SelectField
          name="orgKind"
          label="单位类别（法人或者其他组织填写）"
          value={s(v.orgKind)}
          options={Object.entries(ORG_APPLICANT_KINDS)}
          placeholder="（公民不填）"
          errors={errors}
        />
        <TextField
          name="name"
          label="姓名或单位名称"
          required
          value={s(v.name)}
          errors={errors}
          maxLength={100}
          autocomplete="name"
        />
        <SelectField
          name="idType"
          label="证件类型"
          required
          value={s(v.idType || 'resident_id')}
          options={Object.entries(ID_TYPES)}
          errors={errors}
        />
        <TextField
          name="idNumber"
          label="证件号码"
          required
          hint="居民身份证号码和统一社会信用代码会核对校验位。"
          value={s(v.idNumber)}
          errors={errors}
          maxLength={40}
        />
        <TextField {...limited('legalRep')} label="法定代表人（法人或者其他组织填写）" />
        <TextField {...limited('contactName')} label="联系人（法人或者其他组织填写）" />
        <TextField name="phone" label="联系电话" type="tel" value={s(v.phone)} errors={errors} autocomplete="tel" />
        <TextField {...limited('email')} label="电子邮箱" type="email" autocomplete="email" />
        <TextField {...limited('address')} label="通信地址" autocomplete="street-address" />
        <TextField name="postcode" label="邮政编码" inputmode="numeric" value={s(v.postcode)} errors={errors} />
      </fieldset>
      <fieldset>
        <legend>所需信息</legend>
        <TextField {...limited('infoTitle')} label="所需信息的名称" />
        <TextField {...limited('infoRef')} label="文号或索引号" />
        <TextArea
          name="infoDescription"
          label="所需信息的内容描述"
          hint="名称、文号或者便于查询的特征性描述，至少填写一项（条例第二十九条）。"
          value={s(v.infoDescription)}
          errors={errors}
        />
      </fieldset>
      <fieldset>
        <legend>提供方式</legend>
        <SelectField
          name="form"
          label="信息的载体形式"
          required
          value={s(v.form || 'electronic')}
          options={Object.entries(INFO_FORMS)}
          errors={errors}
        />
        <SelectField
          name="delivery"
          label="获取信息的方式"
          required
          value={s(v.delivery || 'email')}
          options={Object.entries(DELIVERY_METHODS)}
          errors={errors}
        />
      </fieldset>
    </>
  );
}
