// Stuck work as health and the monitor see it (issue 12, item 5): the `stuck_work` rows the
// activity guard and the sweeper write, plus what the ticket rows say by themselves — calling past
// the call deadline plus a margin, attending longer than the service's maximum.
import { CALL_CLOCK_STEPS } from '../../domain/tickets.js';
import { iso } from '../dates.js';
import type { Db } from '../knex.js';
import { CALL_OVERDUE_MARGIN_SECONDS, type StuckItem, type StuckReason } from '../../domain/stuck.js';

/** One row of the union below: stored rows and overdue tickets select the same columns. */
interface StuckRow {
  kind: StuckItem['kind'];
  id: string;
  workflow_id: string;
  branch_id: number;
  reason: StuckReason;
  since: Date;
  number: string | null;
  agent_id: number | null;
  activity: string | null;
  attempt: number | null;
  last_error: string | null;
}

export interface StuckScope {
  branchId?: number;
  entityId?: number;
}

function stored(db: Db, s: StuckScope) {
  const q = db('stuck_work as w')
    .leftJoin('tickets as t', 't.id', 'w.ticket_id')
    .leftJoin('shifts as sh', 'sh.id', 'w.shift_id')
    .select(
      'w.kind',
      db.raw('coalesce(w.ticket_id::text, w.shift_id::text) as id'),
      'w.workflow_id',
      'w.branch_id',
      'w.reason',
      'w.since',
      't.number',
      db.raw('coalesce(t.agent_id, sh.user_id) as agent_id'),
      'w.activity',
      'w.attempt',
      'w.last_error',
    );
  if (s.branchId !== undefined) void q.where('w.branch_id', s.branchId);
  if (s.entityId !== undefined) void q.where('w.entity_id', s.entityId);
  return q;
}

/**
 * Calling past the deadline (last call, recall or the customer's "on my way" + the service's call
 * time-out, as the workflow counts it) plus a margin.
 */
function callOverdue(db: Db, s: StuckScope) {
  const lastCall = db.raw(
    `coalesce((select max(e.at) from ticket_events e where e.ticket_id = t.id and e.service_day = t.service_day and e.type in (?)), t.called_at)`,
    [[...CALL_CLOCK_STEPS]],
  );
  const q = db('tickets as t')
    .join('services as sv', 'sv.id', 't.service_id')
    .where('t.status', 'calling')
    .whereRaw(`? + make_interval(secs => sv.call_timeout_seconds + ?) < now()`, [lastCall, CALL_OVERDUE_MARGIN_SECONDS])
    .select(
      db.raw(`'ticket' as kind`),
      db.raw('t.id::text as id'),
      't.workflow_id',
      't.branch_id',
      db.raw(`'call_overdue' as reason`),
      db.raw(`? + make_interval(secs => sv.call_timeout_seconds) as since`, [lastCall]),
      't.number',
      't.agent_id',
      db.raw('null as activity'),
      db.raw('null::int as attempt'),
      db.raw('null as last_error'),
    );
  if (s.branchId !== undefined) void q.where('t.branch_id', s.branchId);
  if (s.entityId !== undefined) void q.where('t.entity_id', s.entityId);
  return q;
}

/** Attending longer than the service's maximum attention. */
function attentionOverdue(db: Db, s: StuckScope) {
  const q = db('tickets as t')
    .join('services as sv', 'sv.id', 't.service_id')
    .where('t.status', 'attending')
    .whereRaw(`t.attending_at + make_interval(mins => sv.max_attention_minutes) < now()`)
    .select(
      db.raw(`'ticket' as kind`),
      db.raw('t.id::text as id'),
      't.workflow_id',
      't.branch_id',
      db.raw(`'attention_overdue' as reason`),
      db.raw('t.attending_at + make_interval(mins => sv.max_attention_minutes) as since'),
      't.number',
      't.agent_id',
      db.raw('null as activity'),
      db.raw('null::int as attempt'),
      db.raw('null as last_error'),
    );
  if (s.branchId !== undefined) void q.where('t.branch_id', s.branchId);
  if (s.entityId !== undefined) void q.where('t.entity_id', s.entityId);
  return q;
}

/** Every overdue call and attention, all branches: the sweeper flags their workflows (VtStuck). */
export async function listOverdue(db: Db, limit = 1000): Promise<{ workflowId: string; reason: StuckReason }[]> {
  const all = callOverdue(db, {}).unionAll([attentionOverdue(db, {})], true);
  const rows: Pick<StuckRow, 'workflow_id' | 'reason'>[] = await db
    .select('workflow_id', 'reason')
    .from(all.as('u'))
    .limit(limit);
  return rows.map((r) => ({ workflowId: r.workflow_id, reason: r.reason }));
}

export async function listStuck(db: Db, scope: StuckScope = {}, limit = 200): Promise<StuckItem[]> {
  const all = stored(db, scope).unionAll([callOverdue(db, scope), attentionOverdue(db, scope)], true);
  const rows: StuckRow[] = await db.select('*').from(all.as('u')).orderBy('since').limit(limit);
  // A ticket both stored and overdue is listed once, with the stored (more precise) reason.
  const seen = new Set<string>();
  const out: StuckItem[] = [];
  for (const r of rows) {
    const key = `${r.kind}:${r.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      kind: r.kind,
      id: r.id,
      workflowId: r.workflow_id,
      branchId: r.branch_id,
      reason: r.reason,
      since: iso(r.since),
      number: r.number,
      agentId: r.agent_id,
      activity: r.activity,
      attempt: r.attempt,
      lastError: r.last_error,
    });
  }
  return out;
}

/** Counts per reason, for /api/health. */
export async function countStuck(db: Db): Promise<Record<StuckReason, number>> {
  const items = await listStuck(db, {}, 10_000);
  const counts: Record<StuckReason, number> = {
    activity_retrying: 0,
    workflow_closed: 0,
    call_overdue: 0,
    attention_overdue: 0,
  };
  for (const i of items) counts[i.reason] += 1;
  return counts;
}
