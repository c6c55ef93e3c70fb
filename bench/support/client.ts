// An HTTP + socket.io client of the real API, with a bearer session, retrying through faults.
import { io, type Socket } from 'socket.io-client';
import { BENCH_PASSWORD } from './org.js';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

export interface Client {
  apiUrl: string;
  token: string;
  socket: Socket;
  post(path: string, body?: unknown, key?: string): Promise<Answer>;
  get(path: string): Promise<Answer>;
  close(): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One attempt with no answer after this is abandoned and sent again (same Idempotency-Key). */
const ATTEMPT_TIMEOUT_MS = 30_000;

/**
 * Retries transport errors, attempts with no answer and 5xx/503 (a part is down in a fault run)
 * with the same request, so with the same Idempotency-Key; 4xx are answers.
 */
async function send(url: string, init: RequestInit, deadlineMs = 120_000): Promise<Response> {
  const end = Date.now() + deadlineMs;
  for (let delay = 100; ; delay = Math.min(delay * 2, 2000)) {
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS) });
      if (res.status < 500 || Date.now() > end) return res;
    } catch (err) {
      if (Date.now() > end) throw err;
    }
    await sleep(delay);
  }
}

/** A bearer token for a bench user. */
export async function login(apiUrl: string, email: string): Promise<string> {
  const res = await send(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: BENCH_PASSWORD, tokenInBody: true }),
  });
  const { token } = (await res.json()) as { token?: string };
  if (!token) throw new Error(`login failed for ${email}: ${res.status}`);
  return token;
}

async function answer(response: Promise<Response>): Promise<Answer> {
  const res = await response;
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export async function connect(apiUrl: string, email: string): Promise<Client> {
  const token = await login(apiUrl, email);
  const socket = io(apiUrl, {
    auth: { token },
    transports: ['websocket'],
    reconnectionDelay: 200,
    reconnectionDelayMax: 2000,
  });
  return {
    apiUrl,
    token,
    socket,
    post: (path, body = {}, key) =>
      answer(
        send(`${apiUrl}${path}`, {
          method: 'POST',
          body: JSON.stringify(body),
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            ...(key ? { 'Idempotency-Key': key } : {}),
          },
        }),
      ),
    get: (path) => answer(send(`${apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })),
    close: () => socket.close(),
  };
}
