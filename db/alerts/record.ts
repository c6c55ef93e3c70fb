// Raises and clears alerts so that the open ones match the conditions found (conditions.ts), in
// one transaction under an advisory lock: two passes at once (two workers) cannot raise twice,
// and the socket announcements, the supervisors' notifications and the webhook deliveries of a
// change commit with it or not at all.
import type { Knex } from 'knex';
import type { Db } from '../knex.js';
import { announce } from '../announce.js';
import { iso } from '../dates.js';
import { addNotifications } from '../notifications.js';
import { ADMIN_ROLES } from '../../domain/agents.js';
import { ALERT_NOTIFICATION, EVENT_ALERT_KINDS, type Alert, type AlertKind } from '../../domain/alerts.js';
import type { Condition } from './conditions.js';

export interface AlertRow {
  id: string | number;
  entity_id: number;
  branch_id: number;
  kind: AlertKind;
  subject: string;
  service_id: number | null;
  user_id: number | null;
  shift_id: string | null;
  ticket_id: string | null;
  params: Alert['params'];
  raised_at: Date;
  cleared_at: Date | null;
  cleared_by: number | null;
}

export const alertOf = (r: AlertRow): Alert => ({
  id: Number(r.id),
  entityId: r.entity_id,
  kind: r.kind,
  subject: r.subject,
  branchId: r.branch_id,
  serviceId: r.service_id,
  userId: r.user_id,
  shiftId: r.shift_id,
  ticketId: r.ticket_id,
  params: r.params,
  raisedAt: iso(r.raised_at),
  clearedAt: iso(r.cleared_at),
  clearedBy: r.cleared_by ?? null,
});

const key = (c: { kind: string; subject: string }) => `${c.kind} ${c.subject}`;
const sameParams = (a: Alert['params'], b: Alert['params']) => JSON.stringify(a) === JSON.stringify(b);

export interface Reconciled {
  raised: Alert[];
  cleared: Alert[];
}

export async function reconcileAlerts(db: Db, found: Condition[]): Promise<Reconciled> {
  return db.transaction(async (trx) => {
    const { rows } = await trx.raw(`select pg_try_advisory_xact_lock(hashtext('alerts:evaluate')) as got`);
    if (!rows[0].got) return { raised: [], cleared: [] };
    // Event alerts (a low score) are no condition: a pass never finds them, so never clears them.
    const open: AlertRow[] = await trx('alerts')
      .whereNull('cleared_at')
      .whereNotIn('kind', EVENT_ALERT_KINDS)
      .select('*');
    const openBy = new Map(open.map((a) => [key(a), a]));
    const foundBy = new Map(found.map((c) => [key(c), c]));

    const raised: Alert[] = [];
    for (const c of foundBy.values()) {
      const already = openBy.get(key(c));
      if (already) {
        // Still on: its figures follow (how many wait, for how long), without a new announcement.
        if (!sameParams(already.params, c.params))
          await trx('alerts')
            .where({ id: already.id })
            .update({ params: JSON.stringify(c.params) });
        continue;
      }
      const [row]: AlertRow[] = await trx('alerts').insert(rowOf(c)).returning('*');
      raised.push(await announceRaised(trx, row!));
    }
    const ended = open.filter((a) => !foundBy.has(key(a)));
    const cleared: Alert[] = [];
    if (ended.length) {
      const rows: AlertRow[] = await trx('alerts')
        .whereIn(
          'id',
          ended.map((a) => a.id),
        )
        .update({ cleared_at: trx.fn.now() })
        .returning('*');
      for (const row of rows) cleared.push(await announceCleared(trx, row));
    }
    return { raised, cleared };
  });
}

const rowOf = (c: Condition) => ({
  entity_id: c.entityId,
  branch_id: c.branchId,
  kind: c.kind,
  subject: c.subject,
  service_id: c.serviceId,
  user_id: c.userId,
  shift_id: c.shiftId,
  ticket_id: c.ticketId,
  params: JSON.stringify(c.params),
});

/** Told to the supervisors, announced and offered to webhooks: the same for every raise. */
async function announceRaised(trx: Knex.Transaction, row: AlertRow): Promise<Alert> {
  const alert = alertOf(row);
  await notifySupervisors(trx, row.entity_id, alert);
  await publish(trx, row.entity_id, alert, 'raised');
  return alert;
}

async function announceCleared(trx: Knex.Transaction, row: AlertRow): Promise<Alert> {
  const alert = alertOf(row);
  // The bell's notice of it is settled too: nothing is left to read about an alert that ended.
  await trx('notifications')
    .where({ entity_id: row.entity_id, dedupe_key: `alert:${alert.id}` })
    .whereNull('read_at')
    .update({ read_at: trx.fn.now() });
  await publish(trx, row.entity_id, alert, 'cleared');
  return alert;
}

/**
 * Raises an event alert (EVENT_ALERT_KINDS) inside the caller's transaction, once per subject ever:
 * while it is open its figures follow the event (no new announcement); once acknowledged, the same
 * subject does not raise again. Returns the alert raised, or null when there was one already.
 */
export async function raiseEventAlert(trx: Knex.Transaction, c: Condition): Promise<Alert | null> {
  // Serialises two raises of one subject (the unique index covers only open alerts).
  await trx.raw(`select pg_advisory_xact_lock(hashtext(?))`, [`alert:${c.kind}:${c.subject}`]);
  const before: AlertRow | undefined = await trx('alerts')
    .where({ kind: c.kind, subject: c.subject })
    .orderBy('id', 'desc')
    .first('*');
  if (before) {
    if (before.cleared_at === null && !sameParams(before.params, c.params))
      await trx('alerts')
        .where({ id: before.id })
        .update({ params: JSON.stringify(c.params) });
    return null;
  }
  const [row]: AlertRow[] = await trx('alerts').insert(rowOf(c)).returning('*');
  return announceRaised(trx, row!);
}

/**
 * A supervisor acknowledges an open event alert: it clears with them as its actor. Acknowledging
 * it again answers it as it stands (idempotent). The caller has checked reach and kind.
 */
export async function acknowledgeAlert(db: Db, alertId: number, userId: number): Promise<Alert> {
  return db.transaction(async (trx) => {
    const [row]: AlertRow[] = await trx('alerts')
      .where({ id: alertId })
      .whereNull('cleared_at')
      .update({ cleared_at: trx.fn.now(), cleared_by: userId })
      .returning('*');
    if (row) return announceCleared(trx, row);
    const stands: AlertRow = await trx('alerts').where({ id: alertId }).first('*');
    return alertOf(stands);
  });
}

/** The branch's supervisors, branch-less supervisors and the entity's admins (as break caps do). */
async function notifySupervisors(trx: Knex.Transaction, entityId: number, a: Alert): Promise<void> {
  const users: number[] = await trx('users')
    .where({ entity_id: entityId, active: true })
    .whereIn('role', ['supervisor', ...ADMIN_ROLES])
    .where((w) => w.where('branch_id', a.branchId).orWhereNull('branch_id'))
    .pluck('id');
  await addNotifications(
    trx,
    entityId,
    users.map((user_id) => ({
      user_id,
      type: ALERT_NOTIFICATION,
      // The back office words it in the reader's language from `data`; this is for other readers.
      title: `Alert: ${a.kind.replace(/_/g, ' ')}`,
      body: Object.entries(a.params)
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join(', '),
      data: { alertId: a.id, kind: a.kind, branchId: a.branchId, params: a.params },
      dedupe_key: `alert:${a.id}`,
    })),
  );
}

/** Socket announcement (monitor, bell) and webhook deliveries (H8 outbox) of one raise or clear. */
async function publish(trx: Knex.Transaction, entityId: number, a: Alert, state: 'raised' | 'cleared'): Promise<void> {
  const at = state === 'raised' ? a.raisedAt : (a.clearedAt ?? a.raisedAt);
  await announce(trx, {
    kind: 'alert',
    entityId,
    branchId: a.branchId,
    alertId: a.id,
    alertKind: a.kind,
    state,
    at,
  });
  const event = `alert.${state}`;
  const eventKey = `alert:${a.id}:${state}`;
  const payload = { event, key: eventKey, occurredAt: at, entityId, alert: a };
  await trx.raw(
    `insert into webhook_deliveries (webhook_id, event_key, event, payload, next_attempt_at)
     select w.id, ?, ?, ?::jsonb, now() from webhooks w
     where w.entity_id = ? and w.active and (cardinality(w.events) = 0 or ? = any(w.events))
     on conflict (webhook_id, event_key) do nothing`,
    [eventKey, event, JSON.stringify(payload), entityId, event],
  );
}
