/**
 * The staff request list's query string as a schema, shared by the console list (and its export) and the
 * API. Deliberately lenient: every filter is text, and `parseRequestListQuery` (request-list.rules.ts)
 * decides what can be used — an unknown state or a malformed date is ignored with a Chinese note on the
 * list rather than refusing the whole page.
 */
import { Form, OptText, type Static } from '../platform/http/schemas.js';

/** The list's query fields (queue, search, filters, order), each titled with its label on the list page. */
export const RequestListFields = {
  queue: OptText('队列'),
  q: OptText('检索'),
  state: OptText('状态'),
  channel: OptText('渠道'),
  handler: OptText('办理人'),
  department: OptText('主办科室'),
  outcome: OptText('办理结果'),
  receivedFrom: OptText('收到日期（起）'),
  receivedTo: OptText('收到日期（止）'),
  dueFrom: OptText('答复期限（起）'),
  dueTo: OptText('答复期限（止）'),
  provisional: OptText('仅暂定答复期限'),
  sort: OptText('排序'),
};

/** The list's query string. */
export const RequestListQuerySchema = Form(RequestListFields);

/** The query string as the schema lets it through (parseRequestListQuery reads it). */
export type RequestListParams = Static<typeof RequestListQuerySchema>;
