import { readFileSync, existsSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';

/** The one configuration object (CONVENTIONS §8). Nothing else reads process.env. */
export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly db: 'sqlite' | 'postgres';
  readonly dataDir: string;
  readonly sqliteFile: string;
  /** SQLite's page cache per connection (one per process), MB. */
  readonly sqliteCacheMb: number;
  readonly databaseUrl: string | undefined;
  /**
   * PostgreSQL: whether each process LISTENs for new public stamps (the page cache then reads none per
   * request). Off behind a pooler that cannot carry LISTEN (transaction mode): the stamp is read per request.
   */
  readonly pgListen: boolean;
  readonly host: string;
  readonly port: number;
  /** HTTP worker processes of this node sharing the port (node:cluster); 1 = no cluster. */
  readonly workers: number;
  readonly publicUrl: string;
  /**
   * Proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (addresses, CIDR ranges or the names
   * loopback, linklocal, uniquelocal); empty: none, the socket's address is the client's.
   */
  readonly trustProxy: readonly string[];
  readonly nodeId: string;
  readonly logLevel: string;
  /** Fastify's two log lines per request (GONGKAI_ACCESS_LOG); unhandled errors are logged either way. */
  readonly accessLog: boolean;
  readonly session: { readonly idleMinutes: number; readonly absoluteHours: number };
  readonly login: { readonly maxFailures: number; readonly lockoutMinutes: number };
  readonly limits: {
    readonly bodyBytes: number;
    readonly uploadBytes: number;
    readonly publicFormsPerMinute: number;
    readonly lookupsPerMinute: number;
    readonly apiPerMinute: number;
    /** Memory for rendered public pages of anonymous readers (GONGKAI_PAGE_CACHE_MB; 0 turns the cache off). */
    readonly pageCacheBytes: number;
  };
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly blobDir: string;
  /**
   * The server's secret key (32 random bytes, made on first use): keys the CSRF tokens and the audit
   * chain's HMAC. Kept outside the database so that database access alone cannot forge either.
   */
  readonly secretKeyFile: string;
  /** The audit chain's append-only anchor file (outside the database). */
  readonly auditAnchorFile: string;
  readonly jobs: { readonly enabled: boolean; readonly tickSeconds: number };
  /** GONGKAI_NOW: an ISO instant the clock starts at (demos, reproducing a day, tests); unset = system clock. */
  readonly clockStart?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置无效 / invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Source = Record<string, string | undefined>;

/**
 * Builds the frozen config from the environment and an optional JSON file
 * (GONGKAI_CONFIG_FILE, keys are the same variable names). Environment wins.
 */
export function loadConfig(env: Source = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  let fileValues: Source = {};
  const file = env.GONGKAI_CONFIG_FILE;
  if (file) {
    if (!existsSync(file)) problems.push(`GONGKAI_CONFIG_FILE: file not found: ${file}`);
    else {
      try {
        const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
        fileValues = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, v == null ? undefined : String(v)]));
      } catch (e) {
        problems.push(`GONGKAI_CONFIG_FILE: not a JSON object (${(e as Error).message})`);
      }
    }
  }
  const get = (name: string): string | undefined => {
    const v = env[name] ?? fileValues[name];
    return v === undefined || v === '' ? undefined : v;
  };
  const int = (name: string, def: number, min: number, max: number): number => {
    const raw = get(name);
    if (raw === undefined) return def;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name}: must be an integer between ${min} and ${max}, got "${raw}"`);
      return def;
    }
    return n;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], def: T): T => {
    const raw = get(name);
    if (raw === undefined) return def;
    if (!(allowed as readonly string[]).includes(raw)) {
      problems.push(`${name}: must be one of ${allowed.join(', ')}, got "${raw}"`);
      return def;
    }
    return raw as T;
  };

  const nodeEnv = oneOf('GONGKAI_ENV', ['development', 'production', 'test'] as const, 'development');
  const db = oneOf('GONGKAI_DB', ['sqlite', 'postgres'] as const, 'sqlite');
  const dataDir = path.resolve(cwd, get('GONGKAI_DATA_DIR') ?? 'data');
  const databaseUrl = get('GONGKAI_DATABASE_URL');
  if (db === 'postgres' && !databaseUrl) {
    problems.push(
      'GONGKAI_DATABASE_URL: required when GONGKAI_DB=postgres (e.g. postgres://user@127.0.0.1:5432/gongkai)',
    );
  }
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('GONGKAI_DATABASE_URL: must start with postgres:// or postgresql://');
  }
  const host = get('GONGKAI_HOST') ?? '127.0.0.1';
  const port = int('GONGKAI_PORT', 3000, 0, 65535);
  const workers = int('GONGKAI_WORKERS', 1, 1, 64);
  const publicUrlRaw = get('GONGKAI_PUBLIC_URL');
  if (nodeEnv === 'production' && !publicUrlRaw) {
    problems.push(
      'GONGKAI_PUBLIC_URL: required in production (the address citizens use, e.g. https://gk.example.gov.cn)',
    );
  }
  let publicUrl = publicUrlRaw ?? `http://${host}:${port}`;
  try {
    publicUrl = new URL(publicUrl).toString().replace(/\/$/, '');
  } catch {
    problems.push(`GONGKAI_PUBLIC_URL: not a URL: "${publicUrlRaw}"`);
  }
  const trustProxy = proxyList(get('GONGKAI_TRUST_PROXY') ?? (nodeEnv === 'production' ? 'loopback' : 'off'), problems);
  const smtpUrl = get('GONGKAI_SMTP_URL');
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) problems.push('GONGKAI_SMTP_URL: must start with smtp:// or smtps://');

  const clockStart = get('GONGKAI_NOW');
  if (
    clockStart !== undefined &&
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(clockStart)
  ) {
    problems.push(
      `GONGKAI_NOW: must be an ISO-8601 instant with a zone, e.g. 2027-01-04T02:00:00Z, got "${clockStart}"`,
    );
  }

  const config: Config = {
    env: nodeEnv,
    db,
    dataDir,
    sqliteFile: path.resolve(dataDir, get('GONGKAI_SQLITE_FILE') ?? 'gongkai.db'),
    sqliteCacheMb: int('GONGKAI_SQLITE_CACHE_MB', 64, 2, 4096),
    databaseUrl,
    pgListen: oneOf('GONGKAI_PG_LISTEN', ['on', 'off'] as const, 'on') === 'on',
    host,
    port,
    workers,
    publicUrl,
    trustProxy,
    nodeId: get('GONGKAI_NODE_ID') ?? `${host}:${port}`,
    logLevel: oneOf(
      'GONGKAI_LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      nodeEnv === 'test' ? 'silent' : 'info',
    ),
    accessLog: oneOf('GONGKAI_ACCESS_LOG', ['on', 'off'] as const, 'on') === 'on',
    session: {
      idleMinutes: int('GONGKAI_SESSION_IDLE_MINUTES', 60, 1, 24 * 60),
      absoluteHours: int('GONGKAI_SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 30),
    },
    login: {
      maxFailures: int('GONGKAI_LOGIN_MAX_FAILURES', 5, 1, 100),
      lockoutMinutes: int('GONGKAI_LOGIN_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    },
    limits: {
      bodyBytes: int('GONGKAI_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 1024 * 1024 * 1024),
      uploadBytes: int('GONGKAI_UPLOAD_LIMIT_MB', 50, 1, 2048) * 1024 * 1024,
      publicFormsPerMinute: int('GONGKAI_RATE_LIMIT_PUBLIC', 20, 1, 1_000_000),
      lookupsPerMinute: int('GONGKAI_RATE_LIMIT_LOOKUP', 10, 1, 1_000_000),
      apiPerMinute: int('GONGKAI_RATE_LIMIT_API', 600, 1, 10_000_000),
      pageCacheBytes: int('GONGKAI_PAGE_CACHE_MB', 64, 0, 4096) * 1024 * 1024,
    },
    smtpUrl,
    mailFrom: get('GONGKAI_MAIL_FROM') ?? 'gongkai@localhost',
    blobDir: path.resolve(dataDir, 'blobs'),
    secretKeyFile: path.resolve(dataDir, get('GONGKAI_SECRET_KEY_FILE') ?? 'secret.key'),
    auditAnchorFile: path.resolve(dataDir, get('GONGKAI_AUDIT_ANCHOR_FILE') ?? 'audit-anchor.log'),
    jobs: {
      enabled: (get('GONGKAI_JOBS') ?? 'on') !== 'off',
      tickSeconds: int('GONGKAI_JOBS_TICK_SECONDS', 60, 1, 3600),
    },
    ...(clockStart !== undefined && !Number.isNaN(Date.parse(clockStart)) ? { clockStart } : {}),
  };
  if (problems.length) throw new ConfigError(problems);
  return deepFreeze(config);
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** `off`, or a comma list of addresses, CIDR ranges (`10.0.0.0/8`) and proxy-addr's range names. */
function proxyList(raw: string, problems: string[]): string[] {
  if (raw === 'off') return [];
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const p of list) {
    const [addr, bits, extra] = p.split('/');
    const max = isIP(addr ?? '') === 4 ? 32 : 128;
    const ok =
      PROXY_NAMES.includes(p) ||
      (isIP(addr ?? '') !== 0 &&
        extra === undefined &&
        (bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= max)));
    if (!ok)
      problems.push(
        `GONGKAI_TRUST_PROXY: "${p}" is not an address, a CIDR range or one of ${PROXY_NAMES.join(', ')} (or "off")`,
      );
  }
  if (!list.length) problems.push('GONGKAI_TRUST_PROXY: empty; use "off" to trust no proxy');
  return list;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
