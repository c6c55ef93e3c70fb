// A benchmark organisation written straight to the database (setup is not what is measured):
// one branch, S services, M agents each with one main and one support service, and a
// supervisor who issues the tickets.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/knex.js';
import { hashPassword } from '../../platform/passwords.js';

export const BENCH_PASSWORD = 'bench-password-1';

export interface BenchOrg {
  entityId: number;
  branchId: number;
  serviceIds: number[];
  agents: { id: number; email: string; deskId: number; main: number; support: number }[];
  supervisorEmail: string;
}

export async function createBenchOrg(
  db: Db,
  opts: { agents: number; services: number; policy?: string; label?: string },
): Promise<BenchOrg> {
  const tag = randomUUID().slice(0, 6);
  const hash = await hashPassword(BENCH_PASSWORD);
  return db.transaction(async (trx) => {
    const [{ id: entityId }] = await trx('entities')
      .insert({ name: `Bench ${tag}`, slug: `bench-${tag}` })
      .returning('id');
    const [{ id: branchId }] = await trx('branches')
      .insert({ entity_id: entityId, name: 'Bench branch', code: 'BN', ordering_policy: opts.policy ?? 'priority' })
      .returning('id');
    const [{ id: departmentId }] = await trx('departments')
      .insert({ branch_id: branchId, name: 'Bench' })
      .returning('id');
    const labels = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
    const services = await trx('services')
      .insert(
        Array.from({ length: opts.services }, (_, i) => ({
          branch_id: branchId,
          department_id: departmentId,
          name: `Service ${labels[i]}`,
          label: `${opts.label ?? ''}${labels[i]}`,
          call_timeout_seconds: 600,
          max_auto_requeues: 0,
        })),
      )
      .returning('id');
    const serviceIds = services.map((s: { id: number }) => s.id);
    const desks = await trx('desks')
      .insert(Array.from({ length: opts.agents }, (_, i) => ({ branch_id: branchId, name: `D${i + 1}` })))
      .returning('id');
    const agents = [];
    for (let i = 0; i < opts.agents; i++) {
      const email = `agent${i}-${tag}@bench.test`;
      const [{ id }] = await trx('users')
        .insert({
          entity_id: entityId,
          branch_id: branchId,
          email,
          password_hash: hash,
          role: 'agent',
          first_name: `Agent${i}`,
          last_name: 'Bench',
        })
        .returning('id');
      const main = serviceIds[i % serviceIds.length]!;
      const support = serviceIds[(i + 1) % serviceIds.length]!;
      await trx('service_assignments').insert([
        { user_id: id, service_id: main, kind: 'main' },
        ...(support !== main ? [{ user_id: id, service_id: support, kind: 'support' }] : []),
      ]);
      agents.push({ id, email, deskId: desks[i].id as number, main, support });
    }
    const supervisorEmail = `supervisor-${tag}@bench.test`;
    await trx('users').insert({
      entity_id: entityId,
      branch_id: branchId,
      email: supervisorEmail,
      password_hash: hash,
      role: 'supervisor',
      first_name: 'Sup',
      last_name: 'Bench',
    });
    return { entityId, branchId, serviceIds, agents, supervisorEmail };
  });
}
