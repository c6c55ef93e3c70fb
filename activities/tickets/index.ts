// Ticket activities, built from their dependencies (STYLE 4). Workflows import only the type.
import type { Db } from '../../db/knex.js';
import type { TicketInput } from '../../domain/ticket-messages.js';
import type { Step } from '../../workflows/tickets/state.js';
import { registerTicket, type RegisterPlan } from './register.js';
import { loadServiceRules } from './rules.js';
import { applyStep, type StepEffects } from './steps.js';

export function createTicketActivities(deps: { db: Db }) {
  const { db } = deps;
  return {
    registerTicket: (input: TicketInput, plan: RegisterPlan) => registerTicket(db, input, plan),
    applyTicketStep: (step: Step, effects?: StepEffects) => applyStep(db, step, effects),
    loadServiceRules: (serviceId: number, branchId: number) => loadServiceRules(db, serviceId, branchId),
  };
}

export type TicketActivities = ReturnType<typeof createTicketActivities>;
