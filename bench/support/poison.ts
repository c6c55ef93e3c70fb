// The poison fault (issue 12): under load, inputs no honest client sends — NUL characters, a lone
// surrogate, a 1 MB string, a call naming another branch's agent and desk — go through the real
// HTTP API against live tickets. Each must be refused (4xx) at once; one the system accepts can
// wedge a workflow (an activity retried for ever on data the database refuses), which the run's
// `wedged` count then shows.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/knex.js';
import { hashPassword } from '../../platform/passwords.js';
import { BENCH_PASSWORD, type BenchOrg } from './org.js';

/** A poison request answered later than this is hung: counted as wedged. */
export const POISON_GUARD_MS = 10_000;

export interface PoisonOutcome {
  kind: string;
  ticketId: string | null;
  /** The HTTP status, or what happened instead. */
  answer: number | 'hung' | `error: ${string}`;
  ms: number;
}

export const refused = (o: PoisonOutcome): boolean => typeof o.answer === 'number' && o.answer >= 400 && o.answer < 500;

interface Poison {
  kind: string;
  path: (ticketId: string) => string;
  body: unknown;
  onTicket: boolean;
}

function poisons(org: BenchOrg, other: { agentId: number; deskId: number }): Poison[] {
  const note = (text: string) => ({ text });
  const serviceId = org.serviceIds[0]!;
  return [
    { kind: 'note with NUL', path: (id) => `/api/tickets/${id}/notes`, body: note('a\u0000b'), onTicket: true },
    {
      kind: 'note with lone surrogate',
      path: (id) => `/api/tickets/${id}/notes`,
      body: note('\ud800'),
      onTicket: true,
    },
    {
      kind: 'note of 1 MB',
      path: (id) => `/api/tickets/${id}/notes`,
      body: note('x'.repeat(1_000_000)),
      onTicket: true,
    },
    {
      kind: 'call by another branch',
      path: (id) => `/api/tickets/${id}/call`,
      body: { agentId: other.agentId, deskId: other.deskId },
      onTicket: true,
    },
    {
      kind: 'customer name with NUL',
      path: (id) => `/api/tickets/${id}/customer`,
      body: { firstName: 'a\u0000b', lastName: 'Poison' },
      onTicket: true,
    },
    {
      kind: 'new ticket, customer name with NUL',
      path: () => '/api/tickets',
      body: { serviceId, customer: { firstName: 'a\u0000b', lastName: 'Poison' } },
      onTicket: false,
    },
  ];
}

/** An agent with a desk at a second branch of the bench entity: the target of a cross-branch call. */
export async function otherBranchAgent(db: Db, org: BenchOrg): Promise<{ agentId: number; deskId: number }> {
  const tag = randomUUID().slice(0, 6);
  return db.transaction(async (trx) => {
    const [{ id: branchId }] = await trx('branches')
      .insert({
        entity_id: org.entityId,
        name: `Other branch ${tag}`,
        code: `O${tag.slice(0, 3)}`,
        ordering_policy: 'priority',
      })
      .returning('id');
    const [{ id: deskId }] = await trx('desks').insert({ branch_id: branchId, name: 'O1' }).returning('id');
    const [{ id: agentId }] = await trx('users')
      .insert({
        entity_id: org.entityId,
        branch_id: branchId,
        email: `other-${tag}@bench.test`,
        password_hash: await hashPassword(BENCH_PASSWORD),
        role: 'agent',
        first_name: 'Other',
        last_name: 'Branch',
      })
      .returning('id');
    return { agentId: agentId as number, deskId: deskId as number };
  });
}

/** One try, no retry (nothing is down: a 5xx is an answer too), within the guard. */
async function send(apiUrl: string, token: string, p: Poison, ticketId: string | null): Promise<PoisonOutcome> {
  const t0 = Date.now();
  const done = (answer: PoisonOutcome['answer']): PoisonOutcome => ({
    kind: p.kind,
    ticketId,
    answer,
    ms: Date.now() - t0,
  });
  try {
    const res = await fetch(`${apiUrl}${p.path(ticketId ?? '')}`, {
      method: 'POST',
      body: JSON.stringify(p.body),
      signal: AbortSignal.timeout(POISON_GUARD_MS),
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'Idempotency-Key': `poison-${randomUUID()}`,
      },
    });
    await res.arrayBuffer(); // read the answer: it is not finished before
    return done(res.status);
  } catch (err) {
    return done((err as Error).name === 'TimeoutError' ? 'hung' : `error: ${(err as Error).message}`);
  }
}

async function liveTicket(db: Db, branchId: number): Promise<string | null> {
  const row = await db('tickets')
    .where({ branch_id: branchId })
    .whereIn('status', ['waiting', 'calling', 'attending'])
    .orderByRaw('random()')
    .first('id');
  return (row?.id as string | undefined) ?? null;
}

/**
 * `rounds` times, every poison against a random live ticket of the load, as the load's
 * supervisor (who may act on every ticket of the branch, so each poison reaches the workflow).
 */
export async function sendPoisons(
  apiUrl: string,
  db: Db,
  org: BenchOrg,
  token: string,
  rounds: number,
): Promise<PoisonOutcome[]> {
  const other = await otherBranchAgent(db, org);
  const out: PoisonOutcome[] = [];
  for (let r = 0; r < rounds; r++) {
    const sent = await Promise.all(
      poisons(org, other).map(async (p) => {
        const ticketId = p.onTicket ? await liveTicket(db, org.branchId) : null;
        return p.onTicket && !ticketId ? null : send(apiUrl, token, p, ticketId); // nothing live to poison right now
      }),
    );
    out.push(...sent.filter((o): o is PoisonOutcome => o !== null));
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return out;
}
