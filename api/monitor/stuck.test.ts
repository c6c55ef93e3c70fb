// Issue 12, items 1 and 5: a refusal from the database leaves the workflow healthy; work that does
// not move (an activity failing again and again, a workflow closed while its row is open, an
// overdue attention) is counted in /api/health, listed in the branch monitor with its reason,
// findable in the Temporal Web UI (VtStuck), and released by a supervisor on the timeline.
// Terminating a ticket workflow frees its agent by itself.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOverdueFlagger } from '../../activities/stuck/overdue.js';
import { sweepClosedWorkflows } from '../../activities/stuck/sweep.js';
import { DomainError } from '../../domain/errors.js';
import * as msg from '../../domain/ticket-messages.js';
import { createLogger } from '../../platform/logger.js';
import { createAppStack, type ApiClient, type AppStack } from '../../tests/support/app-stack.js';
import { startTicket, updateTicket } from '../../workflows/tickets/client.js';
import { until } from '../../tests/support/until.js';

let app: AppStack;
let supervisor: ApiClient;
let ana: ApiClient;
let branchId: number;
let serviceId: number;
let deskId: number;
const SUP = { type: 'user', id: 0, role: 'supervisor', name: 'Sup' } as const;
const log = createLogger('test-sweep', 'silent');

const newTicket = async (over: Partial<msg.TicketInput> = {}) => {
  const branch = await app.db('branches').where({ id: branchId }).first('entity_id');
  return startTicket(app.client, app.taskQueue, {
    ticketId: randomUUID(),
    entityId: branch.entity_id,
    branchId,
    serviceId,
    kind: 'turn',
    actor: { type: 'customer', name: 'kiosk' },
    ...over,
  });
};
/** Waits until Temporal visibility shows the ticket's VtStuck as `reason` (null: none). */
const vtStuckIs = (ticketId: string, reason: string | null) =>
  until(
    `VtStuck ${String(reason)} for ${ticketId}`,
    async () => {
      const d = await app.client.workflow.getHandle(`ticket-${ticketId}`).describe();
      const shown = (d.searchAttributes.VtStuck as string[] | undefined) ?? [];
      return reason === null ? shown.length === 0 : shown.includes(reason);
    },
    30_000,
  );
const monitorStuck = async () =>
  (await supervisor.request('GET', `/api/monitor/branches/${branchId}`)).body.stuck as { id: string; reason: string }[];

beforeAll(async () => {
  app = await createAppStack();
  supervisor = await app.login('supervisor@andino.demo');
  ana = await app.login('ana@andino.demo');
  branchId = (await app.db('branches').where({ code: 'CEN' }).first('id')).id;
  // A service only the supervisor's tests use, so demo agents' dispatch does not interfere.
  serviceId = (await app.db('services').where({ branch_id: branchId, label: 'C' }).first('id')).id;
  deskId = (await app.db('desks').where({ branch_id: branchId }).orderBy('id').first('id')).id;
}, 120_000);
afterAll(() => app?.closeAll());

describe('issue 12 item 1: one failure taxonomy at the activity boundary', () => {
  it('a step the database refuses (NUL) is refused at once with a code; the ticket stays healthy', async () => {
    const t = await newTicket();
    const t0 = Date.now();
    const err = await updateTicket(app.client, t.id, msg.addNote, { actor: SUP, text: 'a\u0000b' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('StepRefused');
    expect(Date.now() - t0).toBeLessThan(10_000);
    const next = await updateTicket(app.client, t.id, msg.addNote, { actor: SUP, text: 'sigue sana' });
    expect(next.status).toBe('waiting');
    expect((await updateTicket(app.client, t.id, msg.cancelTicket, { actor: SUP })).status).toBe('cancelled');
  });

  it('a registration the database refuses answers the creator with a code, not a hang', async () => {
    const err = await newTicket({ newCustomer: { firstName: 'Ana\u0000', lastName: 'X' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('StepRefused');
  });
});

describe('issue 12 item 5: stuck work is seen and released', () => {
  it('terminating a called ticket workflow frees the agent by itself; the ticket is flagged and released (requeue)', async () => {
    const opened = await ana.request('POST', '/api/shifts', { deskId, state: 'online' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const t = await newTicket();
    const anaId = (await app.db('users').where({ email: 'ana@andino.demo' }).first('id')).id;
    await until(
      'dispatch to call the ticket',
      async () => (await app.db('tickets').where({ id: t.id, agent_id: anaId, status: 'calling' }).first()) ?? false,
    );

    await app.client.workflow.getHandle(`ticket-${t.id}`).terminate('ops test');
    await until(
      'the sweeper to settle it',
      async () =>
        (await sweepClosedWorkflows({ db: app.db, temporal: app.client, log }, new Date(Date.now() - 60_000))).tickets >
        0,
    );
    const row = await app.db('tickets').where({ id: t.id }).first();
    expect(row).toMatchObject({ status: 'waiting', agent_id: null });
    const last = await app.db('ticket_events').where({ ticket_id: t.id }).orderBy('seq', 'desc').first();
    expect(last).toMatchObject({ type: 'requeued', actor_type: 'system' });
    expect(last.details).toMatchObject({ reason: 'workflow_closed' });
    // The agent is free again: her shift has no current ticket and she may call someone else.
    await until(
      'the shift to be freed',
      async () =>
        (await app
          .db('shifts')
          .where({ user_id: anaId })
          .whereNull('ended_at')
          .whereNull('current_ticket_id')
          .first()) ?? false,
    );

    const health = (await fetch(`${app.url}/api/health`).then((r) => r.json())) as {
      stuck: { byReason: Record<string, number> };
    };
    expect(health.stuck.byReason.workflow_closed).toBe(1);
    expect(await monitorStuck()).toEqual([expect.objectContaining({ id: t.id, reason: 'workflow_closed' })]);

    const released = await supervisor.request('POST', '/api/monitor/stuck/release', {
      kind: 'ticket',
      id: t.id,
      action: 'requeue',
    });
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    expect(released.body.stuck).toEqual([]);
    expect((await app.client.workflow.getHandle(`ticket-${t.id}`).describe()).status.name).toBe('RUNNING');
    // The new run carries the ticket on: ana (online, free) gets it again, and can finish it.
    await until(
      'the revived ticket to be called',
      async () => (await app.db('tickets').where({ id: t.id, status: 'calling' }).first()) ?? false,
    );
    expect((await ana.request('POST', `/api/tickets/${t.id}/attend`, {})).body.status).toBe('attending');
    expect((await ana.request('POST', `/api/tickets/${t.id}/finish`, {})).body.status).toBe('finished');
    expect((await ana.request('POST', '/api/shifts/current/end')).status).toBe(200);
  });

  it('an activity failing again and again is reported (health, monitor, VtStuck) and a supervisor cancels the ticket', async () => {
    const t = await newTicket();
    // A real, transient database failure for this ticket's notes: retried, never refused.
    await app.db.raw(`create or replace function poison_note() returns trigger language plpgsql as $$
      begin if new.type = 'note' and new.ticket_id = '${t.id}' then raise exception 'injected' using errcode = '40001'; end if; return new; end $$`);
    await app.db.raw(
      `create trigger poison_note before insert on ticket_events for each row execute function poison_note()`,
    );
    try {
      void updateTicket(app.client, t.id, msg.addNote, { actor: SUP, text: 'never stored' }).catch(() => undefined);
      const item = await until(
        'the stuck report',
        async () => (await monitorStuck()).find((i) => i.id === t.id),
        30_000,
      );
      expect(item.reason).toBe('activity_retrying');
      const health = (await fetch(`${app.url}/api/health`).then((r) => r.json())) as {
        stuck: { byReason: Record<string, number> };
      };
      expect(health.stuck.byReason.activity_retrying).toBe(1);
      await until(
        'VtStuck in Temporal visibility',
        async () => {
          for await (const wf of app.client.workflow.list({
            query: `VtStuck = 'activity_retrying' AND WorkflowId = 'ticket-${t.id}'`,
          }))
            return wf;
          return undefined;
        },
        30_000,
      );

      const released = await supervisor.request('POST', '/api/monitor/stuck/release', {
        kind: 'ticket',
        id: t.id,
        action: 'cancel',
      });
      expect(released.status, JSON.stringify(released.body)).toBe(200);
      const row = await app.db('tickets').where({ id: t.id }).first();
      expect(row.status).toBe('cancelled');
      const last = await app.db('ticket_events').where({ ticket_id: t.id }).orderBy('seq', 'desc').first();
      expect(last).toMatchObject({ type: 'cancelled', actor_type: 'user', actor_name: 'Sara Molina' });
      expect(await monitorStuck()).toEqual([]);
    } finally {
      await app.db.raw('drop trigger if exists poison_note on ticket_events');
    }
  });

  it('an attention longer than the service maximum is listed as overdue', async () => {
    const t = await newTicket();
    const bruno = (await app.db('users').where({ email: 'bruno@andino.demo' }).first('id')).id as number;
    await updateTicket(app.client, t.id, msg.callTicket, { actor: SUP, agentId: bruno, deskId });
    await updateTicket(app.client, t.id, msg.attendTicket, { actor: SUP });
    await app
      .db('tickets')
      .where({ id: t.id })
      .update({ attending_at: app.db.raw(`now() - interval '3 hours'`) });
    expect(await monitorStuck()).toEqual([expect.objectContaining({ id: t.id, reason: 'attention_overdue' })]);
    // The sweeper's pass flags it for ops in the Temporal Web UI, once.
    const flagger = createOverdueFlagger({ db: app.db, temporal: app.client, log });
    expect(await flagger.flag()).toBeGreaterThanOrEqual(1);
    expect(await flagger.flag()).toBe(0);
    await vtStuckIs(t.id, 'attention_overdue');
    await updateTicket(app.client, t.id, msg.finishTicket, { actor: SUP });
    expect(await monitorStuck()).toEqual([]);
    await vtStuckIs(t.id, null); // a finished ticket is not overdue any more
  });

  it('a call unanswered past its deadline is listed as overdue and flagged in Temporal until it moves', async () => {
    const t = await newTicket();
    const carla = (await app.db('users').where({ email: 'carla@andino.demo' }).first('id')).id as number;
    await updateTicket(app.client, t.id, msg.callTicket, { actor: SUP, agentId: carla, deskId });
    // The workflow's own deadline is still ahead; the rows say the call is long overdue (a timed
    // step that was refused, say), which is what health, the monitor and the sweeper read.
    await app
      .db('ticket_events')
      .where({ ticket_id: t.id, type: 'called' })
      .update({ at: app.db.raw(`now() - interval '2 hours'`) });
    await app
      .db('tickets')
      .where({ id: t.id })
      .update({ called_at: app.db.raw(`now() - interval '2 hours'`) });
    expect(await monitorStuck()).toEqual([expect.objectContaining({ id: t.id, reason: 'call_overdue' })]);
    await createOverdueFlagger({ db: app.db, temporal: app.client, log }).flag();
    await vtStuckIs(t.id, 'call_overdue');
    await updateTicket(app.client, t.id, msg.cancelTicket, { actor: SUP });
    await vtStuckIs(t.id, null);
    expect(await monitorStuck()).toEqual([]);
  });
});
