/**
 * Types of the request clock: the ledger of dated events (input) and the clock state (output).
 */
import type { FieldError } from '../../platform/errors.js';
import type { IsoDate } from '../../platform/dates.js';

/** How the application arrived (条例第三十一条 fixes the receipt date per channel). */
export type Channel = 'in_person' | 'post_signed' | 'post_unsigned' | 'online' | 'fax' | 'email' | 'oral';

/** Who is consulted: a third party (第三十二条) or another agency (第三十四条). */
export type ConsultationParty = 'third_party' | 'other_agency';

/** Free fields allowed on every event (ignored by the clock). */
interface EventBase {
  id?: string;
  note?: string;
}

/** The dated events of a request, as recorded by the agency. */
export type ClockEvent = EventBase &
  (
    | { type: 'correction_requested'; on: IsoDate; until: IsoDate }
    | { type: 'correction_received'; on: IsoDate }
    | { type: 'consultation_started'; on: IsoDate; party: ConsultationParty }
    | { type: 'consultation_ended'; on: IsoDate; party?: ConsultationParty }
    | { type: 'fee_notice_sent'; on: IsoDate }
    | { type: 'fee_paid'; on: IsoDate }
    | { type: 'extended'; on: IsoDate; days: number }
    | { type: 'deadline_set'; on?: IsoDate; dueOn: IsoDate; reason: string }
    | { type: 'answered'; on: IsoDate }
  );

/** The type names of the events. */
export type ClockEventType = ClockEvent['type'];

/** Input of the clock (also the future CLI/API JSON). */
export interface ClockLedger {
  received: { on: IsoDate; channel: Channel };
  events: ClockEvent[];
}

/** Settings of the clock (admin settings, not law). */
export interface ClockOptions {
  /** Working days the applicant has to pay a fee notice. Default 20 ([R] in REFERENCE §3: unverified). */
  feePaymentWorkingDays?: number;
  /** Working days to answer (条例第三十三条: 20). Only for tests or a future regime. */
  answerWorkingDays?: number;
  /**
   * When true, a consultation counts as ended at the respondent's reply due date (15th working day)
   * even if it was recorded later or is still open. Default false: the recorded end counts.
   */
  capConsultationAtReplyDue?: boolean;
}

/** The clock's state. */
export type ClockStateName = 'running' | 'paused' | 'awaiting_correction' | 'answered' | 'abandoned';

/** Report row per consultation. */
export interface ConsultationReport {
  party: ConsultationParty;
  startedOn: IsoDate;
  /** 15th working day after the start (第三十二条、第三十四条). */
  replyDueOn: IsoDate;
  endedOn: IsoDate | null;
}

/** Report row per fee notice. */
export interface FeeNoticeReport {
  sentOn: IsoDate;
  paymentDueOn: IsoDate;
  paidOn: IsoDate | null;
}

/** Output of `computeClock`. */
export interface ClockResult {
  state: ClockStateName;
  stateLabel: string;
  asOf: IsoDate;
  receivedOn: IsoDate;
  channel: Channel;
  /** Day 0 of the current count: the receipt date, or the date the correction arrived. */
  dayZero: IsoDate;
  /** Answer due date; null while awaiting a correction or once abandoned. */
  dueOn: IsoDate | null;
  /** True while a pause is open: `dueOn` assumes the pause ends on `asOf` and will move. */
  dueOnProvisional: boolean;
  /**
   * True when the due date (or, while awaiting a correction, the correction deadline) lies in a year whose
   * holiday arrangement is not yet announced: computed on the provisional calendar (暂定), it may move when
   * the State Council notice is imported.
   */
  calendarProvisional: boolean;
  /** Every date of this result that lies in a provisional year (due, correction, consultation, fee dates). */
  provisionalDates: IsoDate[];
  /** 20th working day after `dayZero`, without pauses, extension or 第三十五条 date. */
  baseDueOn: IsoDate | null;
  /** The 第三十五条 date when one was set. */
  deadlineSet: { dueOn: IsoDate; reason: string } | null;
  extendedDays: number;
  pausedWorkingDays: number;
  workingDaysUsed: number;
  workingDaysLeft: number | null;
  overdue: boolean;
  overdueWorkingDays: number;
  answeredOn: IsoDate | null;
  /** '六.1' (no correction) or '六.2' (fee unpaid) when abandoned. */
  outcome?: '六.1' | '六.2';
  abandonedOn?: IsoDate;
  /** 7th working day after the receipt date (第三十条). */
  correctionNoticeDueOn: IsoDate;
  correctionDueOn: IsoDate | null;
  consultations: ConsultationReport[];
  feeNotices: FeeNoticeReport[];
  warnings: FieldError[];
  /** The explanation in Chinese, one line per step. */
  steps: string[];
}
