/** Figures of 互动交流 (messages): received, unanswered, late, 满意率. Held or rejected messages are not valid and left out. */
import { messageCounts, messagesReceivedByMonth } from '../../interaction/index.js';
import { bump, share, type Counts, type FigureSource } from '../figure-source.js';

/** The interaction source (read queries of src/interaction, aggregates only). */
export const interactionSource: FigureSource = {
  key: 'interaction',
  label: '互动交流',
  columns: [
    {
      key: 'msg_received',
      label: '收到留言',
      format: 'int',
      public: true,
      link: (orgId) => `/console/messages?queue=all&org=${orgId}`,
    },
    {
      key: 'msg_unanswered',
      label: '未答复留言',
      format: 'int',
      link: (orgId) => `/console/messages?queue=pending&org=${orgId}`,
    },
    {
      key: 'msg_late',
      label: '超期留言',
      format: 'int',
      link: (orgId) => `/console/messages?queue=overdue&org=${orgId}`,
    },
    { key: 'msg_on_time_rate', label: '留言按时答复率', format: 'pct', public: true },
    { key: 'msg_satisfaction', label: '满意率', format: 'pct', public: true },
  ],
  async collect(db, q) {
    const m = new Map<number, Counts>();
    for (const r of await messageCounts(db, q)) {
      bump(m, r.orgId, 'n', r.received);
      bump(m, r.orgId, 'unanswered', r.unanswered);
      bump(m, r.orgId, 'late', r.late);
      bump(m, r.orgId, 'replied', r.replied);
      bump(m, r.orgId, 'on_time', r.repliedOnTime);
      bump(m, r.orgId, 'rated', r.rated);
      bump(m, r.orgId, 'satisfied', r.satisfied);
    }
    return m;
  },
  figures: (c) => ({
    msg_received: c.n ?? 0,
    msg_unanswered: c.unanswered ?? 0,
    msg_late: c.late ?? 0,
    // No base (nothing replied or rated yet): shown as —.
    msg_on_time_rate: share(c.on_time, c.replied),
    msg_satisfaction: share(c.satisfied, c.rated),
  }),
  monthlyLabel: '收到留言',
  monthly: (db, q) => messagesReceivedByMonth(db, q),
};
