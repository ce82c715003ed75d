/** Labels of a message's history events (the citizen's status page and the console's history). */
export const EVENT_LABELS: Record<string, string> = {
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
