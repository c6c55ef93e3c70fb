// The limit to compare with: the same claim and state changes done straight in SQL from one
// process (no Temporal, no HTTP, no sockets) on the same tables and constraints. Agents claim
// with FOR UPDATE SKIP LOCKED in the same order dispatch uses (priority, then arrival).
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Db } from '../../db/knex.js';
import type { BenchOrg } from './org.js';
import type { LoadOptions } from './run-load.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function event(
  trx: Knex.Transaction,
  ticketId: string,
  type: string,
  from: string | null,
  to: string,
  details: object = {},
): Promise<void> {
  const [{ seq, service_day }] = await trx('tickets')
    .where({ id: ticketId })
    .increment('last_event_seq', 1)
    .returning(['last_event_seq as seq', 'service_day']);
  await trx('ticket_events').insert({
    ticket_id: ticketId,
    service_day,
    seq,
    type,
    from_status: from,
    to_status: to,
    actor_type: 'system',
    details: JSON.stringify(details),
    at: new Date(),
  });
}

async function issue(db: Db, org: BenchOrg, serviceId: number): Promise<void> {
  await db.transaction(async (trx) => {
    const day = new Date().toISOString().slice(0, 10);
    const { rows } = await trx.raw(
      `insert into ticket_counters (service_id, day, last) values (?, ?, 1)
      on conflict (service_id, day) do update set last = ticket_counters.last + 1 returning last`,
      [serviceId, day],
    );
    const id = randomUUID();
    const now = new Date();
    await trx('tickets').insert({
      id,
      entity_id: org.entityId,
      branch_id: org.branchId,
      service_id: serviceId,
      kind: 'turn',
      status: 'waiting',
      service_day: day,
      seq: rows[0].last,
      numbered_service_id: serviceId,
      number: `Q-${rows[0].last}`,
      arrival_at: now,
      queued_at: now,
      workflow_id: `sql-${id}`,
      last_event_seq: 0,
    });
    await event(trx, id, 'created', null, 'waiting');
  });
}

/** Main services first; support only when no main service has anyone waiting (A6). */
async function claim(db: Db, agent: BenchOrg['agents'][number]): Promise<string | null> {
  return db.transaction(async (trx) => {
    for (const services of [[agent.main], [agent.support]]) {
      const row = await trx('tickets')
        .where({ status: 'waiting' })
        .whereIn('service_id', services)
        .orderBy([{ column: 'priority', order: 'desc' }, { column: 'arrival_at' }])
        .forUpdate()
        .skipLocked()
        .first('id');
      if (row) {
        await trx('tickets')
          .where({ id: row.id })
          .update({ status: 'calling', agent_id: agent.id, desk_id: agent.deskId, called_at: new Date() });
        await event(trx, row.id, 'called', 'waiting', 'calling', { agentId: agent.id, deskId: agent.deskId });
        return row.id as string;
      }
    }
    return null;
  });
}

async function step(db: Db, id: string, from: string, to: string, type: string): Promise<void> {
  await db.transaction(async (trx) => {
    await trx('tickets')
      .where({ id })
      .update({ status: to, ...(to === 'finished' ? { ended_at: new Date() } : { attending_at: new Date() }) });
    await event(trx, id, type, from, to);
  });
}

export async function runSqlBaseline(db: Db, org: BenchOrg, opts: LoadOptions): Promise<void> {
  const total = Math.round(opts.ratePerSecond * opts.durationSeconds);
  let issued = 0;
  let wake: (() => void) | null = null;
  const nudge = () => {
    wake?.();
    wake = null;
  };
  const agentLoop = async (a: BenchOrg['agents'][number]) => {
    for (;;) {
      const id = await claim(db, a);
      if (!id) {
        if (issued >= total) {
          const left = await db('tickets')
            .where({ branch_id: org.branchId })
            .whereIn('status', ['waiting', 'calling', 'attending'])
            .first('id');
          if (!left) return;
        }
        // Sleep until the next ticket is issued (what dispatch-on-create does), at most 50 ms.
        await Promise.race([
          new Promise<void>((r) => {
            const prev = wake;
            wake = () => {
              prev?.();
              r();
            };
          }),
          sleep(50),
        ]);
        continue;
      }
      await step(db, id, 'calling', 'attending', 'attending');
      const [lo, hi] = opts.serviceTimeMs;
      await sleep(lo + Math.random() * (hi - lo));
      await step(db, id, 'attending', 'finished', 'finished');
    }
  };
  const agents = org.agents.map(agentLoop);
  const started = Date.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / opts.ratePerSecond;
    if (due > Date.now()) await sleep(due - Date.now());
    await issue(db, org, org.serviceIds[i % org.serviceIds.length]!);
    issued++;
    nudge();
  }
  await Promise.all(agents);
}
