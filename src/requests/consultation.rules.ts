/** Consultation replies (条例第三十二条: 第三方 may consent or object with reasons; no reply in 15 working days). */
export const CONSULTATION_REPLIES = {
  consent: '同意公开',
  objection: '不同意公开（附理由）',
  no_reply: '逾期未提出意见',
} as const;
/** A reply kind. */
export type ConsultationReply = keyof typeof CONSULTATION_REPLIES;
/** True for a known reply kind. */
export const isConsultationReply = (s: string): s is ConsultationReply => Object.hasOwn(CONSULTATION_REPLIES, s);
