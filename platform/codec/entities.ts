// Which entity a workflow belongs to, so the codec can label each payload it encrypts (issue 13).
// Learned, in order of cost: from payloads already decoded for that workflow (their label is
// authenticated), from a workflow's own start arguments (every workflow of the product takes
// `{ input: { entityId } }` first — TicketInput, ShiftInput — so a start names its entity before
// any row exists), and from the database (tickets.workflow_id, shifts.workflow_id, asked through
// `lookup`, db/workflow-entity.ts), for a process that meets a running workflow for the first time.
import type { Payload } from '@temporalio/common';

/** The entity a stored workflow belongs to, if any row names it. */
export type EntityLookup = (workflowId: string) => Promise<number | undefined>;

/** Workflows remembered per process; the oldest is forgotten first (a DB lookup brings it back). */
const CAPACITY = 100_000;
const utf8 = new TextDecoder();

export class EntityDirectory {
  private readonly known = new Map<string, number>();

  constructor(private readonly lookup?: EntityLookup) {}

  /** A workflow's entity never changes: the first one learned stays. */
  learn(workflowId: string, entityId: number): void {
    if (this.known.has(workflowId)) return;
    if (this.known.size >= CAPACITY) this.known.delete(this.known.keys().next().value!);
    this.known.set(workflowId, entityId);
  }

  /** The entity of `workflowId`; `plain` are the payloads about to be encrypted for it. */
  async entityOf(workflowId: string, plain: Payload[]): Promise<number | undefined> {
    const known = this.known.get(workflowId) ?? startedEntity(plain) ?? (await this.lookup?.(workflowId));
    if (known !== undefined) this.learn(workflowId, known);
    return known;
  }
}

/** `{ input: { entityId } }` in a JSON payload: a workflow's start arguments. */
function startedEntity(plain: Payload[]): number | undefined {
  for (const p of plain) {
    if (!p.data || utf8.decode(p.metadata?.encoding ?? new Uint8Array()) !== 'json/plain') continue;
    const value = parse(p.data) as { input?: { entityId?: unknown } } | undefined;
    const id = value?.input?.entityId;
    if (typeof id === 'number' && Number.isInteger(id) && id > 0) return id;
  }
  return undefined;
}

function parse(data: Uint8Array): unknown {
  try {
    return JSON.parse(utf8.decode(data));
  } catch {
    return undefined; // not JSON after all: it names no entity
  }
}
