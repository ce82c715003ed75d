/** When a message may appear in the public Q&A (pure). */

/** Why a message cannot be published as Q&A, or null when it can. */
export function publishBlocker(m: {
  publish_consent: number;
  held_for_moderation: number;
  rejected: number;
  state: string;
  reply_public: string | null;
}): string | null {
  if (!m.publish_consent) return '留言人未同意公开，不能发布。';
  if (m.held_for_moderation) return '留言含敏感词，须先审核通过。';
  if (m.rejected) return '留言已审核不予受理，不能发布。';
  if (!['replied', 'rated', 'closed'].includes(m.state) || !m.reply_public) return '留言尚未答复，不能发布。';
  return null;
}
