// Issue 15: issuing a ticket never waits for a worker. The API starts the workflow and stores the
// ticket itself; the workflow's first step then finds it. Before, the answer waited for the
// worker's first workflow task, so a saturated worker made a kiosk wait seconds (p99 2.9 s at
// twice capacity) and a stopped one made it hang.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as msg from '../../domain/ticket-messages.js';
import { DomainError } from '../../domain/errors.js';
import { createDb } from '../../db/knex.js';
import { startTicket, updateTicket } from './client.js';
import { createTestStack, type TestStack } from '../../tests/support/stack.js';
import { createOrg, ticketInput, type Org } from '../../tests/support/fixtures.js';
import { until } from '../../tests/support/until.js';

let s: TestStack;
let org: Org;
beforeAll(async () => {
  s = await createTestStack(); // the worker is started by the tests, when they want it
  org = await createOrg(s.db, { agents: 1 });
});
afterAll(() => s?.close());
let working = false;
const ensureWorker = async () => {
  if (!working) await s.startWorker();
  working = true;
};

/** Fails instead of hanging: the old path waited for a worker that is not running. */
const within = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)),
  ]);
const status = async (id: string) => (await s.client.workflow.getHandle(`ticket-${id}`).describe()).status.name;

describe('issue 15: intake off the worker', () => {
  it('answers with the stored, numbered ticket while no worker runs; the workflow then finds it and serves it', async () => {
    const input = ticketInput(org);
    const view = await within(startTicket(s.client, s.taskQueue, input, { db: s.db }), 10_000);
    expect(view).toMatchObject({ id: input.ticketId, status: 'waiting', number: 'A-001' });
    expect(await status(input.ticketId)).toBe('RUNNING'); // started before the row was written
    // A retry of the same request (same ticket id) answers the same ticket.
    expect(await within(startTicket(s.client, s.taskQueue, input, { db: s.db }), 10_000)).toEqual(view);

    await ensureWorker();
    const [agent] = org.agents;
    const called = await updateTicket(s.client, input.ticketId, msg.callTicket, {
      actor: agent!.actor,
      agentId: agent!.id,
      deskId: org.deskIds[0]!,
    });
    expect(called).toMatchObject({ status: 'calling', number: 'A-001' });
    expect(await s.db('tickets').where({ id: input.ticketId }).count({ n: '*' })).toEqual([{ n: 1 }]);
    expect(await s.db('ticket_events').where({ ticket_id: input.ticketId }).orderBy('seq').pluck('type')).toEqual([
      'created',
      'called',
    ]);
    const counter = await s.db('ticket_counters').where({ service_id: input.serviceId }).first('last');
    expect(counter.last).toBe(1); // the workflow's step numbered nothing again
  });

  it("a refusal answers at once and ends the workflow's run; nothing is stored", async () => {
    await ensureWorker();
    const input = ticketInput(org, { priorityId: 999_999 });
    const refused = await startTicket(s.client, s.taskQueue, input, { db: s.db }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('Validation');
    await until('the refused run to end', async () => (await status(input.ticketId)) === 'FAILED');
    expect(await s.db('tickets').where({ id: input.ticketId }).first()).toBeUndefined();
  });

  it("a database failure on the caller's side falls back to the workflow's own registration", async () => {
    await ensureWorker();
    const broken = createDb(s.dbUrl, 1);
    await broken.destroy(); // every query on it fails, as during a blip
    const input = ticketInput(org);
    const view = await startTicket(s.client, s.taskQueue, input, { db: broken });
    expect(view).toMatchObject({ id: input.ticketId, status: 'waiting' });
    expect(await s.db('tickets').where({ id: input.ticketId }).first('status')).toEqual({ status: 'waiting' });
  });
});
