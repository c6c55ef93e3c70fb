// Issue 19: every create, update and delete of configuration is written to config_audit in the
// same transaction as the change itself, with the record as the API shows it (so no secret a
// reader could not already see) before and after.
import type { Knex } from 'knex';
import type { Db } from '../../db/knex.js';
import { changedFields, UNLOGGED_FIELD, type AuditAction } from '../../domain/config-audit.js';
import type { SessionUser } from '../auth/sessions.js';

type Json = Record<string, unknown>;

/** The record as the log keeps it: its JSON without credentials. */
const logged = (record: Json | null): Json | null =>
  record && Object.fromEntries(Object.entries(record).filter(([k]) => !UNLOGGED_FIELD.test(k)));

/** The branch a record belongs to: its own, a branch itself, or its service's (topics, assignments). */
async function branchOf(db: Db | Knex.Transaction, resource: string, r: Json): Promise<number | null> {
  if (resource === 'branches') return Number(r.id);
  if (typeof r.branchId === 'number') return r.branchId;
  if (typeof r.serviceId === 'number') {
    const s: { branch_id: number } | undefined = await db('services').where({ id: r.serviceId }).first('branch_id');
    return s?.branch_id ?? null;
  }
  return null;
}

/** A credential written by an update (a password's hash, a webhook's secret), by the name a reader knows. */
const credentialsIn = (written: string[]): string[] =>
  written.filter((k) => UNLOGGED_FIELD.test(k)).map((k) => (/password/i.test(k) ? 'password' : k));

/**
 * Records one change; an update that changed nothing (same values) leaves no entry. `written`:
 * the columns an update wrote, so that a new password or secret is on the log as changed,
 * without its value.
 */
export async function recordChange(
  db: Db | Knex.Transaction,
  u: SessionUser,
  resource: string,
  action: AuditAction,
  beforeRecord: Json | null,
  afterRecord: Json | null,
  written: string[] = [],
): Promise<void> {
  const before = logged(beforeRecord);
  const after = logged(afterRecord);
  const changed = [...new Set([...changedFields(before, after), ...credentialsIn(written)])].sort();
  if (action === 'update' && changed.length === 0) return;
  const record = (after ?? before) as Json;
  await db('config_audit').insert({
    entity_id: u.entityId,
    branch_id: await branchOf(db, resource, record),
    resource,
    record_id: Number(record.id),
    action,
    actor_id: u.id,
    actor_name: `${u.firstName} ${u.lastName}`.trim(),
    before: before && JSON.stringify(before),
    after: after && JSON.stringify(after),
    changed,
  });
}
