// Issue 19: how long after its condition starts (or ends) an alert reaches a supervisor's socket.
// A whole local system (PostgreSQL, Temporal, the worker with its evaluator, the API), the demo
// data; per run a customer waits in a service whose SLA target is a few seconds: the condition
// starts at arrival + target and ends when the ticket is cancelled. The delay is bounded by the
// worker's ALERT_EVAL_SECONDS (--every) plus a pass and the socket hop; printed, never asserted.
//   ./ventanilla bench-alerts [--runs N] [--every S] [--target S]
import { parseArgs } from 'node:util';
import { io } from 'socket.io-client';
import type { AlertEvent } from '../domain/contracts/realtime.js';
import { DEMO_PASSWORD, seedDemo } from '../db/seed/demo.js';
import { fmt, summary } from './support/stats.js';
import { startSystem } from './support/system.js';

const { values: v } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    every: { type: 'string', default: '10' },
    target: { type: 'string', default: '3' },
  },
});
const runs = Number(v.runs);
const every = Number(v.every);
const target = Number(v.target);
for (const [name, n] of [
  ['--runs', runs],
  ['--every', every],
  ['--target', target],
] as const)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} takes a whole number of at least 1`);

// The worker process reads it at start (platform/config.ts).
process.env.ALERT_EVAL_SECONDS = String(every);
console.log(`Starting a fresh local system with the demo data; the worker evaluates alerts every ${every} s…`);
const sys = await startSystem();
try {
  await seedDemo(sys.db);
  const centro = (await sys.db('branches').where({ code: 'CEN' }).first('id')).id as number;
  const serviceC = (await sys.db('services').where({ branch_id: centro, label: 'C' }).first('id')).id as number;
  const login = async (email: string): Promise<string> => {
    const res = await fetch(`${sys.apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD, tokenInBody: true }),
    });
    const { token } = (await res.json()) as { token?: string };
    if (!token) throw new Error(`login failed for ${email}: ${res.status}`);
    return token;
  };
  const [supToken, adminToken] = [await login('supervisor@andino.demo'), await login('admin@andino.demo')];
  const call = async (token: string, path: string, body: object): Promise<Record<string, unknown>> => {
    const res = await fetch(`${sys.apiUrl}/api${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    const answer = (await res.json()) as Record<string, unknown>;
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(answer)}`);
    return answer;
  };
  // Only this service's SLA alerts: the rest of the demo stays quiet.
  const quiet = {
    slaBreach: false,
    queueLengthMax: null,
    unservedAfterSeconds: null,
    breakOverCap: false,
    stuckWork: false,
  };
  await call(adminToken, '/alert_rules', quiet);
  await call(supToken, '/alert_rules', { serviceId: serviceC, ...quiet, slaBreach: true });
  await sys.db('services').where({ id: serviceC }).update({ sla_target_seconds: target });

  const socket = io(sys.apiUrl, { auth: { token: supToken }, transports: ['websocket'] });
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  const next = (state: AlertEvent['state']) =>
    new Promise<number>((resolve) => {
      const on = (e: AlertEvent) => {
        if (e.alertKind !== 'sla_breach' || e.state !== state) return;
        socket.off('alert', on);
        resolve(Date.now());
      };
      socket.on('alert', on);
    });

  const raise: number[] = [];
  const clear: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const raised = next('raised');
    const t = await call(supToken, '/tickets', { serviceId: serviceC });
    const { arrival_at: arrival } = (await sys.db('tickets').where({ id: t.id }).first('arrival_at')) as {
      arrival_at: Date;
    };
    const raiseMs = (await raised) - (arrival.getTime() + target * 1000);
    const cleared = next('cleared');
    const ended = Date.now();
    await call(supToken, `/tickets/${String(t.id)}/cancel`, { reason: 'bench' });
    const clearMs = (await cleared) - ended;
    raise.push(raiseMs);
    clear.push(clearMs);
    console.log(
      `run ${i}/${runs}: raised ${fmt(raiseMs)} after the target passed, cleared ${fmt(clearMs)} after the cancel`,
    );
  }
  socket.close();
  for (const [name, values] of [
    ['raised', raise],
    ['cleared', clear],
  ] as const) {
    const s = summary(values);
    console.log(
      `${name.padEnd(8)} n=${s.n} p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  max ${fmt(s.max)}  (bound: ${every} s + a pass)`,
    );
  }
} finally {
  await sys.stop();
}
