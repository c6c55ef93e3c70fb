// Dispatch and shift-notification activities (STYLE 4). They need a Temporal client: to call
// tickets (callTicket Update) and to tell shift workflows about attentions (signals).
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../../db/knex.js';
import { attentionEnded, attentionStarted } from '../../domain/shift-messages.js';
import type { TicketEffect } from '../../workflows/shifts/ticket-effects.js';
import { dispatchAgent, offerTicket, type DispatchAgentArgs } from './dispatch.js';

export function createDispatchActivities(deps: { db: Db; temporal?: Client }) {
  const { db } = deps;
  const client = (): Client => {
    if (!deps.temporal) throw ApplicationFailure.create({ type: 'Configuration', message: 'Dispatch needs a Temporal client (createActivities deps.temporal).', nonRetryable: true });
    return deps.temporal;
  };

  /** Tells the agent's open shift; a shift that closed meanwhile has nothing left to learn. */
  const tellShift = async (agentId: number, effect: 'called' | 'ended', ticketId: string): Promise<void> => {
    const shift = await db('shifts').where({ user_id: agentId }).whereNull('ended_at').first('workflow_id');
    if (!shift) return;
    const number = ((await db('tickets').where({ id: ticketId }).first('number'))?.number as string | undefined) ?? undefined;
    try {
      await client().workflow.getHandle(shift.workflow_id as string).signal(effect === 'called' ? attentionStarted : attentionEnded, { ticketId, number });
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err; // the shift ended between the read and the signal
    }
  };

  return {
    dispatchAgent: (a: DispatchAgentArgs) => dispatchAgent(db, client(), a),
    /** Run by the ticket workflow after a persisted step (see workflows/shifts/ticket-effects.ts). */
    ticketEffect: async (e: TicketEffect): Promise<void> => {
      if (e.kind === 'waiting') {
        // Nobody online at the branch: nothing to offer (and no Temporal client needed).
        const anyone = await db('tickets as t').join('shifts as s', 's.branch_id', 't.branch_id').where('t.id', e.ticketId)
          .whereNull('s.ended_at').where('s.state', 'online').first('s.id');
        if (anyone) await offerTicket(db, client(), e.ticketId);
      } else {
        await tellShift(e.agentId, e.kind, e.ticketId);
      }
    },
  };
}

export type DispatchActivities = ReturnType<typeof createDispatchActivities>;
