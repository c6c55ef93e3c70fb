// Timed HTTP against the real API with a bearer session. Unlike bench/support/client.ts this
// never retries and waits long: a report over a year may take most of a minute before rollups,
// and a retry would hide exactly what is being measured.
import { login } from './client.js';

export interface Timed {
  ms: number;
  status: number;
  bytes: number;
  headers: Headers;
  text: string;
}

const TIMEOUT_MS = 300_000;

export interface Http {
  get(path: string): Promise<Timed>;
  post(path: string, body?: unknown): Promise<Timed>;
}

export async function session(apiUrl: string, email: string): Promise<Http> {
  const token = await login(apiUrl, email);
  const send = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<Timed> => {
    const start = performance.now();
    const res = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    // The whole body is part of the answer's time (a CSV is only useful once it has arrived).
    const text = await res.text();
    const ms = performance.now() - start;
    if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
    return { ms, status: res.status, bytes: Buffer.byteLength(text), headers: res.headers, text };
  };
  return { get: (path) => send('GET', path), post: (path, body = {}) => send('POST', path, body) };
}

/** `?a=1&b=…` from an object, JSON-encoding non-strings (react-admin's sort/range/filter). */
export const query = (params: Record<string, unknown>): string =>
  `?${new URLSearchParams(
    Object.entries(params)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  ).toString()}`;
