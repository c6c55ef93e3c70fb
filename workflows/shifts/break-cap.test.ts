// A3/G2/G7: break caps notify supervisors once through a durable timer; search attributes for ops.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shiftWorkflowId } from '../../domain/agents.js';
import * as msg from '../../domain/shift-messages.js';
import { startShiftWorkflow, updateShiftWith } from './client.js';
import { createTestStack, type TestStack } from '../../tests/support/stack.js';
import { createOrg, type Org } from '../../tests/support/fixtures.js';
import { ShiftKeys } from './search.js';

let s: TestStack;
let org: Org;
const MINUTE_MS = 200; // one break-cap "minute" in this test
beforeAll(async () => {
  s = await createTestStack();
  await s.startWorker();
  org = await createOrg(s.db, { agents: 2 });
  await s.db('break_caps').insert([
    { entity_id: org.entityId, state: 'lunch', max_minutes: 2 },
    { entity_id: org.entityId, state: 'resting', max_minutes: 5 },
  ]);
});
afterAll(() => s?.close());

async function open(i: number): Promise<string> {
  const ag = org.agents[i]!;
  const shiftId = randomUUID();
  const workflowId = shiftWorkflowId(ag.id, shiftId);
  await s.db('shifts').insert({
    id: shiftId,
    user_id: ag.id,
    branch_id: org.branchId,
    desk_id: org.deskIds[i],
    state: 'offline',
    state_since: new Date(),
    started_at: new Date(),
    workflow_id: workflowId,
  });
  await startShiftWorkflow(s.client, s.taskQueue, {
    shiftId,
    userId: ag.id,
    entityId: org.entityId,
    branchId: org.branchId,
    deskId: org.deskIds[i]!,
    minuteMs: MINUTE_MS,
  });
  return workflowId;
}
const capNotes = () => s.db('notifications').where({ entity_id: org.entityId, type: msg.BREAK_CAP_NOTIFICATION });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('A3 break caps', () => {
  it('A3: lunch over its cap notifies the supervisor once; a break ended in time notifies nobody', async () => {
    const first = await open(0);
    await updateShiftWith(s.client, first, msg.setState, { state: 'resting' });
    await sleep(MINUTE_MS); // back well within the 5-"minute" resting cap
    await updateShiftWith(s.client, first, msg.setState, { state: 'online' });
    await updateShiftWith(s.client, first, msg.setState, { state: 'lunch' });
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && (await capNotes()).length === 0) await sleep(100);
    await sleep(3 * MINUTE_MS); // time for a duplicate to appear, if the timer fired twice
    const notes = await capNotes();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ user_id: org.supervisor.id, title: 'Agent0 T: lunch over 2 min' });
    expect(notes[0].data).toMatchObject({ state: 'lunch', capMinutes: 2 });
  });

  it('G7: the shift workflow carries VtAgent, VtDesk, VtBranch and VtAgentState for ops', async () => {
    const wf = await open(1);
    await updateShiftWith(s.client, wf, msg.setState, { state: 'documenting' });
    const d = await s.client.workflow.getHandle(wf).describe();
    expect(d.typedSearchAttributes.get(ShiftKeys.agent)).toBe(String(org.agents[1]!.id));
    expect(d.typedSearchAttributes.get(ShiftKeys.desk)).toBe(String(org.deskIds[1]));
    expect(d.typedSearchAttributes.get(ShiftKeys.branch)).toBe(String(org.branchId));
    expect(d.typedSearchAttributes.get(ShiftKeys.agentState)).toBe('documenting');
    expect((await s.client.workflow.getHandle(wf).query(msg.getShift)).state).toBe('documenting');
  });
});
