// ra-data-simple-rest on /api with the session cookie, plus what the generic provider cannot
// express: ticket actions and timeline, services with inline topics, the monitor and reports.
import { fetchUtils, HttpError, type DataProvider, type Identifier, type RaRecord } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';

export const API = '/api';

interface ApiFieldError { code: string; params?: Record<string, unknown> }
/** The API's refusal body (domain/errors.ts ErrorBody). */
interface ApiErrorBody { error: string; code: string; params?: Record<string, unknown>; message?: string; fields?: Record<string, ApiFieldError> }

const isErrorBody = (b: unknown): b is ApiErrorBody => typeof b === 'object' && b !== null && typeof (b as { code?: unknown }).code === 'string';

/**
 * A field error as react-admin's form shows it. Server-side errors go through react-hook-form's
 * setError, which only keeps strings; the prefix is react-admin's own for a {message, args}
 * error (ra-core useInput / ValidationError), so the field reads errors.<code> with its params.
 */
const fieldMessage = ({ code, params }: ApiFieldError): string =>
  params && Object.keys(params).length ? `@@react-admin@@${JSON.stringify({ message: `errors.${code}`, args: params })}` : `errors.${code}`;

/**
 * JSON over fetch with the cookie. A refusal becomes an HttpError whose message is the
 * translation key errors.<code> (never the API's English), whose body is the API's body
 * (shared/errors.ts reads code and params from it), and whose body.errors holds the field
 * errors react-admin puts under each input.
 */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers, credentials: 'include' });
  } catch (err) {
    if (err instanceof HttpError && isErrorBody(err.body)) {
      const body = err.body;
      const errors = body.fields ? Object.fromEntries(Object.entries(body.fields).map(([field, e]) => [field, fieldMessage(e)])) : undefined;
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

export interface TimelineEvent {
  seq: number;
  type: string;
  from: string | null;
  to: string | null;
  at: string;
  actor: { type: string; id: number | null; name: string | null };
  details: Record<string, unknown>;
}

export interface VentanillaDataProvider extends DataProvider {
  ticketTimeline(id: Identifier): Promise<TimelineEvent[]>;
  ticketAction(id: Identifier, action: 'requeue' | 'cancel', body?: Record<string, unknown>): Promise<RaRecord>;
  get<T>(path: string): Promise<T>;
  /** POST to an API path that is not a resource (e.g. /monitor/stuck/release). */
  post<T>(path: string, body: unknown): Promise<T>;
}

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
    if (resource === 'tickets') {
      // The generate form carries UI-only fields; the API takes exactly CreateTicketBody.
      const { customerMode, customer, customerId, scheduledAt, priorityId, ...rest } = params.data as Record<string, unknown>;
      const body: Record<string, unknown> = { serviceId: rest.serviceId, kind: rest.kind ?? 'turn' };
      if (priorityId) body.priorityId = priorityId;
      if (body.kind === 'appointment' && scheduledAt) body.scheduledAt = new Date(String(scheduledAt)).toISOString();
      if (customerMode === 'existing' && customerId) body.customerId = customerId;
      if (customerMode === 'new' && customer) body.customer = Object.fromEntries(Object.entries(customer as object).filter(([, v]) => v !== '' && v !== null && v !== undefined));
      const { json } = await httpClient(`${API}/tickets`, { method: 'POST', body: JSON.stringify(body) });
      return { data: json };
    }
    return base.create(resource, params);
  },
  async update(resource, params) {
    const data = changed(params.data as Record<string, unknown>, (params.previousData ?? {}) as Record<string, unknown>);
    if (resource === 'users' && data.password === '') delete data.password;
    return base.update(resource, { ...params, data });
  },
  async ticketTimeline(id) {
    const { json } = await httpClient(`${API}/tickets/${encodeURIComponent(String(id))}/timeline`);
    return json as TimelineEvent[];
  },
  async ticketAction(id, action, body = {}) {
    const { json } = await httpClient(`${API}/tickets/${encodeURIComponent(String(id))}/${action}`, { method: 'POST', body: JSON.stringify(body) });
    return json as RaRecord;
  },
  async get<T>(path: string) {
    const { json } = await httpClient(`${API}${path}`);
    return json as T;
  },
  async post<T>(path: string, body: unknown) {
    const { json } = await httpClient(`${API}${path}`, { method: 'POST', body: JSON.stringify(body) });
    return json as T;
  },
};
