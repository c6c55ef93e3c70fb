// Dispatch and shift-notification activities (STYLE 4), satisfying domain/dispatch-activities.ts.
// They need a Temporal client: to call tickets (callTicket Update) and to tell shift workflows
// about attentions (signals).
import type { Client } from '@temporalio/client';
import { DomainError } from '../../domain/errors.js';
import type { Db } from '../../db/knex.js';
import type { DispatchActivities } from '../../domain/dispatch-activities.js';
import { dispatchAgent } from './dispatch.js';
import { forwardOffers, offerTicket } from './offer.js';
import { tellShift } from '../../workflows/shifts/client.js';

export function createDispatchActivities(deps: { db: Db; temporal?: Client }) {
  const { db } = deps;
  const client = (): Client => {
    if (!deps.temporal)
      throw new DomainError(
        'Internal',
        {},
        { message: 'Dispatch needs a Temporal client (createActivities deps.temporal).' },
      );
    return deps.temporal;
  };

  return {
    dispatchAgent: (a) => dispatchAgent(db, client(), a),
    /** Run by the ticket workflow after a persisted step (see workflows/shifts/ticket-effects.ts). */
    ticketEffect: async (e) => {
      if (e.kind === 'waiting') {
        await offerTicket(db, client, e.ticketId, { exceptAgentId: e.releasedBy });
      } else {
        await tellShift(db, client(), e.agentId, e.kind, e.ticketId);
      }
    },
    forwardOffers: (a) => forwardOffers(db, client, a.shiftId, a.offers),
  } satisfies DispatchActivities;
}
