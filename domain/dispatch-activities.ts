// The dispatch activities as the ticket and shift workflows call them (STYLE 4). Both workflows
// proxy this interface and the worker's factory implements it (`satisfies`), so workflows/ and
// activities/ meet here instead of importing each other (issue 14).
import type { CallChosenArgs, TicketOffer } from './shift-messages.js';

export interface DispatchAgentArgs {
  shiftId: string;
  skipTicketId: string | null;
  explicit: boolean;
  /** Tickets offered to this shift since its last dispatch: those it does not take go on to the next free shift. */
  offers?: TicketOffer[];
  /** The ticket the agent chose (A12): that one or a refusal saying why, never another. */
  chosen?: CallChosenArgs;
}

/** The ticket dispatch called for the agent, if any. */
export interface Dispatched {
  ticketId: string | null;
  number: string | null;
}

/** What a persisted ticket step means for shifts and dispatch (workflows/shifts/ticket-effects.ts decides). */
export type TicketEffect =
  /** `releasedBy`: the agent who just let it go (a requeue, a transfer), not woken by its offer. */
  | { kind: 'waiting'; ticketId: string; releasedBy?: number }
  | { kind: 'called'; ticketId: string; agentId: number }
  | { kind: 'ended'; ticketId: string; agentId: number };

export interface DispatchActivities {
  /** The agent became free (or asked for the next ticket): claim and call its next ticket. */
  dispatchAgent(a: DispatchAgentArgs): Promise<Dispatched>;
  /** Run by the ticket workflow after a persisted step. */
  ticketEffect(e: TicketEffect): Promise<void>;
  /** A shift that cannot serve now passes the tickets offered to it on to the next free shift. */
  forwardOffers(a: { shiftId: string; offers: TicketOffer[] }): Promise<void>;
}
