// The console's only way to the API: JSON in and out, the session cookie, and errors that keep
// the server's message (shown to the agent as is) and its field errors (shown under inputs).
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly fields: Record<string, string> = {}, readonly details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody { message?: string; fields?: Record<string, string>; details?: Record<string, unknown> }

async function send<T>(method: string, path: string, body?: unknown): Promise<{ data: T; headers: Headers }> {
  const res = await fetch(`/api${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const parsed: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const e = (parsed ?? {}) as ErrorBody;
    throw new ApiError(res.status, e.message ?? res.statusText, e.fields, e.details);
  }
  return { data: parsed as T, headers: res.headers };
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
