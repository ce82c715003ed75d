import type { Generated } from 'kysely';
import type { Bool } from '../platform/db/schema.js';

/** A public message (咨询 / 投诉 / 建议). Dates `YYYY-MM-DD`; instants ISO-8601 UTC. */
export interface MessagesTable {
  id: Generated<number>;
  org_id: number;
  message_no: string;
  query_code_hash: string;
  type: string;
  subject: string;
  content: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  publish_consent: Bool;
  channel: string;
  received_on: string;
  due_on: string | null;
  extended_days: number;
  extension_reason: string | null;
  state: string;
  handler_id: number | null;
  reply_public: string | null;
  reply_private: string | null;
  replied_on: string | null;
  rating: string | null;
  rating_reason: string | null;
  reopened: Bool;
  held_for_moderation: Bool;
  /** Sensitive words found at submission (JSON array), for the moderator. */
  held_words: string | null;
  /** 1 = rejected by moderation (not a valid message: left out of figures and never public). */
  rejected: Bool;
  published: Bool;
  created_at: string;
  updated_at: string;
}

/** History of a message, transfers included. */
export interface MessageEventsTable {
  id: Generated<number>;
  message_id: number;
  type: string;
  event_on: string;
  /** JSON object. */
  payload: string;
  public: Bool;
  actor_id: number | null;
  actor_label: string;
  created_at: string;
}

/** A comment period (意见征集) on a draft. */
export interface CommentPeriodsTable {
  id: Generated<number>;
  org_id: number;
  title: string;
  /** Optional link to a catalogue item (its id or 索引号). */
  catalog_ref: string | null;
  draft_text: string;
  start_on: string;
  end_on: string;
  feedback_text: string | null;
  feedback_published_on: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A comment on a draft (whole draft when article_no is null). */
export interface CommentsTable {
  id: Generated<number>;
  period_id: number;
  article_no: number | null;
  name: string | null;
  phone: string | null;
  content: string;
  /** pending | approved | rejected */
  moderation: string;
  adoption: string | null;
  adoption_reason: string | null;
  created_at: string;
  updated_at: string;
}

declare module '../platform/db/schema.js' {
  interface DB {
    messages: MessagesTable;
    message_events: MessageEventsTable;
    comment_periods: CommentPeriodsTable;
    comments: CommentsTable;
  }
}
