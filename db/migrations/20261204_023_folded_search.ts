// Issue 16: searches ignore accents as well as case ("Gutierrez" finds "Gutiérrez", "maria"
// finds "María"). `vt_fold` is the one folding both sides of a search go through (db/text.ts);
// it is immutable, so the customer name's trigram index can be built on it and the search stays
// an index scan at a year of history (issue 18). Plain SQL: no extension to install.
import type { Knex } from 'knex';
import { FOLD_FROM, FOLD_TO } from '../text.js';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create or replace function vt_fold(text) returns text
      language sql immutable strict parallel safe
      as $$ select translate(lower($1), '${FOLD_FROM}', '${FOLD_TO}') $$`);
  await knex.raw(
    `create index customers_name_fold_trgm on customers using gin (vt_fold(first_name || ' ' || last_name) gin_trgm_ops)`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists customers_name_fold_trgm');
  await knex.raw('drop function if exists vt_fold(text)');
}
