// What Temporal says about a run's workflows after a fault: which are wedged (an activity retried
// again and again, the sign of a poison input or a step that can never succeed) and, for a lost
// ticket, the story a person needs to find the cause (its run, pending work, last events).
import { Connection, Client } from '@temporalio/client';
import protos from '@temporalio/proto'; // CommonJS: named imports do not resolve under ESM
import type { Db } from '../../db/knex.js';
import { createCodec, dataConverterOf } from '../../platform/codec/codec.js';
import { loadConfig } from '../../platform/config.js';

/** More attempts than this on one pending activity: a retry loop, not a blip (faults take seconds). */
export const WEDGED_ATTEMPTS = 3;

export interface WorkflowFacts {
  workflowId: string;
  status: string;
  pending: { activity: string; attempt: number; lastFailure?: string }[];
}

export async function temporalClient(address: string): Promise<{ client: Client; close(): Promise<void> }> {
  const connection = await Connection.connect({ address });
  const dataConverter = dataConverterOf(createCodec(loadConfig())); // reads the encrypted payloads (issue 13)
  return { client: new Client({ connection, dataConverter }), close: () => connection.close() };
}

export async function describeWorkflow(client: Client, workflowId: string): Promise<WorkflowFacts> {
  try {
    const d = await client.workflow.getHandle(workflowId).describe();
    const pending = (d.raw.pendingActivities ?? []).map((a) => ({
      activity: a.activityType?.name ?? '?',
      attempt: a.attempt ?? 0,
      lastFailure: a.lastFailure?.message ?? undefined,
    }));
    return { workflowId, status: d.status.name, pending };
  } catch (err) {
    return { workflowId, status: `not described (${(err as Error).message})`, pending: [] };
  }
}

export interface Wedged {
  workflowId: string;
  why: string;
}

const END = ['finished', 'cancelled', 'no_show'];

/**
 * The ticket and shift workflows of a bench branch that are wedged: a pending activity past
 * WEDGED_ATTEMPTS, or a ticket that did not reach a legal end.
 */
export async function wedgedWorkflows(client: Client, db: Db, branchId: number): Promise<Wedged[]> {
  const tickets = await db('tickets').where({ branch_id: branchId }).select('workflow_id', 'number', 'status');
  const shifts = (await db('shifts').where({ branch_id: branchId }).pluck('workflow_id')) as string[];
  const open = new Map(
    tickets
      .filter((t) => !END.includes(t.status as string))
      .map((t) => [t.workflow_id as string, `ticket ${String(t.number)} still ${String(t.status)}`]),
  );
  const facts = await Promise.all(
    [...tickets.map((t) => t.workflow_id as string), ...shifts].map((id) => describeWorkflow(client, id)),
  );
  const out: Wedged[] = [];
  for (const f of facts) {
    const retried = f.pending
      .filter((p) => p.attempt > WEDGED_ATTEMPTS)
      .map((p) => `${p.activity} attempt ${p.attempt}${p.lastFailure ? ` (${p.lastFailure})` : ''}`);
    const why = [open.get(f.workflowId), ...retried].filter(Boolean).join('; ');
    if (why) out.push({ workflowId: f.workflowId, why: `${why} [workflow ${f.status}]` });
  }
  return out;
}

/** Lines about each ticket of the branch not in an end state: row, workflow, last events, what the agents did. */
export async function explainOpenTickets(
  client: Client,
  db: Db,
  branchId: number,
  trail: Map<string, string[]>,
): Promise<string[]> {
  const open = await db('tickets')
    .where({ branch_id: branchId })
    .whereNotIn('status', END)
    .select('id', 'number', 'status', 'agent_id', 'workflow_id', 'last_event_seq');
  const lines: string[] = [];
  for (const t of open) {
    const facts = await describeWorkflow(client, t.workflow_id as string);
    lines.push(
      `ticket ${String(t.number)} (${String(t.id)}): row ${String(t.status)} seq ${String(t.last_event_seq)} agent ${String(t.agent_id)}; workflow ${facts.status}` +
        facts.pending
          .map((p) => `; pending ${p.activity} attempt ${p.attempt}${p.lastFailure ? ` (${p.lastFailure})` : ''}`)
          .join(''),
    );
    lines.push(`  last events: ${(await lastEvents(client, t.workflow_id as string)).join(', ')}`);
    for (const l of trail.get(t.id as string) ?? ['(no agent ever served it)']) lines.push(`  ${l}`);
  }
  return lines;
}

async function lastEvents(client: Client, workflowId: string, n = 12): Promise<string[]> {
  try {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    return (history.events ?? []).slice(-n).map((e) => {
      const type = (protos.temporal.api.enums.v1.EventType[e.eventType ?? 0] ?? '?').replace(/^EVENT_TYPE_/, '');
      const name =
        e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name ??
        e.activityTaskScheduledEventAttributes?.activityType?.name;
      const failure =
        e.activityTaskFailedEventAttributes?.failure ??
        e.workflowExecutionFailedEventAttributes?.failure ??
        e.workflowTaskFailedEventAttributes?.failure;
      const why = failure ? ` «${failure.applicationFailureInfo?.type ?? ''} ${failure.message ?? ''}»` : '';
      return `${name ? `${type}(${name})` : type}${why}`;
    });
  } catch (err) {
    return [`history unavailable: ${(err as Error).message}`];
  }
}
