// H5/H6, issue 20: the kiosk issues a ticket — for a service, optionally with a priority the
// entity configured (elderly, pregnant…) and the customer's ID number, phone or e-mail with her
// consent per channel (db/customers/kiosk.ts: linked, never shown). The answer carries the ticket
// and its status link only: nothing of any customer.
import { kioskCustomer } from '../../db/customers/kiosk.js';
import type { KioskTicket } from '../../domain/contracts/public.js';
import { DomainError } from '../../domain/errors.js';
import type { ApiDeps } from '../deps.js';
import { fieldRefusal } from '../http/reach.js';
import { createTicket } from '../tickets/create.js';
import { KIOSK } from './check-in.js';
import { activeBranch } from './queries.js';
import type { KioskBody } from './schemas.js';
import type { z } from 'zod';
import { statusLink } from './tokens.js';

export async function issueKioskTicket(
  deps: Pick<ApiDeps, 'db' | 'temporal' | 'taskQueue'>,
  branchId: number,
  body: z.infer<typeof KioskBody>,
): Promise<KioskTicket> {
  const branch = await activeBranch(deps.db, branchId);
  const service: { id: number; name: string; active: boolean; virtual_enabled: boolean } | undefined = await deps
    .db('services')
    .where({ id: body.serviceId, branch_id: branchId })
    .first('id', 'name', 'active', 'virtual_enabled');
  if (!service) throw new DomainError('Validation', {}, { fields: { serviceId: { code: 'unknown_reference' } } });
  if (body.priorityId) {
    // The kiosk offers the entity's levels above normal marked for it (queries.ts kioskPriorities); nothing else is taken.
    const p = await deps
      .db('priorities')
      .where({ id: body.priorityId, entity_id: branch.entityId, at_kiosk: true })
      .where('level', '>', 0)
      .first('id');
    if (!p) throw fieldRefusal('priorityId', 'unknown_reference', 'Not a priority this kiosk offers.');
  }
  const customerId = body.customer
    ? await deps.db.transaction((trx) => kioskCustomer(trx, branch.entityId, body.customer!, body.lang))
    : undefined;
  const view = await createTicket(
    deps,
    {
      entityId: branch.entityId,
      branchId,
      serviceId: body.serviceId,
      virtualEnabled: service.virtual_enabled,
      active: service.active,
    },
    { serviceId: body.serviceId, kind: 'turn', customerId, priorityId: body.priorityId },
    KIOSK,
  );
  return {
    number: view.number,
    serviceName: service.name,
    issuedAt: new Date().toISOString(),
    ...(await statusLink(deps.db, view.id)),
  };
}
