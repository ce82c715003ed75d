/**
 * Entry module of 政民互动 (interaction): questions, complaints, comments, consultations and 公开问答.
 *
 * The only door into this capability from outside it (console, portal, api, cli, app and the other
 * capabilities): its use-cases, named read queries, rules and input schemas. Everything else in this
 * folder is internal; `npm run lint` enforces it (no-restricted-imports in eslint.config.js).
 */
export { acceptMessage } from './accept-message.js';
export { assignMessage } from './assign-message.js';
export { closeMessage } from './close-message.js';
export { ADOPTION, PHASE_LABELS } from './comment-periods.rules.js';
export type { Adoption } from './comment-periods.rules.js';
export { extendMessage } from './extend-message.js';
export { formatRate } from './figures.rules.js';
export type { MessageFigures } from './figures.rules.js';
export { messageCounts, messageDatesOfAgency, messagesReceivedByMonth, unansweredDue } from './interaction-figures.js';
export { readInteractionSettings } from './interaction-settings.js';
export {
  canHandleMessages,
  canPublish,
  canViewMessages,
  HANDLE_ROLES,
  messageScopes,
  PUBLISH_ROLES,
  seesContact,
  VIEW_ROLES,
} from './interaction.policy.rules.js';
export { maskedMessages } from './masked-messages.js';
export { ATTACHMENT_LIMITS, readAttachment } from './message-attachments.js';
export type { UploadedFile } from './message-attachments.js';
export { messageFigures } from './message-figures.js';
export { MessageForm, messageValues } from './message-form.schemas.js';
export { listMessageHandlers } from './message-handlers.js';
export { messageOrgOptions, messageQueueCount, messageQueuePage } from './message-queues.js';
export {
  canDo,
  isAwaitingReply,
  MESSAGE_CHANNELS,
  MESSAGE_STATES,
  MESSAGE_TYPES,
  RATINGS,
} from './message-states.rules.js';
export type { MessageChannel, MessageState, MessageType, Rating } from './message-states.rules.js';
export { publicMessageStatus, staffMessage } from './message-status.js';
export type { PublicMessageStatus } from './message-status.js';
export { maskMessage } from './message-support.js';
export { isMessageSort, isQueue, MESSAGE_QUEUES, MESSAGE_SORTS } from './messages.store.js';
export type { MessageEventRow, MessageQueue, MessageSort, MessageWithOrg } from './messages.store.js';
export { moderateComment } from './moderate-comment.js';
export { moderateMessage } from './moderate-message.js';
export { openCommentPeriod } from './open-comment-period.js';
export type { OpenPeriodInput } from './open-comment-period.js';
export { periodDetail, periodSummaries } from './period-views.js';
export type { PeriodSummary } from './period-views.js';
export { listPublicQa, publicQaByNo, publishedQaPages } from './public-qa.js';
export type { PublicQaItem } from './public-qa.js';
export { publishFeedback } from './publish-feedback.js';
export { publishBlocker } from './publish-qa.rules.js';
export { publishQa } from './publish-qa.js';
export { isPublicQa, QA_DOC_TYPE, qaSearchDoc, qaSearchSource, syncQaIndex } from './qa-search.js';
export { rateMessage } from './rate-message.js';
export { recomputeMessageDueDates } from './recompute-message-due-dates.js';
export { registerMessage } from './register-message.js';
export { reopenMessage } from './reopen-message.js';
export { DEFAULT_REPLY_LIMITS } from './reply-deadline.rules.js';
export { replyMessage } from './reply-message.js';
export { seedDemoInteraction } from './seed-demo-interaction.js';
export { maskName } from './sensitive-words.rules.js';
export { submitComment } from './submit-comment.js';
export { submitMessage } from './submit-message.js';
export { transferMessage } from './transfer-message.js';
export { updateInteractionSettings } from './update-interaction-settings.js';
export type { SettingsInput } from './update-interaction-settings.js';
export { MESSAGE_EVENT_LABELS, MessageFields } from './views/message-fields.js';
export type { MessageFormValues } from './views/message-fields.js';
