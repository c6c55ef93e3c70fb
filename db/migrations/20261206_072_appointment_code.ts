// Issue 20: every appointment has a short check-in code the customer types or scans (a QR that
// holds just the code) at the kiosk, instead of an ID number. Eight characters from an alphabet
// without look-alikes (no 0/O, 1/I/L): 31^8 ≈ 8.5·10^11 codes, unique per entity. The column's
// default is a SQL function, so every way an appointment is inserted gets one. Its randomness is
// gen_random_uuid's (strong, in core PostgreSQL), from the uuid's eight fully random bytes.
import type { Knex } from 'knex';
import { CHECK_IN_CODE_ALPHABET } from '../../domain/check-in.js';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create or replace function appointment_code() returns text language plpgsql volatile as $$
    declare
      alphabet constant text := '${CHECK_IN_CODE_ALPHABET}';
      bytes bytea := decode(replace(gen_random_uuid()::text, '-', ''), 'hex');
      code text := '';
      i int;
    begin
      -- bytes 6 and 8 carry the uuid's version and variant: the others are random.
      foreach i in array array[0, 1, 2, 3, 4, 5, 7, 9] loop
        code := code || substr(alphabet, 1 + get_byte(bytes, i) % 31, 1);
      end loop;
      return code;
    end $$`);
  await knex.raw(`alter table appointments add column code varchar(8)`);
  await knex.raw(`update appointments set code = appointment_code()`);
  // A collision among the rows stored before is all but impossible; drawn again if it happened.
  for (;;) {
    const fixed = await knex.raw(
      `update appointments a set code = appointment_code()
       where exists (select 1 from appointments b where b.entity_id = a.entity_id and b.code = a.code and b.id < a.id)`,
    );
    if (!fixed.rowCount) break;
  }
  await knex.raw(
    `alter table appointments alter column code set default appointment_code(), alter column code set not null`,
  );
  await knex.raw(`create unique index appointments_entity_code on appointments (entity_id, code)`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`alter table appointments drop column code`);
  await knex.raw(`drop function if exists appointment_code()`);
}
