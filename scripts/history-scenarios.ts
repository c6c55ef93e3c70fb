// Scenarios whose histories the replay test keeps: together they take every ticket step,
// every timer and continue-as-new at least once.
import type { Client } from '@temporalio/client';
import type { Db } from '../db/knex.js';
import * as msg from '../domain/ticket-messages.js';
import { startTicket, updateTicket } from '../workflows/tickets/client.js';
import { createOrg, ticketInput } from '../tests/support/fixtures.js';
import { ticketWorkflow } from '../workflows/tickets/workflow.js';
import * as shiftActions from '../api/shifts/actions.js';
import type { SessionUser } from '../api/auth/sessions.js';

interface Ctx {
  db: Db;
  client: Client;
  taskQueue: string;
}
/** run() returns the workflow id, and the run id when the run to keep is not the last one; or
 * several, each with the entity and name to file it under. */
export interface Recorded {
  entity: 'tickets' | 'shifts';
  name: string;
  workflowId: string;
  runId?: string;
}
interface Scenario {
  entity: 'tickets' | 'shifts';
  name: string;
  run(ctx: Ctx): Promise<string | { workflowId: string; runId: string } | Recorded[]>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (db: Db, id: string, status: string) => {
  while ((await db('tickets').where({ id }).first('status'))?.status !== status) await sleep(100);
};

export const scenarios: Scenario[] = [
  {
    entity: 'tickets',
    name: 'full-lifecycle',
    async run({ db, client, taskQueue }) {
      const org = await createOrg(db);
      const [a] = org.agents;
      const t = ticketInput(org);
      await startTicket(client, taskQueue, t);
      const act = { actor: a!.actor };
      await updateTicket(client, t.ticketId, msg.callTicket, { ...act, agentId: a!.id, deskId: org.deskIds[0]! });
      await updateTicket(client, t.ticketId, msg.recallTicket, act);
      await updateTicket(client, t.ticketId, msg.attendTicket, act);
      await updateTicket(client, t.ticketId, msg.editCustomer, {
        ...act,
        customer: { firstName: 'Ana', lastName: 'Gómez', idNumber: 'CC-1001' },
      });
      await updateTicket(client, t.ticketId, msg.setTopics, { ...act, topicIds: [org.services[0]!.topicIds[0]!] });
      await updateTicket(client, t.ticketId, msg.addNote, { ...act, text: 'Nota' });
      await updateTicket(client, t.ticketId, msg.finishTicket, act).catch(() => undefined);
      return `ticket-${t.ticketId}`;
    },
  },
  {
    entity: 'tickets',
    name: 'call-timeout-requeue-then-no-show',
    async run({ db, client, taskQueue }) {
      const org = await createOrg(db, { services: [{ label: 'T', callTimeoutSeconds: 1, maxAutoRequeues: 1 }] });
      const [a] = org.agents;
      const t = ticketInput(org);
      await startTicket(client, taskQueue, t);
      const call = () =>
        updateTicket(client, t.ticketId, msg.callTicket, { actor: a!.actor, agentId: a!.id, deskId: org.deskIds[0]! });
      await call();
      await until(db, t.ticketId, 'waiting');
      await call();
      await until(db, t.ticketId, 'no_show');
      return `ticket-${t.ticketId}`;
    },
  },
  {
    entity: 'tickets',
    name: 'appointment-confirm-check-in-timer',
    async run({ db, client, taskQueue }) {
      const org = await createOrg(db, { checkInWindowMinutes: 0 });
      const [a] = org.agents;
      const t = ticketInput(org, {
        kind: 'appointment',
        scheduledAt: new Date(Date.now() + 1500).toISOString(),
        newCustomer: { firstName: 'Luz' },
      });
      await startTicket(client, taskQueue, t);
      await updateTicket(client, t.ticketId, msg.confirmAppointment, { actor: { type: 'customer' } });
      await until(db, t.ticketId, 'waiting');
      await updateTicket(client, t.ticketId, msg.callTicket, {
        actor: a!.actor,
        agentId: a!.id,
        deskId: org.deskIds[0]!,
      });
      await updateTicket(client, t.ticketId, msg.attendTicket, { actor: a!.actor });
      await updateTicket(client, t.ticketId, msg.finishTicket, { actor: a!.actor });
      return `ticket-${t.ticketId}`;
    },
  },
  {
    entity: 'tickets',
    name: 'requeue-transfer-cancel',
    async run({ db, client, taskQueue }) {
      const org = await createOrg(db);
      const [a, b] = org.agents;
      const t = ticketInput(org);
      await startTicket(client, taskQueue, t);
      await updateTicket(client, t.ticketId, msg.callTicket, {
        actor: a!.actor,
        agentId: a!.id,
        deskId: org.deskIds[0]!,
      });
      await updateTicket(client, t.ticketId, msg.attendTicket, { actor: a!.actor });
      await updateTicket(client, t.ticketId, msg.requeueTicket, { actor: a!.actor, reason: 'Falta documento' });
      await updateTicket(client, t.ticketId, msg.callTicket, {
        actor: a!.actor,
        agentId: a!.id,
        deskId: org.deskIds[0]!,
      });
      await updateTicket(client, t.ticketId, msg.transferTicket, {
        actor: a!.actor,
        serviceId: org.services[1]!.id,
        agentId: b!.id,
      });
      await updateTicket(client, t.ticketId, msg.cancelTicket, { actor: org.supervisor, reason: 'Se retiró' });
      return `ticket-${t.ticketId}`;
    },
  },
  {
    entity: 'tickets',
    name: 'continue-as-new',
    async run({ db, client, taskQueue }) {
      const org = await createOrg(db);
      const t = ticketInput(org);
      const handle = await client.workflow.start(ticketWorkflow, {
        workflowId: `ticket-${t.ticketId}`,
        taskQueue,
        args: [{ input: t, maxHistoryEvents: 40 }],
      });
      await handle.executeUpdate(msg.registered);
      for (let i = 0; i < 8; i++)
        await updateTicket(client, t.ticketId, msg.addNote, { actor: org.supervisor, text: `n${i}` });
      await updateTicket(client, t.ticketId, msg.cancelTicket, { actor: org.supervisor });
      // Keep the first run, which ends in ContinuedAsNew.
      return { workflowId: `ticket-${t.ticketId}`, runId: handle.firstExecutionRunId };
    },
  },
  {
    // An agent logs in Online, dispatch calls a ticket to them, the next state applies when the
    // attention ends, then log out: records the shift and the dispatched ticket.
    entity: 'shifts',
    name: 'shift-dispatch-next-state-logout',
    async run({ db, client, taskQueue }) {
      const org = await createOrg(db);
      const [a] = org.agents;
      await db('service_assignments').insert({ user_id: a!.id, service_id: org.services[0]!.id, kind: 'main' });
      const user: SessionUser = {
        id: a!.id,
        entityId: org.entityId,
        branchId: org.branchId,
        role: 'agent',
        email: 'a@t.test',
        firstName: 'A',
        lastName: 'T',
      };
      const d = { db, temporal: client, taskQueue };
      const { view } = await shiftActions.openShift(d, user, { deskId: org.deskIds[0]! });
      const t = ticketInput(org);
      await startTicket(client, taskQueue, t);
      await until(db, t.ticketId, 'calling');
      await shiftActions.setNextState(d, user, { nextState: 'lunch' });
      await updateTicket(client, t.ticketId, msg.attendTicket, { actor: a!.actor });
      await updateTicket(client, t.ticketId, msg.finishTicket, { actor: a!.actor });
      while ((await db('shifts').where({ id: view.id }).first('state')).state !== 'lunch') await sleep(100);
      await shiftActions.setState(d, user, { state: 'online' });
      await shiftActions.endShift(d, user);
      const shift = await db('shifts').where({ id: view.id }).first('workflow_id');
      return [
        { entity: 'shifts', name: 'shift-dispatch-next-state-logout', workflowId: shift.workflow_id as string },
        { entity: 'tickets', name: 'dispatched-by-shift', workflowId: `ticket-${t.ticketId}` },
      ];
    },
  },
];
