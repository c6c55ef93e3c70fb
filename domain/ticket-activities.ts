// The ticket activities as the ticket workflow calls them (STYLE 4). The workflow proxies this
// interface and the worker's factory implements it (`satisfies`), so workflows/ and activities/
// meet here instead of importing each other (issue 14).
import type { CustomerFields, TicketInput, TicketView } from './ticket-messages.js';
import type { ServiceRules, Step } from './ticket-steps.js';

export interface RegisterPlan {
  /** Workflow time of creation: the arrival time, and the clock for the check-in window. */
  at: string;
  /**
   * Offer a ticket that starts waiting to a free shift once it is stored, in this same activity
   * (issue 15: one step less before a kiosk's ticket is answered). Runs before this existed
   * offered it from a separate effect afterwards.
   */
  offer?: boolean;
  /** The service's rules already read by whoever issued the ticket (issue 15): not read again. */
  rules?: ServiceRules;
}

export interface Registered {
  view: TicketView;
  rules: ServiceRules;
  customerName: string | null;
  /** Issue 20: whether the customer can be sent messages (a consented channel with its contact). */
  notify?: boolean;
  /** Issue 20: when an appointment's reminder is due (its service's lead time before it); absent: none. */
  remindAt?: string;
}

export interface StepEffects {
  /** For customer_edited: the fields to write (kept out of the timeline, which logs names only). */
  customer?: CustomerFields;
  /** For customer_edited: link this existing customer of the entity instead (nothing of hers changes). */
  linkCustomerId?: number;
}

export interface StepResult {
  customerId: number | null;
  /** Issue 20: after a customer edit, whether the ticket's customer can now be sent messages. */
  notify?: boolean;
}

export interface TicketActivities {
  /** First step of every ticket: number it and write its row; a retry returns the same ticket. */
  registerTicket(input: TicketInput, plan: RegisterPlan): Promise<Registered>;
  /** Persists one step exactly once (its timeline seq is the key). */
  applyTicketStep(step: Step, effects?: StepEffects): Promise<StepResult>;
  loadServiceRules(serviceId: number, branchId: number): Promise<ServiceRules>;
}
