// One person in two entities with the same e-mail and password (staff e-mails are unique per
// entity, migration 013): the login asks which entity (ChooseEntity). For the login screens' tests.
import type { Db } from '../../db/knex.js';
import type { Role } from '../../domain/agents.js';
import { hashPassword } from '../../platform/passwords.js';
import { createOrg } from './fixtures.js';

export interface SharedLogin {
  email: string;
  password: string;
  /** In the order the API names them (by user id). */
  entities: { id: number; slug: string; name: string }[];
}

export async function sameLoginInTwoEntities(
  db: Db,
  opts: { email: string; role: Role; names: [string, string] },
): Promise<SharedLogin> {
  const password = 'dos-entidades-2026';
  const passwordHash = await hashPassword(password);
  const entities = [];
  for (const name of opts.names) {
    const org = await createOrg(db, { agents: 1 });
    const [entity] = await db('entities')
      .where({ id: org.entityId })
      .update({ name })
      .returning(['id', 'slug', 'name']);
    await db('users').insert({
      entity_id: org.entityId,
      branch_id: org.branchId,
      email: opts.email,
      password_hash: passwordHash,
      role: opts.role,
      first_name: 'Marta',
      last_name: 'Doble',
    });
    entities.push(entity as { id: number; slug: string; name: string });
  }
  return { email: opts.email, password, entities };
}
