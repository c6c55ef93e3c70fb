// The console's only way to the API (the video call's room routes included): JSON in and out, the
// session cookie or a bearer, and refusals as ApiError (worded by i18n/errors.ts, never shown as sent).
import { noteServerDate } from '../common/serverClock';
import { apiErrorOf, ApiError } from './errors';

export { ApiError } from './errors';

export interface RequestOptions {
  /** The SFU join token, for the room-scoped video routes (no cookie reaches them). */
  bearer?: string;
  /** A file sent as it is instead of JSON. */
  raw?: Blob;
  headers?: Record<string, string>;
  /** Lets a request sent as the page goes away (video presence `left`) still reach the server. */
  keepalive?: boolean;
}

/** fetch, with an unreachable server as the `network` refusal instead of the browser's TypeError. */
async function call(method: string, path: string, body: unknown, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.bearer) headers['authorization'] = `Bearer ${opts.bearer}`;
  if (body !== undefined && !opts.raw) headers['content-type'] = 'application/json';
  let res: Response;
  const sentAt = Date.now();
  try {
    res = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers,
      keepalive: opts.keepalive,
      body: opts.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
  } catch (err) {
    throw new ApiError('network', { cause: err instanceof Error ? err.message : String(err) });
  }
  noteServerDate(res.headers.get('date'), sentAt, Date.now());
  if (!res.ok) throw apiErrorOf(res.status, await res.text());
  return res;
}

async function send<T>(
  method: string,
  path: string,
  body: unknown,
  opts: RequestOptions = {},
): Promise<{ data: T; headers: Headers }> {
  const res = await call(method, path, body, opts);
  const text = await res.text();
  return { data: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

/** A ra-data-simple-rest list request: filter, sort and range, as the back office sends them too. */
export interface ListParams {
  filter?: Record<string, unknown>;
  sort?: [string, 'ASC' | 'DESC'];
  range?: [number, number];
}
export interface ListResult<T> {
  rows: T[];
  total: number;
  headers: Headers;
}

export const api = {
  get: async <T>(path: string, opts?: RequestOptions): Promise<T> => (await send<T>('GET', path, undefined, opts)).data,
  post: async <T>(path: string, body: unknown = {}, opts?: RequestOptions): Promise<T> =>
    (await send<T>('POST', path, body, opts)).data,
  put: async <T>(path: string, body: unknown, opts?: RequestOptions): Promise<T> =>
    (await send<T>('PUT', path, body, opts)).data,
  delete: async <T>(path: string, opts?: RequestOptions): Promise<T> =>
    (await send<T>('DELETE', path, undefined, opts)).data,
  /** A file as the browser got it (the bearer cannot ride on a plain link). */
  blob: async (path: string, opts?: RequestOptions): Promise<Blob> =>
    (await call('GET', path, undefined, opts ?? {})).blob(),
  /** Rows plus the total from Content-Range. */
  async list<T>(resource: string, params: ListParams = {}): Promise<ListResult<T>> {
    const qs = new URLSearchParams();
    if (params.filter) qs.set('filter', JSON.stringify(params.filter));
    if (params.sort) qs.set('sort', JSON.stringify(params.sort));
    qs.set('range', JSON.stringify(params.range ?? [0, 99]));
    const { data, headers } = await send<T[]>('GET', `/${resource}?${qs.toString()}`, undefined);
    const total = Number(headers.get('content-range')?.split('/')[1] ?? data.length);
    return { rows: data, total, headers };
  },
};
