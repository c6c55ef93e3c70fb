// After a run: every ticket reached a legal end, each timeline is gap-free and duplicate-free,
// no ticket was called by two agents at once and no agent held two tickets at once.
import type { Db } from '../../db/knex.js';

export interface Verdict {
  tickets: number;
  lost: number; // issued by a client but missing, or not in an end state
  duplicatedSteps: number; // timelines whose seqs are not exactly 1..last
  doubleAssignments: number; // a call while the ticket or the agent was already engaged
}

const END = new Set(['finished', 'cancelled', 'no_show']);
const RELEASE = new Set(['finished', 'cancelled', 'no_show', 'requeued', 'transferred']);

export async function verify(db: Db, branchId: number, issuedIds: string[]): Promise<Verdict> {
  const tickets = await db('tickets').where({ branch_id: branchId }).select('id', 'status', 'last_event_seq');
  const byId = new Map(tickets.map((t) => [t.id as string, t]));
  const lost =
    issuedIds.filter((id) => !byId.has(id) || !END.has(byId.get(id)!.status as string)).length +
    tickets.filter((t) => !END.has(t.status as string) && !issuedIds.includes(t.id as string)).length;

  const events = await db('ticket_events as e')
    .join('tickets as t', 't.id', 'e.ticket_id')
    .where('t.branch_id', branchId)
    .orderBy([{ column: 'e.ticket_id' }, { column: 'e.seq' }])
    .select('e.ticket_id', 'e.seq', 'e.type', 'e.at', 'e.details');
  let duplicatedSteps = 0;
  let doubleAssignments = 0;
  const perTicket = new Map<string, typeof events>();
  for (const e of events) {
    const list = perTicket.get(e.ticket_id) ?? [];
    list.push(e);
    perTicket.set(e.ticket_id, list);
  }
  // Agent engagements: [called at, released at] per agent, must not overlap.
  const engagements = new Map<number, [number, number][]>();
  for (const [id, list] of perTicket) {
    const seqs = list.map((e) => e.seq as number);
    if (seqs.some((s, i) => s !== i + 1) || seqs.length !== byId.get(id)?.last_event_seq) duplicatedSteps++;
    let holder: { agent: number; from: number } | null = null;
    for (const e of list) {
      const t = (e.at as Date).getTime();
      if (e.type === 'called') {
        if (holder) doubleAssignments++; // called again without being released
        holder = { agent: (e.details as { agentId: number }).agentId, from: t };
      } else if (holder && RELEASE.has(e.type as string)) {
        const l = engagements.get(holder.agent) ?? [];
        l.push([holder.from, t]);
        engagements.set(holder.agent, l);
        holder = null;
      }
    }
  }
  for (const list of engagements.values()) {
    list.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < list.length; i++) if (list[i]![0] < list[i - 1]![1]) doubleAssignments++;
  }
  return { tickets: tickets.length, lost, duplicatedSteps, doubleAssignments };
}
