// `npm run migrate [-- --seed]`: applies migrations (and demo data) to DATABASE_URL.
import './types.js';
import { createDb, migrate } from './knex.js';
import { seedDemo } from './seed/demo.js';
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';

const log = createLogger('migrate');
const config = loadConfig();
if (!config.DATABASE_URL) {
  log.fatal('DATABASE_URL is not set: point it at the PostgreSQL database to migrate.');
  process.exit(1);
}
const db = createDb(config.DATABASE_URL, 2);
try {
  const applied = await migrate(db);
  log.info({ applied }, applied.length ? 'migrations applied' : 'schema up to date');
  if (process.argv.includes('--seed'))
    log.info((await seedDemo(db)) ? 'demo data loaded' : 'demo data already present');
} catch (err) {
  log.fatal({ err }, 'migration failed');
  process.exitCode = 1;
} finally {
  await db.destroy();
}
