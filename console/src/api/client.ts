// The console's only way to the API: JSON in and out, the session cookie, and refusals that keep
// the server's code, params and field errors (worded by i18n/errors.ts, never shown as sent).
import { apiErrorOf, fetchApi } from './errors';

export { ApiError } from './errors';

async function send<T>(method: string, path: string, body?: unknown): Promise<{ data: T; headers: Headers }> {
  const res = await fetchApi(`/api${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw apiErrorOf(res.status, text);
  return { data: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

export const api = {
  get: async <T>(path: string): Promise<T> => (await send<T>('GET', path)).data,
  post: async <T>(path: string, body: unknown = {}): Promise<T> => (await send<T>('POST', path, body)).data,
  put: async <T>(path: string, body: unknown): Promise<T> => (await send<T>('PUT', path, body)).data,
  /** ra-data-simple-rest list: rows plus the total from Content-Range. */
  async list<T>(resource: string, opts: { filter?: Record<string, unknown>; sort?: [string, 'ASC' | 'DESC']; range?: [number, number] } = {}): Promise<{ rows: T[]; total: number; headers: Headers }> {
    const qs = new URLSearchParams();
    if (opts.filter) qs.set('filter', JSON.stringify(opts.filter));
    if (opts.sort) qs.set('sort', JSON.stringify(opts.sort));
    qs.set('range', JSON.stringify(opts.range ?? [0, 99]));
    const { data, headers } = await send<T[]>('GET', `/${resource}?${qs.toString()}`);
    const total = Number(headers.get('content-range')?.split('/')[1] ?? data.length);
    return { rows: data, total, headers };
  },
};
