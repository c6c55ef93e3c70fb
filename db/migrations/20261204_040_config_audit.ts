// Issue 19: who changed the configuration, when, and from what to what. One row per create,
// update or delete of a configuration record through the API (api/http/crud.ts). Rows outlive
// their record, their branch and their author: no foreign keys but the entity's.
import type { Knex } from 'knex';
import { AUDIT_ACTIONS } from '../../domain/config-audit.js';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('config_audit', (t) => {
    t.bigIncrements('id');
    t.integer('entity_id').notNullable().references('entities.id').onDelete('CASCADE');
    // The branch the record belongs to, when it belongs to one: branch supervisors see those.
    t.integer('branch_id');
    t.string('resource', 40).notNullable();
    t.integer('record_id').notNullable();
    t.enu('action', AUDIT_ACTIONS).notNullable();
    t.integer('actor_id');
    t.string('actor_name', 160).notNullable();
    t.jsonb('before');
    t.jsonb('after');
    t.specificType('changed', 'text[]').notNullable().defaultTo('{}');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw('create index config_audit_entity_at on config_audit (entity_id, at desc, id desc)');
  await knex.raw('create index config_audit_record on config_audit (entity_id, resource, record_id, at desc)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('config_audit');
}
