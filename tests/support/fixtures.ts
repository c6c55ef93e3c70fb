// Small organisations for tests, written straight to the test database.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/knex.js';
import type { TicketInput } from '../../domain/ticket-messages.js';
import type { Actor, AppointmentEntry } from '../../domain/tickets.js';

export interface Org {
  entityId: number;
  branchId: number;
  services: { id: number; label: string; topicIds: number[] }[];
  deskIds: number[];
  agents: { id: number; actor: Actor }[];
  supervisor: Actor;
}

export async function createOrg(
  db: Db,
  opts: {
    services?: {
      label: string;
      callTimeoutSeconds?: number;
      maxAutoRequeues?: number;
      appointmentEntry?: AppointmentEntry;
    }[];
    agents?: number;
    checkInWindowMinutes?: number;
    appointmentGraceMinutes?: number;
  } = {},
): Promise<Org> {
  const slug = `e${randomUUID().slice(0, 8)}`;
  const [{ id: entityId }] = await db('entities')
    .insert({ name: `Entity ${slug}`, slug })
    .returning('id');
  const [{ id: branchId }] = await db('branches')
    .insert({
      entity_id: entityId,
      name: 'Test branch',
      code: 'TST',
      check_in_window_minutes: opts.checkInWindowMinutes ?? 15,
      ...(opts.appointmentGraceMinutes !== undefined
        ? { appointment_grace_minutes: opts.appointmentGraceMinutes }
        : {}),
    })
    .returning('id');
  const [{ id: departmentId }] = await db('departments').insert({ branch_id: branchId, name: 'Dept' }).returning('id');
  const services = [];
  for (const s of opts.services ?? [{ label: 'A' }, { label: 'B' }]) {
    const [{ id }] = await db('services')
      .insert({
        branch_id: branchId,
        department_id: departmentId,
        name: `Service ${s.label}`,
        label: s.label,
        call_timeout_seconds: s.callTimeoutSeconds ?? 300,
        max_auto_requeues: s.maxAutoRequeues ?? 1,
        ...(s.appointmentEntry ? { appointment_entry: s.appointmentEntry } : {}),
      })
      .returning('id');
    const topics = await db('topics')
      .insert([
        { service_id: id, name: 'T1' },
        { service_id: id, name: 'T2' },
      ])
      .returning('id');
    services.push({ id, label: s.label, topicIds: topics.map((t: { id: number }) => t.id) });
  }
  const desks = await db('desks')
    .insert(Array.from({ length: opts.agents ?? 2 }, (_, i) => ({ branch_id: branchId, name: `D${i + 1}` })))
    .returning('id');
  const agents = [];
  for (let i = 0; i < (opts.agents ?? 2); i++) {
    const [{ id }] = await db('users')
      .insert({
        entity_id: entityId,
        branch_id: branchId,
        email: `a${i}-${slug}@t.test`,
        password_hash: 'x',
        role: 'agent',
        first_name: `Agent${i}`,
        last_name: 'T',
      })
      .returning('id');
    agents.push({ id, actor: { type: 'user', id, role: 'agent', name: `Agent${i} T` } as Actor });
  }
  const [{ id: supId }] = await db('users')
    .insert({
      entity_id: entityId,
      branch_id: branchId,
      email: `s-${slug}@t.test`,
      password_hash: 'x',
      role: 'supervisor',
      first_name: 'Sup',
      last_name: 'T',
    })
    .returning('id');
  return {
    entityId,
    branchId,
    services,
    deskIds: desks.map((d: { id: number }) => d.id),
    agents,
    supervisor: { type: 'user', id: supId, role: 'supervisor', name: 'Sup T' },
  };
}

export const ticketInput = (org: Org, over: Partial<TicketInput> = {}): TicketInput => ({
  ticketId: randomUUID(),
  entityId: org.entityId,
  branchId: org.branchId,
  serviceId: org.services[0]!.id,
  kind: 'turn',
  actor: { type: 'customer', name: 'kiosk' },
  ...over,
});
