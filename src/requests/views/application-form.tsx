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
        <TextField
          name="legalRep"
          label="法定代表人（法人或者其他组织填写）"
          value={s(v.legalRep)}
          errors={errors}
          maxLength={APPLICATION_MAX_CHARS.legalRep[1]}
        />
        <TextField
          name="contactName"
          label="联系人（法人或者其他组织填写）"
          value={s(v.contactName)}
          errors={errors}
          maxLength={APPLICATION_MAX_CHARS.contactName[1]}
        />
        <TextField name="phone" label="联系电话" type="tel" value={s(v.phone)} errors={errors} autocomplete="tel" />
        <TextField
          name="email"
          label="电子邮箱"
          type="email"
          value={s(v.email)}
          errors={errors}
          autocomplete="email"
          maxLength={APPLICATION_MAX_CHARS.email[1]}
        />
        <TextField
          name="address"
          label="通信地址"
          value={s(v.address)}
          errors={errors}
          autocomplete="street-address"
          maxLength={APPLICATION_MAX_CHARS.address[1]}
        />
        <TextField name="postcode" label="邮政编码" inputmode="numeric" value={s(v.postcode)} errors={errors} />
      </fieldset>
      <fieldset>
        <legend>所需信息</legend>
        <TextField
          name="infoTitle"
          label="所需信息的名称"
          value={s(v.infoTitle)}
          errors={errors}
          maxLength={APPLICATION_MAX_CHARS.infoTitle[1]}
        />
        <TextField
          name="infoRef"
          label="文号或索引号"
          value={s(v.infoRef)}
          errors={errors}
          maxLength={APPLICATION_MAX_CHARS.infoRef[1]}
        />
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
