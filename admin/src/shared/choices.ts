// Select choices from the shared domain vocabulary; names are translation keys.
import { AGENT_STATES, ASSIGNMENT_KINDS, ROLES } from '@domain/agents';
import { ORDERING_POLICIES } from '@domain/ordering';
import { APPOINTMENT_ENTRIES, TICKET_KINDS, TICKET_STATUSES } from '@domain/tickets';

const toChoices = (values: readonly string[], prefix: string) =>
  values.map((id) => ({ id, name: `ventanilla.${prefix}.${id}` }));

export const statusChoices = toChoices(TICKET_STATUSES, 'status');
export const kindChoices = toChoices(TICKET_KINDS, 'kind');
export const roleChoices = toChoices(ROLES, 'role');
export const assignmentChoices = toChoices(ASSIGNMENT_KINDS, 'assignment');
export const appointmentEntryChoices = toChoices(APPOINTMENT_ENTRIES, 'appointment_entry');
export const policyChoices = toChoices(ORDERING_POLICIES, 'policy');
export const stateChoices = toChoices(AGENT_STATES, 'state');
export const breakStateChoices = toChoices(
  AGENT_STATES.filter((s) => s !== 'online' && s !== 'offline'),
  'state',
);
