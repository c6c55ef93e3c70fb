// Drives the real API like a busy branch: M agents online at their desks, served by dispatch,
// attending and finishing after a random service time; a kiosk issuing tickets at a fixed rate.
// With several API processes, agents and kiosks are spread over them round-robin.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/knex.js';
import { connect, type Answer, type Client } from './client.js';
import { FanoutTally, type FanoutReport } from './fanout.js';
import type { BenchOrg } from './org.js';

export interface LoadOptions {
  ratePerSecond: number;
  durationSeconds: number;
  serviceTimeMs: [number, number];
  drainTimeoutSeconds?: number;
  /** Called every ~2 s with a one-line status (progress for a person watching). */
  progress?: (line: string) => void;
  /** Called once, halfway through issuing (fault runs kill a part here). */
  midway?: () => Promise<void>;
  /** Called when the first ticket is issued (agents are online): the measured window opens. */
  onIssueStart?: () => void;
}

export interface LoadSample {
  issuedIds: string[];
  createMs: number[];
  socketMs: number[];
  issueErrors: number;
  startedAt: number;
  drainedAt: number;
  /** What the agents asked and were answered, per ticket: the story of a lost ticket. */
  trail: Map<string, string[]>;
  /** Which API's clients heard each ticket's events, by the API that issued it. */
  fanout: FanoutReport;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class SimAgent {
  private serving = new Set<string>();
  constructor(
    readonly client: Client,
    readonly id: number,
    private readonly api: number,
    private readonly fanout: FanoutTally,
    private readonly serviceTime: [number, number],
    private readonly socketMs: number[],
    private readonly trail: Map<string, string[]>,
    private readonly t0: number,
  ) {}

  private note(ticketId: string, line: string): void {
    const list = this.trail.get(ticketId) ?? [];
    list.push(`${((Date.now() - this.t0) / 1000).toFixed(1)}s agent ${this.id} ${line}`);
    this.trail.set(ticketId, list);
  }

  private async step(ticketId: string, action: 'attend' | 'finish', attempt: number): Promise<Answer> {
    const sent = Date.now();
    this.note(ticketId, `${action} #${attempt} …`); // a request that never answers shows as this line alone
    // One key per attempt: a retry of the same request (5xx, no answer) reuses it inside `post` and
    // Temporal answers it once; a refusal is a final answer for that key — Temporal would replay
    // it to the same key for ever — so the next attempt, decided from the ticket as it is now, gets its own.
    const res = await this.client.post(`/api/tickets/${ticketId}/${action}`, {}, `${action}-${ticketId}-${attempt}`);
    this.note(
      ticketId,
      `${action} #${attempt} → ${res.status}${res.status >= 300 ? ` ${String(res.body.code ?? '')}` : ''} (${Date.now() - sent} ms)`,
    );
    return res;
  }

  listen(): void {
    this.client.socket.on('ticket', (e: { type: string; agentId: number | null; ticketId: string; at?: string }) => {
      if (e.at) this.socketMs.push(Date.now() - Date.parse(e.at));
      this.fanout.heard(this.api, e.ticketId);
      if (e.type === 'called' && e.agentId === this.id) void this.serve(e.ticketId, 'event');
    });
  }

  /** Catches a call whose event was missed (socket reconnecting during a fault). */
  async poll(): Promise<void> {
    const res = await fetch(`${this.client.apiUrl}/api/shifts/current`, {
      headers: { authorization: `Bearer ${this.client.token}` },
      signal: AbortSignal.timeout(10_000),
    }).catch(() => null);
    if (res?.status !== 200) return;
    const shift = (await res.json()) as { currentTicketId: string | null };
    if (shift.currentTicketId) void this.serve(shift.currentTicketId, 'poll');
  }

  /**
   * Attends and finishes a ticket called to this agent. Each attempt is decided from the ticket as
   * the API shows it now, so a refused or lost step is tried again (a called ticket the agent
   * does not attend, or an attended one it does not finish, would stay open for ever).
   */
  private async serve(ticketId: string, why: 'event' | 'poll'): Promise<void> {
    if (this.serving.has(ticketId)) return;
    this.serving.add(ticketId);
    this.note(ticketId, `serves (${why})`);
    const deadline = Date.now() + 150_000;
    let served = false;
    try {
      for (let attempt = 1; Date.now() < deadline; attempt++) {
        const now = await this.client.get(`/api/tickets/${ticketId}`);
        const { status, agentId } = now.body as { status?: string; agentId?: number | null };
        const mine = agentId === this.id;
        if (mine && status === 'calling') {
          if ((await this.step(ticketId, 'attend', attempt)).status === 200) continue;
        } else if (mine && status === 'attending') {
          if (!served) await sleep(this.serviceTime[0] + Math.random() * (this.serviceTime[1] - this.serviceTime[0]));
          served = true;
          if ((await this.step(ticketId, 'finish', attempt)).status === 200) return;
        } else {
          // Ended, someone else's, or reserved for us but not called yet: the 'called' event or the poll brings it back.
          this.note(ticketId, `leaves it (${now.status} ${status ?? '?'}, agent ${String(agentId)})`);
          return;
        }
        await sleep(250); // a refusal: look again, briefly later
      }
      this.note(ticketId, 'gave up after 150 s');
    } catch (err) {
      this.note(ticketId, `gave up: ${(err as Error).message}`);
    } finally {
      this.serving.delete(ticketId);
    }
  }
}

export async function runLoad(
  apiUrls: string | string[],
  db: Db,
  org: BenchOrg,
  opts: LoadOptions,
): Promise<LoadSample> {
  const urls = typeof apiUrls === 'string' ? [apiUrls] : apiUrls;
  const socketMs: number[] = [];
  const trail = new Map<string, string[]>();
  const fanout = new FanoutTally(urls.length);
  const t0 = Date.now();
  // One kiosk (the supervisor's session) per API. It hears its branch's ticket events too, so
  // every API has a listening client even when there are fewer agents than APIs.
  const kiosks = await Promise.all(urls.map((url) => connect(url, org.supervisorEmail)));
  kiosks.forEach((k, api) =>
    k.socket.on('ticket', (e: { ticketId: string }) => {
      fanout.heard(api, e.ticketId);
    }),
  );
  const agents = await Promise.all(
    org.agents.map(async (a, i) => {
      const api = i % urls.length;
      const c = await connect(urls[api]!, a.email);
      const sim = new SimAgent(c, a.id, api, fanout, opts.serviceTimeMs, socketMs, trail, t0);
      sim.listen();
      const open = await c.post('/api/shifts', { deskId: a.deskId });
      if (open.status >= 300)
        throw new Error(`agent ${a.email} could not open a shift: ${open.status} ${JSON.stringify(open.body)}`);
      await c.post('/api/shifts/current/state', { state: 'online' });
      return sim;
    }),
  );

  const issuedIds: string[] = [];
  const createMs: number[] = [];
  let issueErrors = 0;
  opts.onIssueStart?.();
  const startedAt = Date.now();
  const total = Math.round(opts.ratePerSecond * opts.durationSeconds);
  const inflight: Promise<void>[] = [];
  const poller = setInterval(() => agents.forEach((a) => void a.poll()), 2000);
  const counts = async () => {
    const rows = (await db('tickets')
      .where({ branch_id: org.branchId })
      .groupBy('status')
      .select('status')
      .count({ n: '*' })) as { status: string; n: string | number }[];
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>;
  };
  const reporter = setInterval(() => {
    void counts().then(
      (c) =>
        opts.progress?.(
          `t=${((Date.now() - startedAt) / 1000).toFixed(0)}s issued ${issuedIds.length}/${total} · waiting ${c.waiting ?? 0} · calling ${c.calling ?? 0} · attending ${c.attending ?? 0} · finished ${c.finished ?? 0}`,
        ),
      () => undefined,
    );
  }, 2000);

  try {
    for (let i = 0; i < total; i++) {
      if (i === Math.floor(total / 2) && opts.midway) inflight.push(opts.midway());
      const due = startedAt + (i * 1000) / opts.ratePerSecond;
      if (due > Date.now()) await sleep(due - Date.now());
      const serviceId = org.serviceIds[i % org.serviceIds.length]!;
      const key = `bench-${randomUUID()}`;
      const api = i % kiosks.length;
      inflight.push(
        (async () => {
          const t0 = performance.now();
          const res = await kiosks[api]!.post('/api/tickets', { serviceId }, key).catch(() => null);
          if (res?.status === 201) {
            createMs.push(performance.now() - t0);
            issuedIds.push(res.body.id as string);
            fanout.issued(api, res.body.id as string);
          } else {
            issueErrors++;
            opts.progress?.(
              `issue refused: ${res ? `${res.status} ${String(res.body.code ?? '')} ${String(res.body.message ?? '')}` : 'no answer'}`,
            );
          }
        })(),
      );
    }
    await Promise.all(inflight);
    // Drain: wait until no issued ticket is still open.
    const end = Date.now() + (opts.drainTimeoutSeconds ?? 120) * 1000;
    for (;;) {
      const c = await counts().catch(() => null); // the database may be the part that is down
      if ((c && !(c.waiting || c.calling || c.attending)) || Date.now() > end) break;
      await sleep(250);
    }
  } finally {
    clearInterval(poller);
    clearInterval(reporter);
  }
  const drainedAt = Date.now();
  for (const a of agents) a.client.close();
  for (const k of kiosks) k.close();
  return { issuedIds, createMs, socketMs, issueErrors, startedAt, drainedAt, trail, fanout: fanout.report() };
}

/** Server-side latencies from the timeline: waiting → calling, and finish → next calling. */
export async function timelineLatencies(
  db: Db,
  branchId: number,
): Promise<{ waitToCall: number[]; finishToNext: number[]; lifecycles: number; spanSeconds: number }> {
  const ev = await db('ticket_events as e')
    .join('tickets as t', 't.id', 'e.ticket_id')
    .where('t.branch_id', branchId)
    .whereIn('e.type', ['created', 'called', 'finished', 'requeued', 'transferred'])
    .orderBy('e.at')
    .select('e.ticket_id', 'e.type', 'e.at', 'e.details', 't.agent_id');
  const waitingSince = new Map<string, number>();
  const lastFinish = new Map<number, number>();
  const waitToCall: number[] = [];
  const finishToNext: number[] = [];
  let first = Infinity;
  let last = 0;
  let lifecycles = 0;
  for (const e of ev) {
    const at = (e.at as Date).getTime();
    if (e.type === 'created' || e.type === 'requeued' || e.type === 'transferred') {
      waitingSince.set(e.ticket_id, at);
      first = Math.min(first, at);
    } else if (e.type === 'called') {
      const since = waitingSince.get(e.ticket_id);
      const agent = (e.details as { agentId: number }).agentId;
      if (since !== undefined) waitToCall.push(at - since);
      const fin = lastFinish.get(agent);
      // Only when this ticket was already waiting when the agent finished: then the gap is dispatch.
      if (fin !== undefined && since !== undefined && since <= fin) finishToNext.push(at - fin);
      lastFinish.delete(agent);
      waitingSince.delete(e.ticket_id);
    } else if (e.type === 'finished') {
      lastFinish.set(e.agent_id as number, at);
      lifecycles++;
      last = Math.max(last, at);
    }
  }
  return { waitToCall, finishToNext, lifecycles, spanSeconds: (last - first) / 1000 };
}
