// Create a ticket or appointment (B6, H5): validate against the user's entity, then start the
// ticket workflow and number and store the ticket beside it (workflows/tickets/client.ts).
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import type { TicketView } from '../../domain/ticket-messages.js';
import type { Actor } from '../../domain/tickets.js';
import type { ApiDeps } from '../deps.js';
import type { CreateTicketBody } from './schemas.js';
import { refuseKnownCustomer } from './customers.js';
import { startTicket } from '../../workflows/tickets/client.js';

export async function createTicket(
  d: Pick<ApiDeps, 'db' | 'temporal' | 'taskQueue'>,
  scope: { entityId: number; branchId: number; serviceId: number; virtualEnabled: boolean; active: boolean },
  body: z.infer<typeof CreateTicketBody>,
  actor: Actor,
  ticketId: string = randomUUID(),
): Promise<TicketView> {
  if (!scope.active) throw new DomainError('ServiceClosed', {}, { field: 'serviceId' });
  if (body.kind === 'virtual' && !scope.virtualEnabled) throw new DomainError('NoVirtual', {}, { field: 'kind' });
  if (body.customerId) {
    const c = await d.db('customers').where({ id: body.customerId, entity_id: scope.entityId }).first('id');
    if (!c) throw new DomainError('Validation', {}, { fields: { customerId: { code: 'unknown_reference' } } });
  }
  if (body.priorityId) {
    const p = await d.db('priorities').where({ id: body.priorityId, entity_id: scope.entityId }).first('id');
    if (!p) throw new DomainError('Validation', {}, { fields: { priorityId: { code: 'unknown_reference' } } });
  }
  // Staff are asked before a known customer is used; the kiosk and other public routes link her
  // silently and show nothing of her (the activity never changes an existing customer).
  if (body.customer && actor.type === 'user')
    await refuseKnownCustomer(d.db, scope.entityId, body.customer, null, 'customer.');
  if (body.scheduledAt && Date.parse(body.scheduledAt) < Date.now() - 3600_000) {
    throw new DomainError('AppointmentInPast', {}, { field: 'scheduledAt' });
  }
  return startTicket(
    d.temporal,
    d.taskQueue,
    {
      ticketId,
      entityId: scope.entityId,
      branchId: scope.branchId,
      serviceId: scope.serviceId,
      kind: body.kind,
      customerId: body.customerId,
      priorityId: body.priorityId,
      scheduledAt: body.scheduledAt,
      actor,
      newCustomer: body.customer ? { ...body.customer, lastName: body.customer.lastName ?? '' } : undefined,
    },
    { db: d.db },
  );
}
