// G1: kill -9 the worker process mid-lifecycle (during an attention and during a timer), start
// a new one, and nothing is lost or duplicated.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as msg from '../../domain/ticket-messages.js';
import { startTicket, updateTicket } from './client.js';
import { REPO_ROOT } from '../../platform/config.js';
import { createTestStack, type TestStack } from '../../tests/support/stack.js';
import { createOrg, ticketInput, type Org } from '../../tests/support/fixtures.js';

let s: TestStack;
let org: Org;
const children: ChildProcess[] = [];

/** The real worker process (runtime/worker.ts), as production runs it. */
function workerProcess(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'runtime/worker.ts')], {
    env: {
      ...process.env,
      DATABASE_URL: s.dbUrl,
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      TEMPORAL_NAMESPACE: s.namespace,
      TASK_QUEUE: s.taskQueue,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}
const killed = (c: ChildProcess) =>
  new Promise<void>((resolve) => {
    c.once('exit', () => resolve());
    c.kill('SIGKILL');
  });

beforeAll(async () => {
  s = await createTestStack(); // no in-process worker: the workers here are processes
  org = await createOrg(s.db, { services: [{ label: 'K', callTimeoutSeconds: 2, maxAutoRequeues: 0 }] });
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) await killed(c);
  await s?.close();
});

describe('G1 worker crash', () => {
  it('a new worker picks up the ticket where the killed one left it', async () => {
    const first = workerProcess();
    const a = org.agents[0]!;
    const t1 = ticketInput(org);
    const t2 = ticketInput(org);
    await startTicket(s.client, s.taskQueue, t1);
    await startTicket(s.client, s.taskQueue, t2);
    await updateTicket(s.client, t1.ticketId, msg.callTicket, {
      actor: a.actor,
      agentId: a.id,
      deskId: org.deskIds[0]!,
    });
    await updateTicket(s.client, t1.ticketId, msg.attendTicket, { actor: a.actor });
    const b = org.agents[1]!;
    await updateTicket(s.client, t2.ticketId, msg.callTicket, {
      actor: b.actor,
      agentId: b.id,
      deskId: org.deskIds[1]!,
    });

    await killed(first); // mid-attention for t1, and t2's call time-out (2 s) is pending
    // The finish is accepted by Temporal and waits for a worker; t2's timer fires meanwhile.
    const finishing = updateTicket(s.client, t1.ticketId, msg.finishTicket, { actor: a.actor });
    await new Promise((r) => setTimeout(r, 2500));
    workerProcess();
    expect((await finishing).status).toBe('finished');

    for (;;) {
      const r = await s.db('tickets').where({ id: t2.ticketId }).first('status');
      if (r.status === 'no_show') break;
      await new Promise((res) => setTimeout(res, 200));
    }
    const timeline = async (id: string) => s.db('ticket_events').where({ ticket_id: id }).orderBy('seq').pluck('type');
    expect(await timeline(t1.ticketId)).toEqual(['created', 'called', 'attending', 'finished']);
    expect(await timeline(t2.ticketId)).toEqual(['created', 'called', 'no_show']);
  });
});
