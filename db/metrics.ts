// The figures Prometheus reads from the database on each scrape (issue 15). Both stay cheap at a
// year of history: the waiting tickets come from the partial index tickets_waiting_idx, and the
// recent calls from tickets_branch_called, one branch at a time.
import type { Db } from './knex.js';

export interface QueueFigure {
  branchId: number;
  serviceId: number;
  waiting: number;
  /** Seconds the longest-waiting ticket has waited (0 when none waits). */
  oldestSeconds: number;
}

/** Every active service's waiting tickets, empty queues included (so a drained queue reads 0). */
export async function queueFigures(db: Db): Promise<QueueFigure[]> {
  const rows: { branch_id: number; service_id: number; waiting: string; oldest: string | null }[] = await db(
    'services as s',
  )
    .leftJoin('tickets as t', (j) => j.on('t.service_id', 's.id').andOnVal('t.status', 'waiting'))
    .where('s.active', true)
    .groupBy('s.id', 's.branch_id')
    .select(
      's.branch_id',
      's.id as service_id',
      db.raw('count(t.id) as waiting'),
      db.raw('extract(epoch from now() - min(coalesce(t.queued_at, t.arrival_at))) as oldest'),
    );
  return rows.map((r) => ({
    branchId: r.branch_id,
    serviceId: r.service_id,
    waiting: Number(r.waiting),
    oldestSeconds: Math.max(0, Number(r.oldest ?? 0)),
  }));
}

export interface DispatchFigure {
  branchId: number;
  calls: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Waiting → calling (seconds) of the tickets each branch called in the last `minutes`. */
export async function dispatchFigures(db: Db, minutes = 5): Promise<DispatchFigure[]> {
  const { rows } = await db.raw<{
    rows: { branch_id: number; calls: string; p50: number; p95: number; p99: number }[];
  }>(
    `select b.id as branch_id, w.calls, w.p50, w.p95, w.p99
     from branches b
     cross join lateral (
       select count(*) as calls,
         percentile_cont(0.5) within group (order by extract(epoch from t.called_at - coalesce(t.queued_at, t.arrival_at))) as p50,
         percentile_cont(0.95) within group (order by extract(epoch from t.called_at - coalesce(t.queued_at, t.arrival_at))) as p95,
         percentile_cont(0.99) within group (order by extract(epoch from t.called_at - coalesce(t.queued_at, t.arrival_at))) as p99
       from tickets t
       where t.branch_id = b.id and t.called_at > now() - make_interval(mins => ?)
         and t.called_at >= coalesce(t.queued_at, t.arrival_at)
     ) w
     where w.calls > 0`,
    [minutes],
  );
  return rows.map((r) => ({
    branchId: r.branch_id,
    calls: Number(r.calls),
    p50: Math.max(0, Number(r.p50)),
    p95: Math.max(0, Number(r.p95)),
    p99: Math.max(0, Number(r.p99)),
  }));
}
