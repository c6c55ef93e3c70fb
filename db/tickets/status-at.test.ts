// Migration 021 (issue 16): tickets that existed before status_at take it from their timeline —
// the last step that changed the status, not a later note.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registerTicket } from './register.js';
import { createOrg, ticketInput } from '../../tests/support/fixtures.js';
import { createTestStack, type TestStack } from '../../tests/support/stack.js';
import { up } from '../migrations/20261204_021_ticket_status_at.js';

let s: TestStack;
beforeAll(async () => {
  s = await createTestStack();
});
afterAll(() => s?.close());

it('backfills status_at from the last status-changing step of each timeline', async () => {
  const org = await createOrg(s.db);
  const input = ticketInput(org);
  await registerTicket(s.db, input, { at: '2026-11-30T10:00:00.000Z' });
  const called = '2026-11-30T10:05:00.000Z';
  const day = (await s.db('tickets').where({ id: input.ticketId }).first('service_day')).service_day;
  const noted = '2026-11-30T10:09:00.000Z';
  await s.db('ticket_events').insert([
    {
      ticket_id: input.ticketId,
      service_day: day,
      seq: 2,
      type: 'called',
      from_status: 'waiting',
      to_status: 'calling',
      actor_type: 'system',
      details: '{}',
      at: called,
    },
    {
      ticket_id: input.ticketId,
      service_day: day,
      seq: 3,
      type: 'note',
      from_status: 'calling',
      to_status: 'calling',
      actor_type: 'system',
      details: '{}',
      at: noted,
    },
  ]);
  await s
    .db('tickets')
    .where({ id: input.ticketId })
    .update({ status: 'calling', agent_id: org.agents[0]!.id, desk_id: org.deskIds[0], updated_at: noted });
  await s.db.schema.alterTable('tickets', (t) => t.dropColumn('status_at'));
  await up(s.db);
  const row = await s.db('tickets').where({ id: input.ticketId }).first('status_at');
  expect(row.status_at.toISOString()).toBe(called);
});
