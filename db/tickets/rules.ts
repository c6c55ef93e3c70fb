import { DomainError } from '../../domain/errors.js';
import type { Db } from '../knex.js';
import type { ServiceRules } from '../../domain/ticket-steps.js';

/** The settings of a service the ticket workflow enforces; the service must be in the branch. */
export async function loadServiceRules(db: Db, serviceId: number, branchId: number): Promise<ServiceRules> {
  const s = await db('services as s')
    .join('branches as b', 'b.id', 's.branch_id')
    .where({ 's.id': serviceId, 's.branch_id': branchId })
    .first(
      's.call_timeout_seconds',
      's.max_auto_requeues',
      's.max_attention_minutes',
      's.active',
      's.appointment_entry',
      'b.check_in_window_minutes',
      'b.appointment_grace_minutes',
      's.label',
      'b.code',
    );
  if (!s || !s.active) {
    throw new DomainError(
      'Validation',
      {},
      {
        message: `Service ${serviceId} is not an active service of branch ${branchId}.`,
        fields: { serviceId: { code: 'unknown_reference' } },
      },
    );
  }
  const topicIds: number[] = await db('topics').where({ service_id: serviceId }).orderBy('id').pluck('id');
  return {
    callTimeoutSeconds: s.call_timeout_seconds,
    maxAutoRequeues: s.max_auto_requeues,
    checkInWindowMinutes: s.check_in_window_minutes,
    topicIds,
    maxAttentionMinutes: s.max_attention_minutes,
    appointmentEntry: s.appointment_entry,
    appointmentGraceMinutes: s.appointment_grace_minutes,
    serviceLabel: s.label,
    branchCode: s.code,
  };
}
