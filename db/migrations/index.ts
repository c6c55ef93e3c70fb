// Migrations are imported statically (not discovered on disk) so they load the same way under
// tsx, vitest and any bundler. Append new migrations here, in order.
import type { Knex } from 'knex';
import * as organisation from './20261124_001_organisation.js';
import * as tickets from './20261124_002_tickets.js';
import * as shifts from './20261124_003_shifts_video_integration.js';

type Migration = { up(k: Knex): Promise<void>; down(k: Knex): Promise<void> };
const MIGRATIONS: [string, Migration][] = [
  ['20261124_001_organisation', organisation],
  ['20261124_002_tickets', tickets],
  ['20261124_003_shifts_video_integration', shifts],
];

export const migrationSource: Knex.MigrationSource<[string, Migration]> = {
  getMigrations: async () => MIGRATIONS,
  getMigrationName: ([name]) => name,
  getMigration: async ([, m]) => m,
};
