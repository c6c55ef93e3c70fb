// The ticket as every ticket route answers it (domain/contracts/tickets.ts): list, show, create
// and each action give the same shape, read from the row after the step committed.
import { namedTicket, toTicket, type TicketNamedRow } from '../../db/tickets/row.js';
import type { Ticket } from '../../domain/contracts/tickets.js';
import { DomainError } from '../../domain/errors.js';
import type { SessionUser } from '../auth/sessions.js';
import type { ApiDeps } from '../deps.js';
import { workflowLinkFor } from '../temporal-ui/links.js';

type Deps = Pick<ApiDeps, 'db' | 'config'>;

/** Maps rows for this user: the Temporal Web UI link is an operator's only (G7). */
export function ticketsFor(d: Pick<ApiDeps, 'config'>, user: SessionUser): (row: TicketNamedRow) => Ticket {
  const link = workflowLinkFor(d.config, user);
  return (row) => toTicket(row, link(row.workflow_id));
}

/** A ticket the caller was already allowed to see or act on (api/tickets/access.ts). */
export async function readTicket(d: Deps, user: SessionUser, ticketId: string): Promise<Ticket> {
  const row = await namedTicket(d.db, ticketId);
  if (!row) throw new DomainError('NotFound', { resource: 'tickets' });
  return ticketsFor(d, user)(row);
}
