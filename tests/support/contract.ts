// Drives the real API operation by operation (api/docs/operations.ts) and holds each answer to
// what the list promises: the success status, the response schema from domain/contracts (strict
// objects: an extra, missing or renamed field fails), or the content type of a non-JSON answer.
// Every operation called is recorded, so the contract test can fail on one the scenario missed.
import { z } from 'zod';
import { successStatus } from '../../api/docs/openapi.js';
import { OPERATIONS, type Operation } from '../../api/docs/operations.js';

/** Who calls: a session cookie, a room's join token, or nobody. */
export interface Caller {
  cookie?: string;
  bearer?: string;
}
export const ANONYMOUS: Caller = {};

export interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}
export type Params = Record<string, string | number>;
/** Path parameters by name, the query (non-strings sent as JSON, as react-admin does), a body (bytes: raw). */
export interface Request {
  params?: Params;
  query?: Record<string, unknown>;
  body?: unknown;
  headers?: Record<string, string>;
}

const key = (op: Pick<Operation, 'method' | 'path'>): string => `${op.method.toUpperCase()} ${op.path}`;
const fill = (path: string, params: Params): string =>
  path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`no value for :${name} in ${path}`);
    return encodeURIComponent(String(v));
  });

/** `*\/*`, `text/*` or a full type, against the answer's Content-Type. */
const matches = (range: string, contentType: string): boolean => {
  const [type, sub] = range.split('/');
  const [gotType, gotSub] = contentType.split(';')[0]!.trim().split('/');
  return (type === '*' || type === gotType) && (sub === '*' || sub === gotSub);
};

export function contractDriver(baseUrl: string) {
  const called = new Set<string>();

  function check(op: Operation, res: Answer, text: string): void {
    const what = `${key(op)} answered ${res.status} ${text.slice(0, 500)}`;
    if (op.refused) {
      if (res.status < 400 || (res.body as { code?: unknown }).code !== op.refused)
        throw new Error(`${what}: expected the refusal ${op.refused}`);
      return;
    }
    if (res.status !== successStatus(op)) throw new Error(`${what}: expected ${successStatus(op)}`);
    const type = res.headers.get('content-type') ?? '';
    if (op.produces) {
      if (!matches(op.produces, type) || type.includes('json'))
        throw new Error(`${what}: expected ${op.produces}, got ${type}`);
    } else if (op.response) {
      const parsed = op.response.safeParse(res.body);
      if (!parsed.success) throw new Error(`${what}\ndoes not match its contract:\n${z.prettifyError(parsed.error)}`);
    } else if (text !== '') {
      throw new Error(`${what}: expected no content`);
    }
  }

  return {
    /** Calls one listed operation and checks its answer; a path not in the list is a test error. */
    async call(who: Caller, method: Operation['method'], path: string, req: Request = {}): Promise<Answer> {
      const { params = {}, query = {}, body, headers = {} } = req;
      const op = OPERATIONS.find((o) => o.method === method && o.path === path);
      if (!op) throw new Error(`${method.toUpperCase()} ${path} is not in api/docs/operations.ts`);
      const raw = body instanceof Uint8Array;
      const search = new URLSearchParams(
        Object.entries(query).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
      );
      const url = `${baseUrl}/api${fill(path, params)}${search.size ? `?${search}` : ''}`;
      const res = await fetch(url, {
        method: method.toUpperCase(),
        headers: {
          origin: baseUrl,
          ...(body !== undefined && !raw ? { 'content-type': 'application/json' } : {}),
          ...(who.cookie ? { cookie: who.cookie } : {}),
          ...(who.bearer ? { authorization: `Bearer ${who.bearer}` } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : raw ? new Blob([new Uint8Array(body)]) : JSON.stringify(body),
      });
      const text = await res.text();
      const json =
        (res.headers.get('content-type') ?? '').includes('json') && text ? (JSON.parse(text) as unknown) : text;
      const answer = { status: res.status, body: json, headers: res.headers };
      check(op, answer, text);
      called.add(key(op));
      return answer;
    },
    /** The listed operations no call has exercised yet. */
    missing: (): string[] => OPERATIONS.map(key).filter((k) => !called.has(k)),
  };
}
export type ContractDriver = ReturnType<typeof contractDriver>;

/** A value inside an answer by its path ('id', '0.id', 'shift.id'), as the scenario needs it next. */
function at(body: unknown, path: string): unknown {
  let v = body;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') throw new Error(`no ${path} in ${JSON.stringify(body).slice(0, 300)}`);
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}
export const str = (res: Answer, path: string): string => {
  const v = at(res.body, path);
  if (typeof v !== 'string') throw new Error(`${path} is not a string: ${JSON.stringify(v)}`);
  return v;
};
export const num = (res: Answer, path: string): number => {
  const v = at(res.body, path);
  if (typeof v !== 'number') throw new Error(`${path} is not a number: ${JSON.stringify(v)}`);
  return v;
};
