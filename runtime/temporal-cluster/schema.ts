// The production server's binaries (scripts/temporal-server.sh builds them once) and its two
// PostgreSQL databases, created and brought to the schema version the binaries expect with the
// same tool and steps as docker-compose's temporal-schema job (deploy/temporal/setup-schema.sh).
import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../../platform/config.js';
import type { Logger } from '../../platform/logger.js';

const run = promisify(execFile);

export interface ServerBinaries {
  server: string;
  sqlTool: string;
  /** schema/postgresql/v12, with temporal/versioned and visibility/versioned inside. */
  schemaDir: string;
}

export const CLUSTER_DATABASES = { temporal: 'temporal', visibility: 'temporal_visibility' } as const;

export function resolveTemporalServer(): ServerBinaries {
  let bin: string;
  try {
    bin = execFileSync('bash', [path.join(REPO_ROOT, 'scripts/temporal-server.sh')], {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    }).trim();
  } catch {
    throw new Error(
      'No production Temporal server is available (see the message above): install Go, or run the bench without --topology production.',
    );
  }
  return {
    server: path.join(bin, 'temporal-server'),
    sqlTool: path.join(bin, 'temporal-sql-tool'),
    schemaDir: path.join(bin, '..', 'schema', 'postgresql', 'v12'),
  };
}

/** Creates both databases and applies every versioned schema step (a fresh cluster). */
export async function createClusterSchema(
  bins: ServerBinaries,
  pgUrl: string,
  log: Logger,
): Promise<typeof CLUSTER_DATABASES> {
  const u = new URL(pgUrl);
  // Through the environment, so the password is not in any process listing.
  const env = {
    ...process.env,
    SQL_PLUGIN: 'postgres12',
    SQL_HOST: u.hostname,
    SQL_PORT: u.port,
    SQL_USER: decodeURIComponent(u.username),
    SQL_PASSWORD: decodeURIComponent(u.password),
  };
  const tool = async (db: string, ...args: string[]) => {
    try {
      await run(bins.sqlTool, ['--db', db, ...args], { env });
    } catch (err) {
      const e = err as Error & { stderr?: string; stdout?: string };
      throw new Error(
        `temporal-sql-tool ${args[0]} on database ${db} failed: ${(e.stderr || e.stdout || e.message).trim().slice(-600)}. Check that PostgreSQL at ${u.host} accepts ${u.username}.`,
      );
    }
  };
  for (const [kind, db] of Object.entries(CLUSTER_DATABASES)) {
    await tool(db, 'create-database', '--defaultdb', u.pathname.slice(1) || 'postgres');
    // Versioning tables first (version 0.0), then every step in versioned/ in order.
    await tool(db, 'setup-schema', '-v', '0.0');
    await tool(db, 'update-schema', '-d', path.join(bins.schemaDir, kind, 'versioned'));
    log.info({ db }, 'Temporal schema ready');
  }
  return CLUSTER_DATABASES;
}
