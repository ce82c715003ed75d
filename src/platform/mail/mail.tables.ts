import type { Generated } from 'kysely';

export interface OutboxTable {
  id: Generated<number>;
  org_id: number | null;
  to_addr: string;
  subject: string;
  body: string;
  /** pending → sent | failed; `unsent` when no SMTP server is configured. */
  status: string;
  attempts: number;
  last_error: string | null;
  related_type: string | null;
  related_id: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

declare module '../db/schema.js' {
  interface DB {
    outbox: OutboxTable;
    notifications: NotificationsTable;
  }
}
