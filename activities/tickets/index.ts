// Ticket activities, built from their dependencies (STYLE 4). The workflow sees only their
// contract, domain/ticket-activities.ts, which this factory satisfies.
import type { Client } from '@temporalio/client';
import type { Db } from '../../db/knex.js';
import type { TicketActivities } from '../../domain/ticket-activities.js';
import { registerTicket } from '../../db/tickets/register.js';
import { loadServiceRules } from '../../db/tickets/rules.js';
import { applyStep } from '../../db/tickets/steps.js';
import { customerReachable } from '../../db/messages/reach.js';
import { reserveNextOnEnd } from '../dispatch/handover.js';
import { offerTicket } from '../dispatch/offer.js';

export function createTicketActivities(deps: { db: Db; temporal?: Client }) {
  const { db } = deps;
  return {
    registerTicket: async (input, plan) => {
      const registered = await registerTicket(db, input, plan);
      // Stored first, then offered: a retry finds the ticket and offers it again (a wake-up only).
      // A worker built without a Temporal client (some tests) dispatches nothing at all.
      const { temporal } = deps;
      if (plan.offer && registered.view.status === 'waiting' && temporal)
        await offerTicket(db, () => temporal, registered.view.id);
      return registered;
    },
    applyTicketStep: async (step, effects) => {
      const result = await applyStep(db, step, effects, reserveNextOnEnd);
      // A customer edit may add a contact or a consent: the workflow learns whether it may send now.
      return step.type === 'customer_edited'
        ? { ...result, notify: await customerReachable(db, result.customerId) }
        : result;
    },
    loadServiceRules: (serviceId, branchId) => loadServiceRules(db, serviceId, branchId),
  } satisfies TicketActivities;
}
