// Branch time zones are checked against PostgreSQL's own list: ICU (Intl) still knows zones
// that tzdata dropped (US/Pacific-New), and a branch stored with one of those breaks every
// query that converts its times (the kiosk hung on it). The list is read once per database
// handle and process.
import type { Db } from '../../db/knex.js';
import { DomainError } from '../../domain/errors.js';

const zonesOf = new WeakMap<Db, Promise<Set<string>>>();

function knownZones(db: Db): Promise<Set<string>> {
  let zones = zonesOf.get(db);
  if (!zones) {
    zones = db
      .raw<{ rows: { name: string }[] }>('select name from pg_timezone_names')
      .then(({ rows }) => new Set(rows.map((r) => r.name)));
    // A failed read is not cached: the next request asks again.
    zones.catch(() => zonesOf.delete(db));
    zonesOf.set(db, zones);
  }
  return zones;
}

export async function assertTimezone(db: Db, timezone: string): Promise<void> {
  if ((await knownZones(db)).has(timezone)) return;
  throw new DomainError(
    'Validation',
    { timezone },
    { message: `Unknown time zone ${timezone}.`, fields: { timezone: { code: 'invalid_timezone' } } },
  );
}
