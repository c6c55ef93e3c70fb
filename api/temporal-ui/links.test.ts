// G7, issue 13: the Temporal Web UI lists every entity's workflows, so the API tells where it is,
// and links into it, to operators only. Every response that carries a link for an operator
// carries none for an entity's admin (nor supervisor), against the real API, Temporal and
// PostgreSQL with the demo data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OPERATOR_EMAIL } from '../../db/seed/demo.js';
import { createAppStack, TEMPORAL_UI_URL, type ApiClient, type AppStack } from '../../tests/support/app-stack.js';

let app: AppStack;
let admin: ApiClient;
let supervisor: ApiClient;
let operator: ApiClient;
let centro: number;
let ticketId: string;
let shiftWorkflowId: string;
const ui = new URL(TEMPORAL_UI_URL);

/** Whether an answer names the Temporal Web UI anywhere (its address, or a link into it). */
const namesTemporalUi = (body: unknown) => JSON.stringify(body).includes(ui.host);
const pageOf = (workflowId: string) => `${TEMPORAL_UI_URL}/namespaces/${app.namespace}/workflows/${workflowId}`;

beforeAll(async () => {
  app = await createAppStack();
  admin = await app.login('admin@andino.demo');
  supervisor = await app.login('supervisor@andino.demo');
  operator = await app.login(DEMO_OPERATOR_EMAIL);
  centro = (await app.db('branches').where({ code: 'CEN' }).first('id', 'entity_id')).id;
  const serviceC = (await app.db('services').where({ branch_id: centro, label: 'C' }).first('id')).id;
  const desk = (await app.db('desks').where({ branch_id: centro }).orderBy('id').first('id')).id;
  // A waiting ticket (queue), an agent at her desk (agents) and a stuck report (stuck work).
  const ticket = await supervisor.request('POST', '/api/tickets', { serviceId: serviceC });
  expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
  ticketId = ticket.body.id;
  const shift = await (await app.login('ana@andino.demo')).request('POST', '/api/shifts', { deskId: desk });
  expect(shift.status, JSON.stringify(shift.body)).toBe(201);
  shiftWorkflowId = shift.body.workflowId;
  const entityId = (await app.db('branches').where({ id: centro }).first('entity_id')).entity_id;
  await app.db('stuck_work').insert({
    workflow_id: `ticket-${ticketId}`,
    kind: 'ticket',
    ticket_id: ticketId,
    entity_id: entityId,
    branch_id: centro,
    reason: 'activity_retrying',
    activity: 'recordStep',
    attempt: 4,
  });
}, 120_000);
afterAll(() => app?.closeAll());

describe('G7: Temporal Web UI links for operators only', () => {
  it("a ticket's detail has no Temporal link for an admin or a supervisor, and its workflow page for an operator", async () => {
    for (const staff of [admin, supervisor]) {
      const res = await staff.request('GET', `/api/tickets/${ticketId}`);
      expect(res.status).toBe(200);
      expect(res.body.temporalUrl).toBeNull();
      expect(namesTemporalUi(res.body)).toBe(false);
    }
    const res = await operator.request('GET', `/api/tickets/${ticketId}`);
    expect(res.status).toBe(200);
    expect(res.body.temporalUrl).toBe(pageOf(`ticket-${ticketId}`));
  });

  it("the branch monitor's queue, agents and stuck work have no Temporal links for an admin, and have them for an operator", async () => {
    const seen = await admin.request('GET', `/api/monitor/branches/${centro}`);
    expect(seen.status).toBe(200);
    expect(seen.body.queue.length).toBeGreaterThan(0);
    expect(seen.body.stuck.length).toBeGreaterThan(0);
    expect(namesTemporalUi(seen.body)).toBe(false);
    for (const row of [...seen.body.queue, ...seen.body.agents, ...seen.body.stuck]) expect(row.temporalUrl).toBeNull();

    const ops = await operator.request('GET', `/api/monitor/branches/${centro}`);
    expect(ops.status).toBe(200);
    expect(ops.body.queue.find((q: { id: string }) => q.id === ticketId).temporalUrl).toBe(
      pageOf(`ticket-${ticketId}`),
    );
    expect(ops.body.stuck.find((s: { id: string }) => s.id === ticketId).temporalUrl).toBe(
      pageOf(`ticket-${ticketId}`),
    );
    expect(ops.body.agents.find((a: { name: string }) => a.name === 'Ana Restrepo').temporalUrl).toBe(
      pageOf(shiftWorkflowId),
    );
  });

  it('where the Web UI is (the base of shift links) is told to an operator and refused to an admin with OperatorOnly', async () => {
    for (const staff of [admin, supervisor]) {
      const res = await staff.request('GET', '/api/monitor/temporal');
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: 'Forbidden', code: 'OperatorOnly' });
      expect(namesTemporalUi(res.body)).toBe(false);
    }
    const res = await operator.request('GET', '/api/monitor/temporal');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      uiUrl: TEMPORAL_UI_URL,
      namespace: app.namespace,
      workflowsUrl: `${TEMPORAL_UI_URL}/namespaces/${app.namespace}`,
    });
  });

  it('the shift list carries no Web UI address for anyone (operators build links from the base above)', async () => {
    for (const staff of [admin, operator]) {
      const res = await staff.request('GET', '/api/shifts?range=[0,99]');
      expect(res.status).toBe(200);
      expect(res.body.length).toBeGreaterThan(0);
      expect(namesTemporalUi(res.body)).toBe(false);
    }
  });
});
