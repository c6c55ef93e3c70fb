// Issue 13: a delivery's outcome for the back office, and an end to retrying what cannot be
// cured. `gave_up_at` marks a delivery that is no longer tried (attempts exhausted, or its
// destination refused by the outbound policy); `last_attempt_at` is when it was last tried.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('webhook_deliveries', (t) => {
    t.timestamp('last_attempt_at', { useTz: true });
    t.timestamp('gave_up_at', { useTz: true });
  });
  // Until now a delivery gave up silently at its 15th attempt.
  await knex('webhook_deliveries')
    .whereNull('delivered_at')
    .where('attempts', '>=', 15)
    .update({ gave_up_at: knex.fn.now() });
  await knex.raw('drop index if exists webhook_deliveries_due');
  await knex.raw(
    'create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where delivered_at is null and gave_up_at is null',
  );
  // The back office lists a webhook's deliveries newest first.
  await knex.raw('create index webhook_deliveries_by_webhook on webhook_deliveries (webhook_id, id desc)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists webhook_deliveries_by_webhook');
  await knex.raw('drop index if exists webhook_deliveries_due');
  await knex.raw(
    'create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where delivered_at is null',
  );
  await knex.schema.alterTable('webhook_deliveries', (t) => t.dropColumns('last_attempt_at', 'gave_up_at'));
}
