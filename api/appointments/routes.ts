// /api/appointments: booked visits (H6). Each is driven by its ticket workflow (G1): booking
// starts it, and confirming, checking in or cancelling go through the ticket's actions.
import type { ApiDeps } from '../deps.js';
import { actorOf } from '../auth/middleware.js';
import { crudRoutes, type CrudResource } from '../http/crud.js';
import { idempotencyKey, uuidFromKey } from '../http/idempotency.js';
import { inReach } from '../http/reach.js';
import { loadServiceFor } from '../tickets/access.js';
import { createTicket } from '../tickets/create.js';
import { Appointment } from '../../db/models/appointment.js';
import { DomainError } from '../../domain/errors.js';
import { AppointmentCreate, AppointmentFilter } from './schemas.js';
import type { z } from 'zod';

/** An appointment follows its ticket: its steps are the ticket's actions. */
const throughTicket = () =>
  new DomainError(
    'NotWritable',
    { resource: 'appointments' },
    {
      message:
        'An appointment follows its ticket: confirm, check in or cancel it with POST /api/tickets/{ticketId}/confirm | check-in | cancel.',
    },
  );

export function appointments(deps: ApiDeps): CrudResource<Appointment> {
  return {
    name: 'appointments',
    model: Appointment,
    fields: {
      id: 'appointments.id',
      branchId: 'appointments.branch_id',
      serviceId: 'appointments.service_id',
      customerId: 'appointments.customer_id',
      scheduledAt: 'appointments.scheduled_at',
      status: 'appointments.status',
      createdAt: 'appointments.created_at',
    },
    defaultSort: ['scheduledAt', 'asc'],
    filter: AppointmentFilter,
    create: AppointmentCreate,
    computed: ['ticketId'],
    scope: (q, u) => {
      void q.where('appointments.entity_id', u.entityId).whereRaw(...inReach('appointments.branch_id', u));
      // The ticket that drives it, so the back office can act on it.
      void q.select(
        'appointments.*',
        deps.db.raw('(select t.id from tickets t where t.appointment_id = appointments.id) as ticket_id'),
      );
    },
    refuse: (_u, op) => (op === 'create' ? undefined : throughTicket()),
    toRow: async () => {
      throw throughTicket();
    },
    insert: async (db, u, body, req) => {
      const b = body as z.infer<typeof AppointmentCreate>;
      const service = await loadServiceFor(db, u, b.serviceId);
      const key = idempotencyKey(req, `u${u.id}:appointment`);
      const view = await createTicket(
        deps,
        {
          entityId: u.entityId,
          branchId: service.branchId,
          serviceId: service.id,
          virtualEnabled: service.virtualEnabled,
          active: service.active,
        },
        { ...b, kind: 'appointment' },
        actorOf(u),
        key ? uuidFromKey(key) : undefined,
      );
      const row = await db('tickets').where({ id: view.id }).first('appointment_id');
      return row.appointment_id as number;
    },
  };
}

export const appointmentRoutes = (deps: ApiDeps) => crudRoutes(deps, appointments(deps));
