/**
 * The message (留言) form fields and the labels of a message's history, shared by the portal's
 * 我要留言 and the console's registration of calls and letters (console and portal do not import each other).
 */
import { SelectField, TextArea, TextField, fieldError } from '../../platform/views/components.js';
import type { FieldError } from '../../platform/errors.js';
import { MESSAGE_TYPES } from '../message-states.rules.js';
import { MESSAGE_ADDRESS_MAX, type MessageInput } from '../message-input.rules.js';

/** Values of the message form as typed. */
export interface MessageFormValues extends MessageInput {
  orgId?: number;
}

/** The fields of a message (portal and console registration). */
export function MessageFields({
  v,
  errors,
  orgs,
}: {
  v: MessageFormValues;
  errors?: FieldError[];
  orgs: Array<[string, string]>;
}) {
  const consentErr = fieldError(errors, 'publishConsent');
  return (
    <>
      <SelectField
        name="orgId"
        label="受理机关"
        required
        value={v.orgId ? String(v.orgId) : ''}
        options={orgs}
        placeholder="请选择"
        hint="可选择具体部门，也可选择本级人民政府（全辖区）。"
        errors={errors}
      />
      <SelectField
        name="type"
        label="留言类型"
        required
        value={v.type ?? ''}
        options={Object.entries(MESSAGE_TYPES)}
        placeholder="请选择"
        errors={errors}
      />
      <TextField name="subject" label="标题" required value={v.subject} maxLength={100} errors={errors} />
      <TextArea
        name="content"
        label="留言内容"
        required
        value={v.content}
        rows={8}
        hint="请勿在内容中填写身份证号码等个人信息。"
        errors={errors}
      />
      <fieldset>
        <legend>联系方式</legend>
        <TextField
          name="name"
          label="姓名"
          value={v.name}
          hint="咨询可以不填姓名；投诉、建议须填写姓名和联系电话。"
          autocomplete="name"
          errors={errors}
        />
        <TextField name="phone" label="联系电话" type="tel" value={v.phone} autocomplete="tel" errors={errors} />
        <TextField name="email" label="电子邮箱" type="email" value={v.email} autocomplete="email" errors={errors} />
        <TextField
          name="address"
          label="联系地址"
          value={v.address}
          autocomplete="street-address"
          errors={errors}
          maxLength={MESSAGE_ADDRESS_MAX}
        />
      </fieldset>
      <div class={`field${consentErr ? ' has-error' : ''}`}>
        <label>
          <input type="checkbox" name="publishConsent" value="1" checked={!!v.publishConsent} />{' '}
          同意公开本留言及答复（公开时姓名只显示姓氏，如“张**”；联系方式不公开）
        </label>
      </div>
    </>
  );
}

/** Labels of a message's history events. */
export const MESSAGE_EVENT_LABELS: Record<string, string> = {
  received: '收到留言',
  accepted: '已签收',
  assigned: '已分派',
  transferred: '转办',
  transferred_out: '转出',
  replied: '已答复',
  extended: '延期答复',
  rated: '留言人评价',
  attachment: '上传附件',
  reopened: '申请重新办理',
  closed: '办结',
  moderation_released: '审核通过',
  moderation_rejected: '审核不予受理',
  published: '发布到公开问答',
  unpublished: '撤下公开问答',
  due_recomputed: '答复期限调整',
};
