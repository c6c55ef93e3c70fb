// Dispatch latency and throughput (A5/A6) on a real stack: `npx tsx bench/dispatch.ts`.
// 1. waiting → calling: tickets created one by one while agents are free.
// 2. finish → next calling, and tickets dispatched per second: a backlog drained by agents who
//    attend and finish at once.
// 3. the same claim as a bare SQL transaction (no Temporal), for comparison.
// Writes bench/results/dispatch-<time>.json.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { shiftWorkflowId } from '../domain/agents.js';
import * as shiftMsg from '../domain/shift-messages.js';
import * as msg from '../domain/ticket-messages.js';
import { startShiftWorkflow, updateShiftWith } from '../workflows/shifts/client.js';
import { startTicket, updateTicket } from '../workflows/tickets/client.js';
import { claimNext, type ShiftRow } from '../activities/dispatch/claim.js';
import { createOrg, ticketInput, type Org } from '../tests/support/fixtures.js';
import { REPO_ROOT } from '../platform/config.js';
import { startBenchStack, type BenchStack } from './stack.js';

const AGENTS = Number(process.env.BENCH_AGENTS ?? 10);
const SINGLE = Number(process.env.BENCH_SINGLE ?? 60);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 300);
const SQL_CLAIMS = Number(process.env.BENCH_SQL_CLAIMS ?? 2000);

const progress = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};
const stats = (xs: number[]) => ({
  n: xs.length,
  p50: pct(xs, 50),
  p95: pct(xs, 95),
  p99: pct(xs, 99),
  max: Math.max(...xs),
});

async function openShifts(s: BenchStack, org: Org): Promise<string[]> {
  return Promise.all(
    org.agents.map(async (ag, i) => {
      const shiftId = randomUUID();
      const wf = shiftWorkflowId(ag.id, shiftId);
      await s.db('shifts').insert({
        id: shiftId,
        user_id: ag.id,
        branch_id: org.branchId,
        desk_id: org.deskIds[i],
        state: 'offline',
        state_since: new Date(),
        started_at: new Date(),
        workflow_id: wf,
      });
      await startShiftWorkflow(s.client, s.taskQueue, {
        shiftId,
        userId: ag.id,
        entityId: org.entityId,
        branchId: org.branchId,
        deskId: org.deskIds[i]!,
        initialState: 'offline',
      });
      return wf;
    }),
  );
}

/** Agents at their desks: one poller hands each called ticket to its agent, who attends and finishes at once. */
function runAgents(s: BenchStack, org: Org): { stop(): Promise<void> } {
  let stopped = false;
  const busy = new Set<number>();
  const running: Promise<void>[] = [];
  const serve = async (ag: Org['agents'][number], ticketId: string) => {
    // The row commits a moment before the workflow applies the call: retry that refusal.
    for (
      let i = 0;
      await updateTicket(s.client, ticketId, msg.attendTicket, { actor: ag.actor }).then(
        () => false,
        (e: unknown) => i++ < 100 && /it is waiting/.test(String(e)),
      );
    )
      await sleep(5);
    await updateTicket(s.client, ticketId, msg.finishTicket, { actor: ag.actor });
  };
  const loop = (async () => {
    while (!stopped) {
      for (const t of await s
        .db('tickets')
        .where({ branch_id: org.branchId, status: 'calling' })
        .select('id', 'agent_id')) {
        if (busy.has(t.agent_id)) continue;
        busy.add(t.agent_id);
        running.push(
          serve(
            org.agents.find((a) => a.id === t.agent_id)!,
            t.id,
          ).finally(() => busy.delete(t.agent_id)),
        );
      }
      await sleep(15);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      await Promise.all(running);
    },
  };
}

/** Sets a state, waiting out the moment a just-finished attention is still being reported to the shift. */
async function setState(s: BenchStack, wf: string, state: 'online' | 'resting'): Promise<void> {
  for (let i = 0; ; i++) {
    const refused = await updateShiftWith(s.client, wf, shiftMsg.setState, { state }).then(
      () => false,
      (e: unknown) => {
        if (i > 100) throw e;
        return true;
      },
    );
    if (!refused) return;
    await sleep(100);
  }
}

async function waitAll(s: BenchStack, branchId: number, n: number, status: string) {
  for (;;) {
    const [r] = await s.db('tickets').where({ branch_id: branchId, status }).count({ c: '*' });
    if (Number(r?.c) >= n) return;
    await sleep(100);
  }
}

async function workflowDispatch(s: BenchStack) {
  const org = await createOrg(s.db, { services: [{ label: 'A' }], agents: AGENTS });
  await s
    .db('service_assignments')
    .insert(org.agents.map((a) => ({ user_id: a.id, service_id: org.services[0]!.id, kind: 'main' })));
  const shifts = await openShifts(s, org);
  await Promise.all(shifts.map((wf) => setState(s, wf, 'online')));
  const agents = runAgents(s, org);
  progress(`phase 1: ${SINGLE} tickets one by one, ${AGENTS} free agents`);
  for (let i = 0; i < SINGLE; i++) {
    await startTicket(s.client, s.taskQueue, ticketInput(org));
    await sleep(50);
    if ((i + 1) % 20 === 0) progress(`  ${i + 1}/${SINGLE} created`);
  }
  await waitAll(s, org.branchId, SINGLE, 'finished');
  const single = await s.db('tickets').where({ branch_id: org.branchId }).select('queued_at', 'called_at');
  const waitingToCalling = single.map((t) => t.called_at.getTime() - t.queued_at.getTime());

  progress(`phase 2: backlog of ${BACKLOG} tickets, agents go Online and drain it`);
  await Promise.all(shifts.map((wf) => setState(s, wf, 'resting')));
  const created = new Date();
  for (let i = 0; i < BACKLOG; i += 25)
    await Promise.all(
      Array.from({ length: Math.min(25, BACKLOG - i) }, () => startTicket(s.client, s.taskQueue, ticketInput(org))),
    );
  const t0 = Date.now();
  await Promise.all(shifts.map((wf) => setState(s, wf, 'online')));
  const ticker = setInterval(
    () =>
      void s
        .db('tickets')
        .where({ branch_id: org.branchId, status: 'finished' })
        .count({ c: '*' })
        .then(([r]) => progress(`  ${Number(r!.c) - SINGLE}/${BACKLOG} served`)),
    2000,
  );
  await waitAll(s, org.branchId, SINGLE + BACKLOG, 'finished');
  clearInterval(ticker);
  const drainMs = Date.now() - t0;
  await agents.stop();
  const backlog = await s
    .db('tickets')
    .where({ branch_id: org.branchId })
    .where('created_at', '>=', created)
    .orderBy(['agent_id', 'called_at'])
    .select('agent_id', 'called_at', 'ended_at');
  const finishToNext: number[] = [];
  for (let i = 1; i < backlog.length; i++) {
    if (backlog[i]!.agent_id === backlog[i - 1]!.agent_id)
      finishToNext.push(backlog[i]!.called_at.getTime() - backlog[i - 1]!.ended_at.getTime());
  }
  return {
    waitingToCalling: stats(waitingToCalling),
    finishToNext: stats(finishToNext),
    dispatchedPerSecond: Math.round((BACKLOG / drainMs) * 10000) / 10,
    drainMs,
  };
}

/** The claim alone: lock the shift, pick by policy with SKIP LOCKED, reserve, mark called, free. */
async function bareSqlClaims(s: BenchStack) {
  const org = await createOrg(s.db, { services: [{ label: 'S' }], agents: AGENTS });
  await s
    .db('service_assignments')
    .insert(org.agents.map((a) => ({ user_id: a.id, service_id: org.services[0]!.id, kind: 'main' })));
  const shiftIds = await Promise.all(
    org.agents.map(async (ag, i) => {
      const id = randomUUID();
      await s.db('shifts').insert({
        id,
        user_id: ag.id,
        branch_id: org.branchId,
        desk_id: org.deskIds[i],
        state: 'online',
        state_since: new Date(),
        started_at: new Date(),
        workflow_id: `bench-${id}`,
      });
      return id;
    }),
  );
  const now = Date.now();
  await s.db.batchInsert(
    'tickets',
    Array.from({ length: SQL_CLAIMS }, (_, i) => {
      const id = randomUUID();
      return {
        id,
        entity_id: org.entityId,
        branch_id: org.branchId,
        service_id: org.services[0]!.id,
        numbered_service_id: org.services[0]!.id,
        kind: 'turn',
        status: 'waiting',
        service_day: '2026-11-24',
        seq: i + 1,
        number: `S-${i + 1}`,
        priority: i % 7 === 0 ? 2 : 0,
        arrival_at: new Date(now - (SQL_CLAIMS - i) * 1000),
        workflow_id: `ticket-${id}`,
      };
    }),
    500,
  );
  progress(`phase 3: ${SQL_CLAIMS} bare SQL claims by ${AGENTS} concurrent claimers`);
  const lat: number[] = [];
  const claimed = new Set<string>();
  const t0 = Date.now();
  await Promise.all(
    shiftIds.map(async (shiftId) => {
      for (;;) {
        const t = Date.now();
        const got = await s.db.transaction(async (trx) => {
          const shift = (await trx('shifts').where({ id: shiftId }).forUpdate().first()) as ShiftRow;
          const c = await claimNext(trx, shift, []);
          if (!c) return null;
          await trx('tickets').where({ id: c.ticketId }).update({ status: 'finished', agent_id: null }); // stands in for call + finish
          await trx('shifts').where({ id: shiftId }).update({ current_ticket_id: null });
          return c.ticketId;
        });
        if (!got) return;
        if (claimed.has(got)) throw new Error(`double claim of ${got}`);
        claimed.add(got);
        lat.push(Date.now() - t);
      }
    }),
  );
  return {
    claim: stats(lat),
    claimsPerSecond: Math.round((claimed.size / (Date.now() - t0)) * 10000) / 10,
    doubleClaims: 0,
  };
}

async function main() {
  const s = await startBenchStack(progress);
  try {
    const wf = await workflowDispatch(s);
    const sql = await bareSqlClaims(s);
    const row = (name: string, x: { n: number; p50: number; p95: number; p99: number }, rate: string) =>
      `${name.padEnd(34)} ${String(x.n).padStart(5)} ${String(x.p50).padStart(7)} ${String(x.p95).padStart(7)} ${String(x.p99).padStart(7)}   ${rate}`;
    console.log(
      `\n${'measure (ms)'.padEnd(34)} ${'n'.padStart(5)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)}   throughput`,
    );
    console.log(row('waiting → calling (workflows)', wf.waitingToCalling, ''));
    console.log(
      row('finish → next calling (workflows)', wf.finishToNext, `${wf.dispatchedPerSecond} tickets/s dispatched`),
    );
    console.log(row('bare SQL claim transaction', sql.claim, `${sql.claimsPerSecond} claims/s`));
    const out = path.join(
      REPO_ROOT,
      'bench/results',
      `dispatch-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    );
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(
      out,
      JSON.stringify(
        {
          at: new Date().toISOString(),
          agents: AGENTS,
          single: SINGLE,
          backlog: BACKLOG,
          sqlClaims: SQL_CLAIMS,
          workflows: wf,
          bareSql: sql,
        },
        null,
        2,
      ),
    );
    progress(`wrote ${path.relative(REPO_ROOT, out)}`);
  } finally {
    await s.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
