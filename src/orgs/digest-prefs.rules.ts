/** How a person receives the daily work digest (每日工作摘要), pure. */

export const DIGEST_CHOICES = {
  both: '站内通知和电子邮件',
  in_app: '仅站内通知',
  email: '仅电子邮件（未填写邮箱的，改发站内通知）',
  off: '不接收',
} as const;
export type DigestChoice = keyof typeof DIGEST_CHOICES;
export const DEFAULT_DIGEST_CHOICE: DigestChoice = 'both';

/** Reads a stored choice; anything unknown is the default. */
export const parseDigestChoice = (raw: string | null | undefined): DigestChoice =>
  raw && raw in DIGEST_CHOICES ? (raw as DigestChoice) : DEFAULT_DIGEST_CHOICE;

/** Where a digest goes for a choice and whether the person has an e-mail address (never lost for want of one). */
export function digestWays(choice: DigestChoice, hasEmail: boolean): { inApp: boolean; email: boolean } {
  if (choice === 'off') return { inApp: false, email: false };
  const email = hasEmail && choice !== 'in_app';
  return { inApp: choice !== 'email' || !email, email };
}
