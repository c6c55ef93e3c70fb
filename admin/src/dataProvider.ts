// ra-data-simple-rest on /api with the session cookie, plus what the generic provider cannot
// express: ticket actions and timeline, services with inline topics, the monitor and reports.
import { fetchUtils, HttpError, type DataProvider, type Identifier, type RaRecord } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';

export const API = '/api';

/** JSON over fetch with the cookie; API field errors ({fields}) become react-admin's {errors}. */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers, credentials: 'include' });
  } catch (err) {
    if (err instanceof HttpError && err.body && typeof err.body === 'object') {
      const body = err.body as { message?: string; fields?: Record<string, string> };
      throw new HttpError(body.message ?? err.message, err.status, { ...body, errors: body.fields });
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
};
