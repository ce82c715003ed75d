import { todayInShanghai } from './dates.js';
import type { Db } from './db/schema.js';
import type { Config } from './config.js';

/** A role held on an organisation subtree. */
export interface Grant {
  readonly role: string;
  readonly orgId: number;
  /** Materialised path of the org, e.g. `/1/4/`; the grant covers every org whose path starts with it. */
  readonly orgPath: string;
}

/** Who is acting: a staff user (session or API token), the public, or the system (CLI, jobs). */
export interface Actor {
  readonly kind: 'user' | 'public' | 'system';
  readonly userId: number | null;
  /** Shown in the audit log, e.g. `zhangsan（张三）` or `system:cli`. */
  readonly label: string;
  /** A staff user's real name (姓名), shown to colleagues where a review is signed. */
  readonly displayName?: string;
  readonly grants: readonly Grant[];
  readonly ip: string | null;
  /** Set when the user acts through an API token: the roles the token may use. */
  readonly tokenRoles?: readonly string[];
  readonly mustChangePassword?: boolean;
}

/** What every use-case receives (ARCHITECTURE: one use-case per file, `(ctx, input)`). */
export interface Ctx {
  readonly db: Db;
  readonly actor: Actor;
  readonly now: () => Date;
  readonly config: Config;
}

export const systemActor = (label = 'system'): Actor => ({
  kind: 'system',
  userId: null,
  label: `system:${label}`,
  grants: [],
  ip: null,
});

export const publicActor = (ip: string | null): Actor => ({
  kind: 'public',
  userId: null,
  label: 'public',
  grants: [],
  ip,
});

/** ISO-8601 UTC timestamp of the context's clock. */
export const nowIso = (ctx: Pick<Ctx, 'now'>): string => ctx.now().toISOString();

/** The request's or job's day in Beijing time (YYYY-MM-DD), from the injected clock. */
export const today = (ctx: Pick<Ctx, 'now'>): string => todayInShanghai(ctx.now());
