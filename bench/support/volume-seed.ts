// Seeds the big branch's history in SQL: whole days per batch, one transaction each, progress
// after each; then the day counters, VACUUM ANALYZE (a database in service has been vacuumed
// and analysed; a fresh bulk load has neither visibility map nor statistics) and the size.
import type { Db } from '../../db/knex.js';
import { TOPICS_PER_SERVICE, type VolumeOrg } from './volume-org.js';
import * as Q from './volume-seed-sql.js';
import { ensureTimelinePartitions } from '../../db/history/partitions.js';

export interface SeedResult {
  tickets: number;
  events: number;
  shifts: number;
  seconds: number;
  dbSize: string;
  dbBytes: number;
  todayCompressed: boolean;
}

const BATCH_TICKETS = 50_000;
const pgArray = (v: (string | number)[]) =>
  `{${v.map((x) => (typeof x === 'number' ? x : `"${x.replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;

export async function seedHistory(
  db: Db,
  org: VolumeOrg,
  opts: { tickets: number; days: number; say: (l: string) => void },
): Promise<SeedResult> {
  const started = performance.now();
  const { big } = org;
  const names = await Promise.all(
    big.agents.map(async (a) => {
      const u: { first_name: string; last_name: string } = await db('users')
        .where({ id: a.id })
        .first('first_name', 'last_name');
      return `${u.first_name} ${u.last_name}`;
    }),
  );
  // Seconds of today already gone in the branch's time zone: if the day template (07:50 + ~11 h)
  // would not have ended yet, today is squeezed into what has passed (volume-seed-sql.ts).
  const {
    rows: [clock],
  } = await db.raw(
    `select extract(epoch from now() - cast(cast((now() at time zone ?) as date) as timestamp) at time zone ?) as gone`,
    [org.timezone, org.timezone],
  );
  const gone = Number(clock.gone) - 60;
  // The timeline's months for the whole history exist before it is written (the worker's upkeep
  // would otherwise move a year of steps out of the default partition on its next pass).
  await ensureTimelinePartitions(db, { from: new Date(Date.now() - (opts.days + 2) * 86_400_000) });
  const compress = gone < 7 * 3600 + 50 * 60 + Q.TEMPLATE_SECONDS;
  const params = {
    entityId: org.entityId,
    branchId: big.branchId,
    tz: org.timezone,
    n: opts.tickets,
    d: opts.days,
    services: pgArray(big.serviceIds),
    labels: pgArray(big.labels),
    topics: pgArray(big.topicIds),
    agents: pgArray(big.agents.map((a) => a.id)),
    desks: pgArray(big.agents.map((a) => a.deskId)),
    names: pgArray(names),
    nServices: big.serviceIds.length,
    nAgents: big.agents.length,
    topicsPerService: TOPICS_PER_SERVICE,
    compress,
    scale: Math.max(gone, 60) / Q.TEMPLATE_SECONDS,
  };
  if (compress)
    opts.say(`today's history is squeezed into the ${Math.round(gone / 60)} min of today already gone (branch time)`);

  const daysPerBatch = Math.max(1, Math.floor((BATCH_TICKETS * opts.days) / opts.tickets));
  let tickets = 0;
  let events = 0;
  let shifts = 0;
  for (let k0 = 0; k0 < opts.days; k0 += daysPerBatch) {
    const k1 = Math.min(opts.days, k0 + daysPerBatch);
    const t = performance.now();
    const counts = await db.transaction(async (trx) => {
      const b = { ...params, k0, k1 };
      for (const sql of Q.CREATE_STAGING) await trx.raw(sql);
      await trx.raw(Q.STAGE_TICKETS, b);
      const n = (await trx.raw(Q.INSERT_TICKETS, b)).rowCount as number;
      const e = (await trx.raw(Q.INSERT_EVENTS, b)).rowCount as number;
      await trx.raw(Q.INSERT_TOPICS, b);
      await trx.raw(Q.STAGE_SHIFTS, b);
      const s = (await trx.raw(Q.INSERT_SHIFTS, b)).rowCount as number;
      await trx.raw(Q.INSERT_PERIODS, b);
      return { n, e, s };
    });
    tickets += counts.n;
    events += counts.e;
    shifts += counts.s;
    const pct = Math.round((100 * tickets) / opts.tickets);
    opts.say(
      `seed: days ${k0}–${k1 - 1} ago · ${counts.n.toLocaleString('en')} tickets, ${counts.e.toLocaleString('en')} events in ${((performance.now() - t) / 1000).toFixed(1)} s · ${tickets.toLocaleString('en')} / ${opts.tickets.toLocaleString('en')} (${pct} %)`,
    );
  }
  await db.raw(Q.INSERT_COUNTERS, { branchId: big.branchId });
  opts.say('seed: VACUUM ANALYZE…');
  const v = performance.now();
  await db.raw('vacuum analyze');
  opts.say(`seed: VACUUM ANALYZE took ${((performance.now() - v) / 1000).toFixed(1)} s`);
  const {
    rows: [size],
  } = await db.raw(
    'select pg_database_size(current_database()) as bytes, pg_size_pretty(pg_database_size(current_database())) as pretty',
  );
  return {
    tickets,
    events,
    shifts,
    seconds: (performance.now() - started) / 1000,
    dbSize: size.pretty as string,
    dbBytes: Number(size.bytes),
    todayCompressed: compress,
  };
}
