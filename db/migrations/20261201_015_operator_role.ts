// Issue 13, G7: the operator role, platform staff above an entity's admins. The role column's
// check constraint (created by knex's enu in 001, named by PostgreSQL) gains 'operator'.
import type { Knex } from 'knex';

const check = (roles: string[]) =>
  `alter table users add constraint users_role_check check (role in (${roles.map((r) => `'${r}'`).join(', ')}))`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table users drop constraint if exists users_role_check');
  await knex.raw(check(['agent', 'supervisor', 'admin', 'operator']));
}

export async function down(knex: Knex): Promise<void> {
  // Without the role an operator keeps an admin's rights in their home entity, nothing more.
  await knex('users').where({ role: 'operator' }).update({ role: 'admin' });
  await knex.raw('alter table users drop constraint if exists users_role_check');
  await knex.raw(check(['agent', 'supervisor', 'admin']));
}
