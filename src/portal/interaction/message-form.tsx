import { SelectField, TextArea, TextField, fieldError } from '../../platform/views/components.js';
import { str } from '../../platform/http/form.js';
import type { FieldError } from '../../platform/errors.js';
import { MESSAGE_TYPES } from '../../interaction/message-states.rules.js';
import type { MessageInput } from '../../interaction/message-input.rules.js';

/** Values of the message form as typed. */
export interface MessageFormValues extends MessageInput {
  orgId?: number;
}

/** Reads the message form from a url-encoded body. */
export function messageFromBody(b: unknown): MessageFormValues {
  const org = str(b, 'orgId');
  return {
    orgId: /^\d{1,9}$/.test(org) ? Number(org) : undefined,
    type: str(b, 'type'),
    subject: str(b, 'subject'),
    content: str(b, 'content'),
    name: str(b, 'name'),
    phone: str(b, 'phone'),
    email: str(b, 'email'),
    address: str(b, 'address'),
    publishConsent: str(b, 'publishConsent') === '1',
  };
}

/** The fields of a message (portal and console registration). */
export function MessageFields({ v, errors, orgs }: { v: MessageFormValues; errors?: FieldError[]; orgs: Array<[string, string]> }) {
  const consentErr = fieldError(errors, 'publishConsent');
  return (
    <>
      <SelectField name="orgId" label="受理机关" required value={v.orgId ? String(v.orgId) : ''} options={orgs} placeholder="请选择" hint="可选择具体部门，也可选择本级人民政府（全辖区）。" errors={errors} />
      <SelectField name="type" label="留言类型" required value={v.type ?? ''} options={Object.entries(MESSAGE_TYPES)} placeholder="请选择" errors={errors} />
      <TextField name="subject" label="标题" required value={v.subject} maxLength={100} errors={errors} />
      <TextArea name="content" label="留言内容" required value={v.content} rows={8} hint="请勿在内容中填写身份证号码等个人信息。" errors={errors} />
      <fieldset>
        <legend>联系方式</legend>
        <TextField name="name" label="姓名" value={v.name} hint="咨询可以不填姓名；投诉、建议须填写姓名和联系电话。" autocomplete="name" errors={errors} />
        <TextField name="phone" label="联系电话" type="tel" value={v.phone} autocomplete="tel" errors={errors} />
        <TextField name="email" label="电子邮箱" type="email" value={v.email} autocomplete="email" errors={errors} />
        <TextField name="address" label="联系地址" value={v.address} autocomplete="street-address" errors={errors} />
      </fieldset>
      <div class={`field${consentErr ? ' has-error' : ''}`}>
        <label>
          <input type="checkbox" name="publishConsent" value="1" checked={!!v.publishConsent} /> 同意公开本留言及答复（公开时姓名隐去，联系方式不公开）
        </label>
      </div>
    </>
  );
}
