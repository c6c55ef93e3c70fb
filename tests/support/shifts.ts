// A test agent at their desk without the API: the shift's row as POST /shifts writes it, then its
// workflow opened Online, so dispatch treats the agent as any other.
import { randomUUID } from 'node:crypto';
import { shiftWorkflowId } from '../../domain/agents.js';
import { startShiftWorkflow } from '../../workflows/shifts/client.js';
import type { Org } from './fixtures.js';
import type { TestStack } from './stack.js';

/** Opens agent i's shift Online at desk i; `beforeStart` sees the shift id before its workflow runs. */
export async function openOnlineShift(
  s: TestStack,
  org: Org,
  i: number,
  beforeStart?: (shiftId: string) => void,
): Promise<string> {
  const agent = org.agents[i]!;
  const shiftId = randomUUID();
  await s.db('shifts').insert({
    id: shiftId,
    user_id: agent.id,
    branch_id: org.branchId,
    desk_id: org.deskIds[i],
    state: 'offline',
    state_since: new Date(),
    started_at: new Date(),
    workflow_id: shiftWorkflowId(agent.id, shiftId),
  });
  beforeStart?.(shiftId);
  await startShiftWorkflow(s.client, s.taskQueue, {
    shiftId,
    userId: agent.id,
    entityId: org.entityId,
    branchId: org.branchId,
    deskId: org.deskIds[i]!,
    initialState: 'online',
  });
  return shiftId;
}
