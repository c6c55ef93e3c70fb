// H4: what a supervisor sees of a branch right now — per service the queue and its longest
// wait, per agent the state and for how long, and today's SLA. One round of SQL per call; the
// admin refreshes it (debounced) when socket.io announces a ticket or shift change.
import type { Db } from '../../db/knex.js';
import { explainNext, type QueueEntry } from '../../domain/queue-order.js';
import { loadPolicy, recentCalls } from '../../db/queue/order.js';
import type { WorkflowLink } from '../temporal-ui/links.js';
import type { BranchInfo } from './access.js';
import { iso } from '../../db/dates.js';
import { readSummary } from '../../db/reports/summary.js';
import { ABANDONED_OUTCOMES } from '../../domain/report-outcomes.js';
import { slaPercent } from '../../domain/sla.js';
import type { BranchSnapshot, MonitorAgent, MonitorQueueItem, MonitorService } from '../../domain/contracts/monitor.js';
import type { AgentState } from '../../domain/agents.js';
import { HELD_STATUSES, LIVE_STATUSES, type TicketKind, type TicketStatus } from '../../domain/tickets.js';

// Counts and epochs come back from pg as text or numbers depending on their type: n() and secs() read either.
type Numeric = string | number | null;
const n = (v: Numeric): number => Number(v ?? 0);
const secs = (v: Numeric): number | null => (v === null || v === undefined ? null : Math.max(0, Math.round(Number(v))));
interface ServiceRow {
  id: number;
  name: string;
  label: string;
  active: boolean;
  sla_target_seconds: number;
  department_id: number;
  department_name: string;
  waiting: Numeric;
  calling: Numeric;
  attending: Numeric;
  longest_wait: Numeric;
  over_sla: Numeric;
}
interface AgentRow {
  id: number;
  first_name: string;
  last_name: string;
  shift_id: string | null;
  state: AgentState | null;
  next_state: AgentState | null;
  manual_mode: boolean | null;
  state_since: Date | null;
  workflow_id: string | null;
  desk_id: number | null;
  desk_name: string | null;
  ticket_id: string | null;
  ticket_number: string | null;
  ticket_status: TicketStatus | null;
  in_state: Numeric;
  in_ticket_status: Numeric;
}
interface QueueRow {
  id: string;
  number: string;
  status: TicketStatus;
  kind: TicketKind;
  priority: number;
  service_id: number;
  service_label: string;
  desk_name: string | null;
  arrival_at: Date;
  workflow_id: string;
  agent_name: string | null;
  waited: Numeric;
}

/** `temporalLink` gives the Temporal Web UI page of a workflow, to operators only (G7). */
export async function branchSnapshot(
  db: Db,
  temporalLink: WorkflowLink,
  branch: BranchInfo,
): Promise<Omit<BranchSnapshot, 'stuck' | 'alerts'>> {
  const today = db.raw(`(now() at time zone ?)::date`, [branch.timezone]);
  // The reads below are independent: they run at once, each on a connection of its own.
  // The queue as it stands now, per service.
  const servicesNow: Promise<ServiceRow[]> = db('services as s')
    .join('departments as d', 'd.id', 's.department_id')
    .leftJoin('tickets as t', (j) =>
      j.on('t.service_id', 's.id').andOn('t.service_day', '=', today).andOnIn('t.status', LIVE_STATUSES),
    )
    .where('s.branch_id', branch.id)
    .groupBy('s.id', 'd.name')
    .orderBy('s.label')
    .select(
      's.id',
      's.name',
      's.label',
      's.active',
      's.sla_target_seconds',
      's.department_id',
      'd.name as department_name',
      db.raw(`count(t.id) filter (where t.status = 'waiting') as waiting`),
      db.raw(`count(t.id) filter (where t.status = 'calling') as calling`),
      db.raw(`count(t.id) filter (where t.status = 'attending') as attending`),
      db.raw(`extract(epoch from now() - min(t.arrival_at) filter (where t.status = 'waiting')) as longest_wait`),
      // Issue 19: a customer never called yet and already past the target is a miss today, not
      // only once called. A never-called ticket's first wait runs from its arrival (kept across a
      // transfer, set at check-in), the start the reports' first_wait_s counts from.
      db.raw(
        `count(t.id) filter (where t.status = 'waiting' and t.called_at is null
          and now() - t.arrival_at > make_interval(secs => s.sla_target_seconds)) as over_sla`,
      ),
    );
  // Today's figures as the reports count them (issue 18: one model, db/reports), so the monitor
  // and a report of today always agree.
  // The branch's local day, worked out here rather than asked of the database (one round trip fewer).
  const day = new Date().toLocaleDateString('en-CA', { timeZone: branch.timezone });
  const todayNow = readSummary(
    db,
    { branchIds: [branch.id], from: day, to: day, filter: {}, allLive: true },
    'service',
  );
  // H1 "why is this next", per service, with the dispatcher's own policy and recent calls.
  const policyNow = loadPolicy(db, branch.id).then(async (policy) => ({
    policy,
    recent: await recentCalls(db, branch.id, policy),
  }));

  const agentsNow: Promise<AgentRow[]> = db('users as u')
    .leftJoin('shifts as sh', (j) => j.on('sh.user_id', 'u.id').andOnNull('sh.ended_at'))
    .leftJoin('desks as d', 'd.id', 'sh.desk_id')
    .leftJoin('tickets as t', (j) => j.on('t.agent_id', 'u.id').andOnIn('t.status', HELD_STATUSES))
    .where({ 'u.branch_id': branch.id, 'u.role': 'agent', 'u.active': true })
    .orderBy(['u.first_name', 'u.last_name'])
    .select(
      'u.id',
      'u.first_name',
      'u.last_name',
      'sh.id as shift_id',
      'sh.state',
      'sh.next_state',
      'sh.manual_mode',
      'sh.state_since',
      'sh.workflow_id',
      'd.id as desk_id',
      'd.name as desk_name',
      't.id as ticket_id',
      't.number as ticket_number',
      't.status as ticket_status',
      db.raw('extract(epoch from now() - sh.state_since) as in_state'),
      db.raw('extract(epoch from now() - t.status_at) as in_ticket_status'),
    );

  const queueNow: Promise<QueueRow[]> = db('tickets as t')
    .join('services as s', 's.id', 't.service_id')
    .leftJoin('users as u', 'u.id', 't.agent_id')
    .leftJoin('desks as d', 'd.id', 't.desk_id')
    .where('t.branch_id', branch.id)
    .whereIn('t.status', LIVE_STATUSES)
    .orderByRaw(`case t.status when 'attending' then 0 when 'calling' then 1 else 2 end, t.priority desc, t.arrival_at`)
    .limit(100)
    .select(
      't.id',
      't.number',
      't.status',
      't.kind',
      't.priority',
      't.service_id',
      's.label as service_label',
      'd.name as desk_name',
      't.arrival_at',
      't.workflow_id',
      db.raw(`trim(u.first_name || ' ' || u.last_name) as agent_name`),
      db.raw('extract(epoch from now() - t.arrival_at) as waited'),
    );

  const [services, { tickets: sums }, agents, queue, { policy, recent }] = await Promise.all([
    servicesNow,
    todayNow,
    agentsNow,
    queueNow,
    policyNow,
  ]);
  const todayBy = new Map(sums.map((r) => [Number(r.key), r]));
  const now = Date.now();
  const waitingBy = new Map<number, QueueEntry[]>();
  for (const t of queue) {
    if (t.status !== 'waiting') continue;
    const list = waitingBy.get(t.service_id) ?? [];
    list.push({ id: t.id, number: t.number, priority: t.priority, arrivalAt: iso(t.arrival_at) });
    waitingBy.set(t.service_id, list);
  }

  const serviceRows = services.map((s): MonitorService => {
    const f: Record<string, unknown> = todayBy.get(s.id) ?? {};
    return {
      id: s.id,
      name: s.name,
      label: s.label,
      active: s.active,
      departmentId: s.department_id,
      departmentName: s.department_name,
      slaTargetSeconds: s.sla_target_seconds,
      waiting: n(s.waiting),
      calling: n(s.calling),
      attending: n(s.attending),
      finished: n(f.served as Numeric),
      abandoned: ABANDONED_OUTCOMES.reduce((sum, o) => sum + n(f[o] as Numeric), 0),
      longestWaitSeconds: secs(s.longest_wait),
      calledToday: n(f.called as Numeric),
      waitingOverSla: n(s.over_sla),
      withinSla: n(f.within_sla as Numeric),
      slaPercent: slaPercent(n(f.within_sla as Numeric), n(f.called as Numeric), n(s.over_sla)),
      next: explainNext(waitingBy.get(s.id) ?? [], policy, now, recent),
    };
  });
  const agentRows = agents.map((a): MonitorAgent => ({
    userId: a.id,
    name: `${a.first_name} ${a.last_name}`,
    shiftId: a.shift_id,
    state: a.state ?? 'offline',
    nextState: a.next_state,
    manualMode: Boolean(a.manual_mode),
    stateSince: iso(a.state_since),
    secondsInState: secs(a.in_state),
    deskId: a.desk_id,
    deskName: a.desk_name,
    ticket:
      a.ticket_id && a.ticket_number && a.ticket_status
        ? {
            id: a.ticket_id,
            number: a.ticket_number,
            status: a.ticket_status,
            secondsInStatus: secs(a.in_ticket_status),
          }
        : null,
    temporalUrl: temporalLink(a.workflow_id),
  }));
  const byState: BranchSnapshot['agentsByState'] = {};
  for (const a of agentRows) byState[a.state] = (byState[a.state] ?? 0) + 1;
  const called = serviceRows.reduce((s, r) => s + r.calledToday, 0);
  const within = serviceRows.reduce((s, r) => s + r.withinSla, 0);
  const overSla = serviceRows.reduce((s, r) => s + r.waitingOverSla, 0);
  return {
    branch,
    policy,
    generatedAt: new Date(now).toISOString(),
    totals: {
      waiting: serviceRows.reduce((s, r) => s + r.waiting, 0),
      longestWaitSeconds: serviceRows.reduce<number | null>(
        (m, r) =>
          r.longestWaitSeconds !== null && (m === null || r.longestWaitSeconds > m) ? r.longestWaitSeconds : m,
        null,
      ),
      calledToday: called,
      waitingOverSla: overSla,
      withinSla: within,
      slaPercent: slaPercent(within, called, overSla),
    },
    services: serviceRows,
    agents: agentRows,
    agentsByState: byState,
    queue: queue.map((t): MonitorQueueItem => ({
      id: t.id,
      number: t.number,
      status: t.status,
      kind: t.kind,
      priority: t.priority,
      serviceId: t.service_id,
      serviceLabel: t.service_label,
      agentName: t.agent_name || null,
      deskName: t.desk_name,
      arrivalAt: iso(t.arrival_at),
      waitedSeconds: secs(t.waited),
      temporalUrl: temporalLink(t.workflow_id),
    })),
  };
}
