import type { Kysely } from 'kysely';
import { withId, withTimestamps } from './_lib.js';

export async function up(db: Kysely<any>): Promise<void> {
  await withTimestamps(
    withId(db, db.schema.createTable('messages'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('message_no', 'text', (c) => c.notNull().unique())
      .addColumn('query_code_hash', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('address', 'text')
      .addColumn('publish_consent', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text')
      .addColumn('extended_days', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('extension_reason', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('handler_id', 'integer', (c) => c.references('users.id'))
      .addColumn('reply_public', 'text')
      .addColumn('reply_private', 'text')
      .addColumn('replied_on', 'text')
      .addColumn('rating', 'text')
      .addColumn('rating_reason', 'text')
      .addColumn('reopened', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('held_for_moderation', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('held_words', 'text')
      .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();
  await db.schema.createIndex('messages_org_state').on('messages').columns(['org_id', 'state']).execute();
  await db.schema.createIndex('messages_received').on('messages').columns(['org_id', 'received_on']).execute();
  await db.schema.createIndex('messages_published').on('messages').columns(['published', 'replied_on']).execute();

  await withId(db, db.schema.createTable('message_events'))
    .addColumn('message_id', 'integer', (c) => c.notNull().references('messages.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('event_on', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('actor_id', 'integer')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('message_events_message').on('message_events').columns(['message_id', 'id']).execute();

  await withTimestamps(
    withId(db, db.schema.createTable('comment_periods'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('catalog_ref', 'text')
      .addColumn('draft_text', 'text', (c) => c.notNull())
      .addColumn('start_on', 'text', (c) => c.notNull())
      .addColumn('end_on', 'text', (c) => c.notNull())
      .addColumn('feedback_text', 'text')
      .addColumn('feedback_published_on', 'text')
      .addColumn('created_by', 'integer'),
  ).execute();
  await db.schema.createIndex('comment_periods_dates').on('comment_periods').columns(['end_on', 'start_on']).execute();

  await withTimestamps(
    withId(db, db.schema.createTable('comments'))
      .addColumn('period_id', 'integer', (c) => c.notNull().references('comment_periods.id').onDelete('cascade'))
      .addColumn('article_no', 'integer')
      .addColumn('name', 'text')
      .addColumn('phone', 'text')
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('moderation', 'text', (c) => c.notNull())
      .addColumn('adoption', 'text')
      .addColumn('adoption_reason', 'text'),
  ).execute();
  await db.schema.createIndex('comments_period').on('comments').columns(['period_id', 'moderation']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('comments').execute();
  await db.schema.dropTable('comment_periods').execute();
  await db.schema.dropTable('message_events').execute();
  await db.schema.dropTable('messages').execute();
}
