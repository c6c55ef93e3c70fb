// The timeline (ticket_events) is partitioned by month of its ticket's service day (issue 18):
// a year of a busy bank's steps is millions of rows, and a month that is no longer written stays
// cheap to keep, vacuum and back up. A default partition takes any month not created yet, so a
// step is never refused for want of a partition; this upkeep creates the coming months ahead and
// moves whatever landed in the default partition into a month of its own.
import type { Knex } from 'knex';

/** How far ahead months are created: appointments are booked weeks ahead, and the job may stop for a while. */
export const MONTHS_AHEAD = 3;
// One upkeep at a time across workers (a transaction-scoped advisory lock; the number is arbitrary but fixed).
const LOCK = 7_182_018;

const monthStart = (d: Date): Date => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
const addMonths = (d: Date, n: number): Date => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
const ymd = (d: Date): string => d.toISOString().slice(0, 10);
/** The partition of the month starting at `d`: ticket_events_y2026m11. */
export const partitionName = (d: Date): string =>
  `ticket_events_y${d.getUTCFullYear()}m${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

async function existing(trx: Knex.Transaction): Promise<Set<string>> {
  const { rows } = await trx.raw<{ rows: { name: string }[] }>(
    `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
     join pg_class p on p.oid = i.inhparent where p.relname = 'ticket_events'`,
  );
  return new Set(rows.map((r) => r.name));
}

/**
 * Creates the month partitions from `from` (default: this month) to MONTHS_AHEAD months ahead,
 * and a month of its own for every month found in the default partition (its rows moved there).
 * Idempotent; returns the partitions it created.
 */
export async function ensureTimelinePartitions(db: Knex, opts: { from?: Date; now?: Date } = {}): Promise<string[]> {
  return db.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(?)', [LOCK]);
    const have = await existing(trx);
    const months = new Map<string, Date>();
    const now = monthStart(opts.now ?? new Date());
    for (let m = monthStart(opts.from ?? now); m <= addMonths(now, MONTHS_AHEAD); m = addMonths(m, 1)) {
      months.set(partitionName(m), m);
    }
    const stray = await trx.raw<{ rows: { m: string }[] }>(
      `select distinct to_char(date_trunc('month', service_day), 'YYYY-MM-DD') as m from ticket_events_default`,
    );
    for (const { m } of stray.rows) months.set(partitionName(new Date(`${m}T00:00:00Z`)), new Date(`${m}T00:00:00Z`));

    const created: string[] = [];
    for (const [name, m] of [...months].sort(([a], [b]) => a.localeCompare(b))) {
      if (have.has(name)) continue;
      const [a, b] = [ymd(m), ymd(addMonths(m, 1))];
      const strays = await trx.raw<{ rows: unknown[] }>(
        'select 1 from ticket_events_default where service_day >= ? and service_day < ? limit 1',
        [a, b],
      );
      if (strays.rows.length === 0) {
        await trx.raw(`create table ${name} partition of ticket_events for values from ('${a}') to ('${b}')`);
      } else {
        // A month that landed in the default partition: PostgreSQL refuses a new partition while
        // the default holds its rows, so the default steps aside while they move.
        await trx.raw('alter table ticket_events detach partition ticket_events_default');
        await trx.raw(`create table ${name} partition of ticket_events for values from ('${a}') to ('${b}')`);
        await trx.raw(
          `with moved as (delete from ticket_events_default where service_day >= ? and service_day < ? returning *)
           insert into ${name} select * from moved`,
          [a, b],
        );
        await trx.raw('alter table ticket_events attach partition ticket_events_default default');
      }
      created.push(name);
    }
    return created;
  });
}
