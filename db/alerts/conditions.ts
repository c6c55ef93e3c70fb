// The conditions that should have an open alert right now (issue 19), read from the rows that
// already say them: waiting tickets against each service's SLA target and thresholds, open
// shifts against the break caps, and stuck work (db/stuck). Stateless: a pass compares what it
// finds with the open alerts (record.ts) and raises or clears the difference.
import type { Db } from '../knex.js';
import { iso } from '../dates.js';
import { listStuck } from '../stuck/list.js';
import type { AlertKind } from '../../domain/alerts.js';
import type { RuleBook } from './rules.js';

export interface Condition {
  kind: AlertKind;
  subject: string;
  entityId: number;
  branchId: number;
  serviceId: number | null;
  userId: number | null;
  shiftId: string | null;
  ticketId: string | null;
  params: Record<string, string | number | null>;
}

type Numeric = string | number | null;
const n = (v: Numeric): number => Math.round(Number(v ?? 0));

interface ServiceRow {
  service_id: number;
  branch_id: number;
  entity_id: number;
  label: string;
  name: string;
  sla_target_seconds: number;
  waiting: Numeric;
  over_sla: Numeric;
  longest_first_wait: Numeric;
  longest_wait: Numeric;
  online_eligible: Numeric;
}

/** Per active service with someone waiting today: counts, waits and the agents online who may serve it. */
async function serviceConditions(db: Db, rules: RuleBook): Promise<Condition[]> {
  const rows: ServiceRow[] = await db('services as s')
    .join('branches as b', 'b.id', 's.branch_id')
    .join('tickets as t', (j) =>
      j
        .on('t.service_id', 's.id')
        .andOn('t.service_day', '=', db.raw(`(now() at time zone b.timezone)::date`))
        .andOnVal('t.status', 'waiting'),
    )
    .where('s.active', true)
    .groupBy('s.id', 'b.entity_id')
    .select(
      's.id as service_id',
      's.branch_id',
      'b.entity_id',
      's.label',
      's.name',
      's.sla_target_seconds',
      db.raw('count(t.id) as waiting'),
      // The monitor's own definition (api/monitor/snapshot.ts): never called, waited past the target.
      db.raw(
        `count(t.id) filter (where t.called_at is null
          and now() - t.arrival_at > make_interval(secs => s.sla_target_seconds)) as over_sla`,
      ),
      db.raw(`extract(epoch from now() - min(t.arrival_at) filter (where t.called_at is null)) as longest_first_wait`),
      db.raw(`extract(epoch from now() - min(t.arrival_at)) as longest_wait`),
      // Agents in this branch, Online in an open shift, assigned to the service (main or support).
      db.raw(`(select count(*) from shifts sh
          join service_assignments a on a.user_id = sh.user_id and a.service_id = s.id
          join users u on u.id = sh.user_id and u.active
        where sh.ended_at is null and sh.branch_id = s.branch_id and sh.state = 'online') as online_eligible`),
    );
  const out: Condition[] = [];
  for (const r of rows) {
    const rule = rules.forService(r.entity_id, r.branch_id, r.service_id);
    const base = {
      subject: `service:${r.service_id}`,
      entityId: r.entity_id,
      branchId: r.branch_id,
      serviceId: r.service_id,
      userId: null,
      shiftId: null,
      ticketId: null,
    };
    const waiting = n(r.waiting);
    const service = `${r.label} · ${r.name}`;
    if (rule.slaBreach && n(r.over_sla) > 0)
      out.push({
        ...base,
        kind: 'sla_breach',
        params: {
          service,
          count: n(r.over_sla),
          targetSeconds: r.sla_target_seconds,
          longestWaitSeconds: n(r.longest_first_wait),
        },
      });
    if (rule.queueLengthMax !== null && waiting > rule.queueLengthMax)
      out.push({
        ...base,
        kind: 'queue_length',
        params: { service, count: waiting, max: rule.queueLengthMax },
      });
    if (
      rule.unservedAfterSeconds !== null &&
      n(r.online_eligible) === 0 &&
      n(r.longest_wait) >= rule.unservedAfterSeconds
    )
      out.push({
        ...base,
        kind: 'unserved_queue',
        params: { service, count: waiting, afterSeconds: rule.unservedAfterSeconds },
      });
  }
  return out;
}

interface BreakRow {
  shift_id: string;
  user_id: number;
  branch_id: number;
  entity_id: number;
  name: string;
  state: string;
  state_since: Date;
  max_minutes: number;
}

/** Open shifts in a break state longer than the entity's cap for it. */
async function breakConditions(db: Db, rules: RuleBook): Promise<Condition[]> {
  const rows: BreakRow[] = await db('shifts as sh')
    .join('users as u', 'u.id', 'sh.user_id')
    .join('break_caps as c', (j) => j.on('c.entity_id', 'u.entity_id').andOn(db.raw('c.state::text = sh.state::text')))
    .whereNull('sh.ended_at')
    .whereRaw('sh.state_since + make_interval(mins => c.max_minutes) < now()')
    .select(
      'sh.id as shift_id',
      'sh.user_id',
      'sh.branch_id',
      'u.entity_id',
      db.raw(`trim(u.first_name || ' ' || u.last_name) as name`),
      'sh.state',
      'sh.state_since',
      'c.max_minutes',
    );
  return rows
    .filter((r) => rules.forBranch(r.entity_id, r.branch_id).breakOverCap)
    .map((r) => ({
      kind: 'break_over_cap' as const,
      // Each break is its own alert: the next break of the same shift raises again.
      subject: `shift:${r.shift_id}:${iso(r.state_since)}`,
      entityId: r.entity_id,
      branchId: r.branch_id,
      serviceId: null,
      userId: r.user_id,
      shiftId: r.shift_id,
      ticketId: null,
      params: { agent: r.name, state: r.state, since: iso(r.state_since), capMinutes: r.max_minutes },
    }));
}

/** Stuck work (the monitor's "needs attention" list), one alert per item and reason. */
async function stuckConditions(db: Db, rules: RuleBook): Promise<Condition[]> {
  const items = await listStuck(db, {}, 1000);
  if (!items.length) return [];
  const entities = new Map<number, number>(
    (
      (await db('branches')
        .whereIn('id', [...new Set(items.map((i) => i.branchId))])
        .select('id', 'entity_id')) as { id: number; entity_id: number }[]
    ).map((b) => [b.id, b.entity_id]),
  );
  const out: Condition[] = [];
  for (const i of items) {
    const entityId = entities.get(i.branchId);
    if (entityId === undefined || !rules.forBranch(entityId, i.branchId).stuckWork) continue;
    out.push({
      kind: 'stuck_work',
      subject: `stuck:${i.kind}:${i.id}:${i.reason}`,
      entityId,
      branchId: i.branchId,
      serviceId: null,
      userId: i.agentId,
      shiftId: i.kind === 'shift' ? i.id : null,
      ticketId: i.kind === 'ticket' ? i.id : null,
      params: { reason: i.reason, number: i.number, since: i.since },
    });
  }
  return out;
}

export async function currentConditions(db: Db, rules: RuleBook): Promise<Condition[]> {
  const parts = await Promise.all([
    serviceConditions(db, rules),
    breakConditions(db, rules),
    stuckConditions(db, rules),
  ]);
  return parts.flat();
}
