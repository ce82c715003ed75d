import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import { contains } from '../platform/db/contains.js';
import { dueSoonSql, overdueSql } from './due-window.sql.js';
import type { Db } from '../platform/db/schema.js';
import type { RequestEventsTable, RequestsTable } from './requests.tables.js';
import './requests.tables.js';
import './request-departments.tables.js';
import { OPEN_REQUEST_STATES, WAITING_STATES } from './request-states.rules.js';
import type { RequestQueue, RequestSort } from './request-list.rules.js';

/** A stored request. */
export type RequestRow = Selectable<RequestsTable>;
/** A stored event. */
export type RequestEventRow = Selectable<RequestEventsTable>;
/** A request with its agency's name and path. */
export type RequestWithOrg = RequestRow & { org_name: string; org_path: string; handler_name: string | null };

const withOrg = (db: Db) =>
  db
    .selectFrom('requests')
    .innerJoin('orgs', 'orgs.id', 'requests.org_id')
    .leftJoin('users', 'users.id', 'requests.handler_id')
    .selectAll('requests')
    .select(['orgs.name as org_name', 'orgs.path as org_path', 'users.display_name as handler_name']);

/** One request by id, with its agency. */
export const getRequest = (db: Db, id: number): Promise<RequestWithOrg | undefined> =>
  withOrg(db).where('requests.id', '=', id).executeTakeFirst();

/** One request by its 申请编号. */
export const findRequestByNo = (db: Db, no: string): Promise<RequestWithOrg | undefined> =>
  withOrg(db).where('requests.request_no', '=', no).executeTakeFirst();

/** Inserts a request; returns its id. */
export async function insertRequest(db: Db, row: Insertable<RequestsTable>): Promise<number> {
  const r = await db.insertInto('requests').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** The application sent from a form page (its `form_key`), if one was. */
export function requestByFormKey(db: Db, formKey: string) {
  return db
    .selectFrom('requests')
    .select(['id', 'request_no', 'org_id'])
    .where('form_key', '=', formKey)
    .executeTakeFirst();
}

/** Updates fields of a request. */
export async function updateRequest(db: Db, id: number, fields: Updateable<RequestsTable>): Promise<void> {
  await db.updateTable('requests').set(fields).where('id', '=', id).execute();
}

/** Appends an event to a request's ledger. */
export async function insertRequestEvent(db: Db, row: Insertable<RequestEventsTable>): Promise<number> {
  const r = await db.insertInto('request_events').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** The ledger of a request in recording order (public events only when asked). */
export function listRequestEvents(
  db: Db,
  requestId: number,
  opts: { publicOnly?: boolean } = {},
): Promise<RequestEventRow[]> {
  let q = db.selectFrom('request_events').selectAll().where('request_id', '=', requestId);
  if (opts.publicOnly) q = q.where('public', '=', 1);
  return q.orderBy('id').execute();
}

/** Queues of the console list. */
export type { RequestQueue };

/** Filters for `listRequests` (see `request-list.rules.ts`; the queues use the one definition in `due-window.rules.ts`). */
export interface RequestListFilter {
  orgPaths: string[];
  queue: RequestQueue;
  userId: number | null;
  today: string;
  /** Last day of “due within 3 working days”. */
  soonUntil: string;
  limit: number;
  offset: number;
  /** Words of the 申请编号 or the subject; the applicant's name only in `namePaths` and the reader's own cases. */
  text?: string;
  namePaths?: string[];
  state?: string;
  channel?: string;
  /** A user id, or 'none' for unassigned cases. */
  handlerId?: number | 'none';
  /** Lead department (主办科室). */
  departmentId?: number;
  outcome?: string;
  receivedFrom?: string;
  receivedTo?: string;
  dueFrom?: string;
  dueTo?: string;
  /** Only answer dates in these years (the provisional ones). */
  dueYears?: string[];
  sort?: RequestSort;
}

const received = sql<string>`coalesce(requests.received_on, substr(requests.submitted_at, 1, 10))`;
const due = sql<string>`coalesce(requests.due_on, '9999-12-31')`;

/** Requests in the actor's subtrees for a queue and filters, in the chosen order, with the total. */
export async function listRequests(db: Db, f: RequestListFilter): Promise<{ rows: RequestWithOrg[]; total: number }> {
  if (!f.orgPaths.length) return { rows: [], total: 0 };
  let q = withOrg(db).where((eb) => eb.or(f.orgPaths.map((p) => eb('orgs.path', 'like', `${p}%`))));
  const open = [...OPEN_REQUEST_STATES];
  switch (f.queue) {
    case 'mine':
      q = q.where('requests.handler_id', '=', f.userId ?? -1).where('requests.state', 'in', open);
      break;
    case 'unconfirmed':
      q = q.where('requests.state', '=', 'submitted');
      break;
    case 'due_soon':
      q = q.where('requests.state', 'in', open).where(dueSoonSql('requests.due_on', f.today, f.soonUntil));
      break;
    case 'overdue':
      q = q.where('requests.state', 'in', open).where(overdueSql('requests.due_on', f.today));
      break;
    case 'waiting':
      q = q.where('requests.state', 'in', [...WAITING_STATES]);
      break;
    default:
      break;
  }
  if (f.text) {
    const t = f.text;
    const names = f.namePaths ?? [];
    q = q.where((eb) =>
      eb.or([
        eb('requests.request_no', '=', t.toUpperCase()),
        contains('requests.request_no', t.toUpperCase()),
        contains('requests.info_title', t),
        contains('requests.info_ref', t),
        contains('requests.info_description', t),
        eb.and([
          contains('requests.applicant_name', t),
          eb.or([
            eb('requests.handler_id', '=', f.userId ?? -1),
            ...names.map((p) => eb('orgs.path', 'like', `${p}%`)),
          ]),
        ]),
      ]),
    );
  }
  if (f.state) q = q.where('requests.state', '=', f.state);
  if (f.channel) q = q.where('requests.channel', '=', f.channel);
  if (f.handlerId === 'none') q = q.where('requests.handler_id', 'is', null);
  else if (f.handlerId) q = q.where('requests.handler_id', '=', f.handlerId);
  if (f.departmentId) {
    const dep = f.departmentId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('request_departments as d')
          .select('d.id')
          .whereRef('d.request_id', '=', 'requests.id')
          .where('d.org_id', '=', dep)
          .where('d.role', '=', 'lead'),
      ),
    );
  }
  if (f.outcome) q = q.where('requests.outcome_code', '=', f.outcome);
  if (f.receivedFrom) q = q.where(received, '>=', f.receivedFrom);
  if (f.receivedTo) q = q.where(received, '<=', f.receivedTo);
  if (f.dueFrom) q = q.where('requests.due_on', '>=', f.dueFrom);
  if (f.dueTo) q = q.where('requests.due_on', '<=', f.dueTo);
  if (f.dueYears) {
    const years = f.dueYears;
    q = q
      .where('requests.state', 'in', open)
      .where((eb) =>
        years.length ? eb.or(years.map((y) => eb('requests.due_on', 'like', `${y}-%`))) : sql<boolean>`1 = 0`,
      );
  }
  const count = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const sort = f.sort ?? 'received_desc';
  const dir = sort.endsWith('_asc') ? 'asc' : 'desc';
  const key = sort.startsWith('due') ? due : sort.startsWith('no') ? sql<string>`requests.request_no` : received;
  const rows = await q.orderBy(key, dir).orderBy('requests.id', dir).limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(count.n) };
}

type Handler = { id: number; display_name: string; username: string };

/** Enabled holders of request_handler/request_admin with the path of the grant's org, one row per grant. */
function handlerGrants(db: Db, byName: boolean) {
  let q = db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .innerJoin('orgs', 'orgs.id', 'role_grants.org_id')
    .select(['users.id', 'users.display_name', 'users.username', 'orgs.path'])
    .where('role_grants.role', 'in', ['request_handler', 'request_admin'])
    .where('users.disabled', '=', 0);
  if (byName) q = q.orderBy('users.display_name');
  return q.orderBy('users.id').execute();
}

/** Each user once, among the grants that pass `keep`. */
function distinctHandlers(rows: Array<Handler & { path: string }>, keep: (path: string) => boolean): Handler[] {
  const seen = new Set<number>();
  return rows
    .filter((r) => keep(r.path) && !seen.has(r.id) && seen.add(r.id))
    .map((r) => ({ id: r.id, display_name: r.display_name, username: r.username }));
}

/** Staff who may handle requests of the org at `orgPath` (hold request_handler/request_admin on an ancestor-or-self). */
export async function listHandlers(db: Db, orgPath: string): Promise<Handler[]> {
  return distinctHandlers(await handlerGrants(db, false), (path) => orgPath.startsWith(path));
}

/** Staff who may handle requests somewhere within or above the given subtrees (list filters, bulk assignment). */
export async function handlersWithin(db: Db, paths: readonly string[]): Promise<Handler[]> {
  return distinctHandlers(await handlerGrants(db, true), (path) =>
    paths.some((p) => path.startsWith(p) || p.startsWith(path)),
  );
}

/** Other requests of the same applicant (identity number) for the same information title: a hint of 重复申请 (第三十六条第（六）项). */
export function findSimilarRequests(
  db: Db,
  r: { id: number; id_number: string; info_title: string | null },
): Promise<Array<{ id: number; request_no: string; state: string; outcome_code: string | null }>> {
  if (!r.info_title || !r.id_number) return Promise.resolve([]);
  return db
    .selectFrom('requests')
    .select(['id', 'request_no', 'state', 'outcome_code'])
    .where('id_number', '=', r.id_number)
    .where('info_title', '=', r.info_title)
    .where('id', '!=', r.id)
    .orderBy('id')
    .limit(10)
    .execute();
}

/**
 * 按件计收: the ordinal of a request among the same applicant's requests (matched by identity number)
 * received in the same natural month, in receipt order.
 */
export async function applicantOrdinalInMonth(
  db: Db,
  r: { id: number; id_number: string; received_on: string },
): Promise<number> {
  const month = r.received_on.slice(0, 7);
  const row = await db
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id_number', '=', r.id_number)
    .where('received_on', 'like', `${month}-%`)
    .where((eb) =>
      eb.or([
        eb('received_on', '<', r.received_on),
        eb.and([eb('received_on', '=', r.received_on), eb('id', '<=', r.id)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** An appeal event of a case. */
export const findAppealEvent = (db: Db, requestId: number, id: number) =>
  db
    .selectFrom('request_events')
    .select(['id', 'payload'])
    .where('id', '=', id)
    .where('request_id', '=', requestId)
    .where('type', '=', 'appeal')
    .executeTakeFirst();
