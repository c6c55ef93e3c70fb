// The organisation of the volume bench: a big branch sized like a mid-size bank's busiest one
// (createBenchOrg: S services, M agents, each with a main and a support service), its services
// spread over four departments with topics, plus a small second branch in the same entity
// (per-branch figures beside entity-wide ones, and the "empty database" side of the dispatch
// comparison), an entity admin who reads the reports, and a customer base.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/knex.js';
import { hashPassword } from '../../platform/passwords.js';
import { BENCH_PASSWORD, createBenchOrg, type BenchOrg } from './org.js';

export interface VolumeAgent {
  id: number;
  email: string;
  deskId: number;
  main: number;
}

export interface VolumeOrg {
  entityId: number;
  timezone: string;
  adminEmail: string;
  big: { branchId: number; serviceIds: number[]; labels: string[]; topicIds: number[]; agents: BenchOrg['agents'] };
  small: { branchId: number; serviceIds: number[]; agents: VolumeAgent[] };
}

const DEPARTMENTS = ['Caja', 'Asesoría', 'Créditos', 'Empresas'];
export const TOPICS_PER_SERVICE = 3;

export async function createVolumeOrg(
  db: Db,
  opts: { services: number; agents: number; customers: number; policy: string },
): Promise<VolumeOrg> {
  const org = await createBenchOrg(db, { agents: opts.agents, services: opts.services, policy: opts.policy });
  const tag = randomUUID().slice(0, 6);
  const hash = await hashPassword(BENCH_PASSWORD);
  return db.transaction(async (trx) => {
    // Four departments, so "by department" groups something; services are dealt round-robin.
    const firstDept: number = (await trx('services').where({ id: org.serviceIds[0] }).first('department_id'))
      .department_id;
    await trx('departments').where({ id: firstDept }).update({ name: DEPARTMENTS[0] });
    const depts = [
      firstDept,
      ...(
        await trx('departments')
          .insert(DEPARTMENTS.slice(1).map((name) => ({ branch_id: org.branchId, name })))
          .returning('id')
      ).map((d: { id: number }) => d.id),
    ];
    for (const [i, id] of org.serviceIds.entries())
      await trx('services')
        .where({ id })
        .update({ department_id: depts[i % depts.length] });
    const labels: string[] = [];
    for (const id of org.serviceIds) labels.push((await trx('services').where({ id }).first('label')).label);

    // Topics in service order: the seed picks service i's topics at [i * TOPICS_PER_SERVICE, …).
    const topicIds: number[] = [];
    for (const id of org.serviceIds) {
      const rows = await trx('topics')
        .insert(Array.from({ length: TOPICS_PER_SERVICE }, (_, k) => ({ service_id: id, name: `Topic ${k + 1}` })))
        .returning('id');
      topicIds.push(...rows.map((r: { id: number }) => r.id));
    }

    const adminEmail = `admin-${tag}@bench.test`;
    await trx('users').insert({
      entity_id: org.entityId,
      branch_id: null,
      email: adminEmail,
      password_hash: hash,
      role: 'admin',
      first_name: 'Admin',
      last_name: 'Bench',
    });

    const [small] = await trx('branches')
      .insert({ entity_id: org.entityId, name: 'Small branch', code: 'SM', ordering_policy: opts.policy })
      .returning(['id']);
    const [dept] = await trx('departments').insert({ branch_id: small.id, name: 'Caja' }).returning('id');
    const smallServices = (
      await trx('services')
        .insert(
          ['A', 'B'].map((label) => ({
            branch_id: small.id,
            department_id: dept.id,
            name: `Small ${label}`,
            label,
            call_timeout_seconds: 600,
            max_auto_requeues: 0,
          })),
        )
        .returning('id')
    ).map((s: { id: number }) => s.id);
    const desks = (
      await trx('desks')
        .insert([
          { branch_id: small.id, name: 'S1' },
          { branch_id: small.id, name: 'S2' },
        ])
        .returning('id')
    ).map((d: { id: number }) => d.id);
    const smallAgents: VolumeAgent[] = [];
    for (const [i, main] of smallServices.entries()) {
      const email = `small${i}-${tag}@bench.test`;
      const [{ id }] = await trx('users')
        .insert({
          entity_id: org.entityId,
          branch_id: small.id,
          email,
          password_hash: hash,
          role: 'agent',
          first_name: `Small${i}`,
          last_name: 'Bench',
        })
        .returning('id');
      await trx('service_assignments').insert({ user_id: id, service_id: main, kind: 'main' });
      smallAgents.push({ id, email, deskId: desks[i]!, main });
    }

    // Customers in one statement; about a third of the seeded tickets name one.
    await trx.raw(
      `insert into customers (entity_id, first_name, last_name, id_number, phone)
      select ?, 'Cliente ' || g, 'Apellido ' || (g % 977), (10000000 + g)::text, '+57 300 ' || lpad((g % 10000000)::text, 7, '0')
      from generate_series(1, ?) g`,
      [org.entityId, opts.customers],
    );

    const timezone: string = (await trx('branches').where({ id: org.branchId }).first('timezone')).timezone;
    return {
      entityId: org.entityId,
      timezone,
      adminEmail,
      big: { branchId: org.branchId, serviceIds: org.serviceIds, labels, topicIds, agents: org.agents },
      small: { branchId: small.id, serviceIds: smallServices, agents: smallAgents },
    };
  });
}
