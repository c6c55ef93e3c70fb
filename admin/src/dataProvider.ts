// ra-data-simple-rest on /api with the session cookie, plus what the generic provider cannot
// express: ticket actions and timeline, services with inline topics, the monitor and reports.
// Answers are typed by the contracts the API answers with (domain/contracts).
import type { BranchSnapshot, ReleaseResult, TemporalUi } from '@domain/contracts/monitor';
import type { GroupBy, Report } from '@domain/contracts/resources';
import type { Ticket, TimelineEvent } from '@domain/contracts/tickets';
import type { ChatMessage } from '@domain/contracts/video';
import type { ErrorBody } from '@domain/errors';
import type { ReleaseAction, StuckItem } from '@domain/stuck';
import { fetchUtils, HttpError, type DataProvider, type Identifier } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { fieldErrorMessage } from './shared/errors';

export const API = '/api';

/** A refusal of the API (domain/errors.ts ErrorBody); only its code is certain. */
type ApiErrorBody = Partial<ErrorBody> & { code: string };
const isErrorBody = (b: unknown): b is ApiErrorBody =>
  typeof b === 'object' && b !== null && typeof (b as { code?: unknown }).code === 'string';

/**
 * JSON over fetch with the cookie. A refusal becomes an HttpError whose message is the
 * translation key errors.<code> (never the API's English), whose body is the API's body
 * (shared/errors.ts reads code and params from it), and whose body.errors holds the field
 * errors react-admin puts under each input. Those go through react-hook-form's setError, which
 * keeps only strings: the prefix is react-admin's own for a {message, args} error (ra-core useInput).
 */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers, credentials: 'include' });
  } catch (err) {
    if (err instanceof HttpError && isErrorBody(err.body)) {
      const body = err.body;
      const errors = body.fields
        ? Object.fromEntries(
            Object.entries(body.fields).map(([field, e]) => [
              field,
              `@@react-admin@@${JSON.stringify(fieldErrorMessage(e))}`,
            ]),
          )
        : undefined;
      throw new HttpError(`errors.${body.code}`, err.status, { ...body, ...(errors ? { errors } : {}) });
    }
    throw err;
  }
}

const base = simpleRestProvider(API, httpClient);

/** Only the fields the form changed: the API refuses unknown and changed read-only fields. */
function changed(data: Record<string, unknown>, previous: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) if (JSON.stringify(v) !== JSON.stringify(previous[k])) out[k] = v;
  return out;
}

/** H3: what a report covers; the same query string serves the JSON and the CSV. */
export interface ReportQuery {
  from: string;
  to: string;
  groupBy: GroupBy;
  branchId?: number;
  /** Issue 19: narrowing to a department, a service or an agent (the API's own filters). */
  departmentId?: number;
  serviceId?: number;
  agentId?: number;
}
export const reportSearch = (q: ReportQuery): string =>
  new URLSearchParams({
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    ...(q.branchId ? { branchId: String(q.branchId) } : {}),
    ...(q.departmentId ? { departmentId: String(q.departmentId) } : {}),
    ...(q.serviceId ? { serviceId: String(q.serviceId) } : {}),
    ...(q.agentId ? { agentId: String(q.agentId) } : {}),
  }).toString();

/** Issue 19: what the live monitor does to a ticket (the routes the desk uses, api/tickets). */
export type MonitorTicketAction = 'call' | 'transfer' | 'recall' | 'requeue' | 'cancel';

export interface VentanillaDataProvider extends DataProvider {
  ticketTimeline(id: Identifier): Promise<TimelineEvent[]>;
  /** Issue 16: the conversation of the ticket's video call (empty without one). */
  ticketChat(id: Identifier): Promise<ChatMessage[]>;
  ticketAction(
    id: Identifier,
    action: MonitorTicketAction | 'check-in',
    body?: Record<string, unknown>,
  ): Promise<Ticket>;
  /** H4: a branch's queues, agents, SLA and stuck work now. */
  branchSnapshot(branchId: number): Promise<BranchSnapshot>;
  releaseStuck(item: Pick<StuckItem, 'kind' | 'id'>, action: ReleaseAction): Promise<ReleaseResult>;
  /** G7: where the Temporal Web UI is (operators only). */
  temporalUi(): Promise<TemporalUi>;
  reportSummary(q: ReportQuery): Promise<Report>;
  /** POST to an API path that is not a resource (e.g. a webhook's test delivery). */
  post<T>(path: string, body: unknown): Promise<T>;
}

const getJson = async <T>(path: string): Promise<T> => (await httpClient(`${API}${path}`)).json as T;
const postJson = async <T>(path: string, body: unknown): Promise<T> =>
  (await httpClient(`${API}${path}`, { method: 'POST', body: JSON.stringify(body) })).json as T;
const ticketPath = (id: Identifier) => `/tickets/${encodeURIComponent(String(id))}`;

export const dataProvider: VentanillaDataProvider = {
  ...base,
  async create(resource, params) {
    if (resource === 'services') {
      const { topics, ...service } = params.data as { topics?: { name?: string }[] } & Record<string, unknown>;
      const created = await base.create('services', { data: service });
      for (const t of topics ?? []) {
        if (t?.name?.trim()) await base.create('topics', { data: { serviceId: created.data.id, name: t.name.trim() } });
      }
      return created;
    }
    return base.create(resource, params);
  },
  async update(resource, params) {
    const data = changed(
      params.data as Record<string, unknown>,
      (params.previousData ?? {}) as Record<string, unknown>,
    );
    if (resource === 'users' && data.password === '') delete data.password;
    return base.update(resource, { ...params, data });
  },
  ticketTimeline: (id) => getJson(`${ticketPath(id)}/timeline`),
  ticketChat: (id) => getJson(`${ticketPath(id)}/chat`),
  ticketAction: (id, action, body = {}) => postJson(`${ticketPath(id)}/${action}`, body),
  branchSnapshot: (branchId) => getJson(`/monitor/branches/${branchId}`),
  releaseStuck: (item, action) => postJson('/monitor/stuck/release', { kind: item.kind, id: item.id, action }),
  temporalUi: () => getJson('/monitor/temporal'),
  reportSummary: (q) => getJson(`/reports/summary?${reportSearch(q)}`),
  post: postJson,
};
