/**
 * Entry module of 依申请公开 (requests): applications, the statutory clock, actions, letters, release and statistics.
 *
 * The only door into this capability from outside it (console, portal, api, cli, app and the other
 * capabilities): its use-cases, named read queries, rules and input schemas. Everything else in this
 * folder is internal; `npm run lint` enforces it (no-restricted-imports in eslint.config.js).
 */
export { addCoHandling } from './add-cohandling.js';
export { addIdProofs } from './add-id-proofs.js';
export { APPEAL_KINDS, APPEAL_RESULTS, TABLE4_GROUPS } from './appeals.rules.js';
export { APPLICANT_TYPES, DELIVERY_METHODS, ID_TYPES, INFO_FORMS, ORG_APPLICANT_KINDS } from './applicant.rules.js';
export { APPLICATION_FIELDS, applicationValues } from './application-form.schemas.js';
export type { ApplicationFormValues } from './application-form.schemas.js';
export { assignRequest } from './assign-request.js';
export { agencyTemplateList, caseDepartmentList } from './case-department-list.js';
export { caseFormChoices } from './case-page.js';
export { loadCase } from './case-support.js';
export { clearRetentionYears } from './clear-retention.js';
export { CHANNELS, EVENT_LABELS, PARTIES } from './clock/clock-explain.rules.js';
export { MAX_EXTENSION_DAYS, parseLedger, byEventName } from './clock/clock-input.rules.js';
export type { ClockResult } from './clock/clock.types.js';
export { ANSWER_WORKING_DAYS, computeClock } from './clock/request-clock.rules.js';
export { confirmOralByApplicant } from './confirm-oral-by-applicant.js';
export { CONSULTATION_REPLIES } from './consultation.rules.js';
export { COHANDLING_DAYS_RANGE, isCoHandlingOverdue } from './departments.rules.js';
export { DUE_SOON_WORKING_DAYS, dueSoonUntil, isOverdue } from './due-window.rules.js';
export { FEE_METHODS } from './fees.rules.js';
export { idProofLimitMb } from './id-proof-limit.js';
export { ID_PROOF_FIELD, ID_PROOF_MAX_FILES, ID_PROOF_MB_RANGE } from './identity-proof.rules.js';
export { listIdProofs, readIdProof } from './identity-proofs.js';
// ./letter-docx.js loads a heavy library: its functions are loaded on first use.
export const letterDocx: (typeof import('./letter-docx.js'))['letterDocx'] = async (...args) =>
  (await import('./letter-docx.js')).letterDocx(...args);
export { formatLetterNumber, LETTER_SETTING_LIMITS } from './letter-numbers.rules.js';
export type { LetterSettings } from './letter-numbers.rules.js';
export {
  defaultTemplate,
  PLACEHOLDERS,
  REMEDIES,
  renderTemplate,
  SAMPLE_VALUES,
  TEMPLATE_CODES,
  validateTemplate,
} from './letter-templates.rules.js';
export type { LetterTemplate } from './letter-templates.rules.js';
export { letterFileName } from './letters.rules.js';
// ./oral-sheet-docx.js loads a heavy library: its functions are loaded on first use.
export const oralSheetDocx: (typeof import('./oral-sheet-docx.js'))['oralSheetDocx'] = async (...args) =>
  (await import('./oral-sheet-docx.js')).oralSheetDocx(...args);
export { oralSheetFileName, SIGN_LINES } from './oral-sheet.rules.js';
export type { OralSheet } from './oral-sheet.rules.js';
export { oralSheet } from './oral-sheet.js';
export { outcomeByCode, OUTCOMES, outcomeText, TABLE3_ROWS } from './outcomes.rules.js';
export { performRequestCommand } from './perform-action.js';
export { matchPublished } from './published-matches.js';
export type { PublishedMatch } from './published-matches.js';
export { hashQueryCode, newQueryCode, queryCodeMatches } from './query-code.js';
export { recomputeRequestDueDates } from './recompute-due-dates.js';
export { recordCoHandlingReply } from './record-cohandling-reply.js';
export { registerRequest } from './register-request.js';
export { addReleaseDocument } from './release/add-release-document.js';
export { addReleaseFromCatalog } from './release/add-release-from-catalog.js';
export { approveRelease } from './release/approve-release.js';
export { attachReleaseToItem } from './release/attach-release-to-item.js';
export { downloadRelease } from './release/download-release.js';
export { findInPdf } from './release/find-in-pdf.js';
export type { ProposedBox } from './release/find-in-pdf.js';
export { documentPages, documentPreview } from './release/redact-document.js';
export { redactReleaseDocument } from './release/redact-release-document.js';
export { boxesFromForm, boxText, reasonOf, REDACTION_REASONS } from './release/redaction.rules.js';
export type { RedactionBox } from './release/redaction.rules.js';
export { applicantRelease, readReleaseFile, staffRelease } from './release/release-views.js';
export { REDACTABLE_KINDS } from './release/release.rules.js';
export { setReleaseDays } from './release/set-release-days.js';
export type { ReminderPrefs } from './reminder-prefs.rules.js';
export { removeCoHandling } from './remove-cohandling.js';
export { letterSetup, letterTemplateInForce, requestAgencies } from './request-agencies.js';
export type { LetterSetup, OrgRow } from './request-agencies.js';
export { requestCalendar } from './request-calendar.js';
export { requestCellRecords } from './request-cell-records.js';
export type { CellCase, RequestCell } from './request-cell-records.js';
export { requestOutcomeText } from './request-commands.labels.js';
export {
  ANSWER_OUTCOMES,
  APPEAL_KIND_CODES,
  APPEAL_RESULT_CODES,
  DELIVERY_CODES,
  FEE_METHOD_CODES,
  PARTY_CODES,
  REPLY_CODES,
  RequestCommandSchema,
  SetDeadlineCommand,
} from './request-commands.schemas.js';
export type { RequestCommand } from './request-commands.schemas.js';
export type { CaseDepartment } from './request-departments.store.js';
export { requestExportRows } from './request-export.rules.js';
export { dueSoon, openStates, requestFigures, requestsReceivedByMonth } from './request-figures.js';
export { requestListChoices, viewableRequests } from './request-list-choices.js';
export {
  bulkRequestAction,
  bulkTargetName,
  bulkVerb,
  BULK_ACTIONS,
  BULK_MAX,
  NOT_YOURS,
  type BulkAction,
  type BulkResult,
} from './bulk-request-action.js';
export { requestListScope } from './request-list-scope.js';
export {
  hasFilters,
  parseRequestListQuery,
  REQUEST_QUEUES,
  REQUEST_SORTS,
  requestListQs,
} from './request-list.rules.js';
export type { RequestListQuery, RequestQueue } from './request-list.rules.js';
export { RequestListFields } from './request-list.schemas.js';
export { requestListFor } from './request-list.js';
export { canTransition, isOpenState, REQUEST_STATES, stateLabel } from './request-states.rules.js';
export type { RequestAction } from './request-states.rules.js';
export { requestStatistics } from './request-statistics.js';
export { compactTallyCounts } from './compact-tally-counts.js';
export { recountTallyCounts, describeRecount, type RecountResult } from './recount-tally-counts.js';
export { maskCase, publicStatus, staffCase } from './request-status.js';
export type { PublicStatus, StaffCase } from './request-status.js';
export {
  APPROVE_ROLES,
  canApproveExtension,
  canHandleRequests,
  canViewRequests,
  HANDLE_ROLES,
  mayForward,
  nameScopes,
  proactiveMode,
  requestScopes,
  seesPersonalData,
  VIEW_ROLES,
} from './requests.policy.rules.js';
export type { RequestWithOrg } from './requests.store.js';
export { resetLetterTemplate } from './reset-letter-template.js';
export { resetQueryCode } from './reset-query-code.js';
export { previewRetention } from './retention-preview.js';
export {
  assertRetentionYears,
  ERASED,
  eraseExpiredPersonalData,
  getRetentionYears,
  RETENTION_KEY,
  retentionCutoff,
  setRetentionYears,
} from './retention.js';
export { saveLetterSettings } from './save-letter-settings.js';
export { saveLetterTemplate, templateAgency } from './save-letter-template.js';
export { getReminderPrefs, saveReminderPrefs } from './save-reminder-prefs.js';
export { seedDemoRequests } from './seed-demo-requests.js';
export { sendReminders } from './send-reminders.js';
export { setCohandlingDays } from './set-cohandling-days.js';
export { setIdProofLimit } from './set-id-proof-limit.js';
export { setLeadDepartment } from './set-lead-department.js';
export { submitOnline } from './submit-online.js';
export { TABLE3_COLUMNS } from './tally.rules.js';
export { ApplicationFields } from './views/application-form.js';
export { IdProofField, readApplicationUpload, uploadedProofs } from './views/id-proof-field.js';
export { FormTokenField } from './views/form-token-field.js';
export { requestByFormKey } from './requests.store.js';
export { LetterDocument } from './views/letter-view.js';
export { withdrawRequest } from './withdraw-request.js';
