import type { Kysely, Generated } from 'kysely';

/**
 * The database interface. Each capability adds its tables by module augmentation
 * in its own `*.tables.ts` file:
 *
 *   declare module '../platform/db/schema.js' { interface DB { items: ItemsTable } }
 *
 * so that platform/ stays free of domain knowledge.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DB extends PlatformTables {}

/** A Kysely handle or a transaction. */
export type Db = Kysely<DB>;

export type Dialect = 'sqlite' | 'postgres';

/** Booleans are stored as 0/1 integers on both dialects. */
export type Bool = number;

export interface PlatformTables {
  audit_events: {
    seq: Generated<number>;
    at: string;
    actor_id: number | null;
    actor_label: string;
    action: string;
    subject_type: string;
    subject_id: string | null;
    org_id: number | null;
    summary: string;
    ip: string | null;
    prev_hash: string;
    hash: string;
  };
  sessions: {
    id_hash: string;
    user_id: number;
    created_at: string;
    last_seen_at: string;
    expires_at: string;
    ip: string | null;
    user_agent: string | null;
  };
  job_runs: {
    id: Generated<number>;
    job: string;
    period_key: string;
    node_id: string;
    started_at: string;
    finished_at: string | null;
    status: string;
    message: string | null;
    heartbeat_at: string | null;
    /** 1 for a period's first run; one more each time a failed run is started again (scheduler.ts). */
    attempts: Generated<number>;
  };
  settings: {
    key: string;
    value: string;
    updated_at: string;
    updated_by: number | null;
  };
  counters: {
    scope: string;
    value: number;
  };
  rate_limits: {
    key: string;
    /** ms since the epoch (bigint: PostgreSQL returns it as a string). */
    window_start: number | string;
    count: number;
  };
  login_attempts: {
    id: Generated<number>;
    username: string;
    ip: string | null;
    at: string;
    success: Bool;
  };
}
