// Issue 19: alerts. `alert_rules` holds thresholds per entity, branch or service (the most
// specific wins; none: domain/alerts.ts defaults). `alerts` records each alert from raise to clear;
// one open alert per (kind, subject), so overlapping evaluator passes cannot raise twice.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('alert_rules', (t) => {
    t.increments('id');
    t.integer('entity_id').notNullable().references('entities.id').onDelete('CASCADE');
    t.integer('branch_id').nullable().references('branches.id').onDelete('CASCADE');
    t.integer('service_id').nullable().references('services.id').onDelete('CASCADE');
    t.boolean('sla_breach').notNullable().defaultTo(true);
    t.integer('queue_length_max').nullable();
    t.integer('unserved_after_seconds').nullable();
    t.boolean('break_over_cap').notNullable().defaultTo(true);
    t.boolean('stuck_work').notNullable().defaultTo(true);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  // One rule per scope: nulls are made comparable so "entity-wide" is unique too.
  await knex.raw(
    `create unique index alert_rules_scope on alert_rules (entity_id, coalesce(branch_id, 0), coalesce(service_id, 0))`,
  );
  await knex.schema.createTable('alerts', (t) => {
    t.increments('id');
    t.integer('entity_id').notNullable().references('entities.id').onDelete('CASCADE');
    t.integer('branch_id').notNullable().references('branches.id').onDelete('CASCADE');
    t.string('kind', 30).notNullable();
    t.string('subject', 240).notNullable();
    t.integer('service_id').nullable().references('services.id').onDelete('SET NULL');
    t.integer('user_id').nullable().references('users.id').onDelete('SET NULL');
    t.uuid('shift_id').nullable();
    t.uuid('ticket_id').nullable();
    t.jsonb('params').notNullable().defaultTo('{}');
    t.timestamp('raised_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('cleared_at', { useTz: true }).nullable();
    t.index(['branch_id', 'raised_at']);
  });
  await knex.raw(`create unique index alerts_open_subject on alerts (kind, subject) where cleared_at is null`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('alerts');
  await knex.schema.dropTable('alert_rules');
}
