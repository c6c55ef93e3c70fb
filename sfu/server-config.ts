// The SFU process's own settings (beside the media ones in config.ts), validated at start-up.
import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z.string().url({ error: 'required: the SFU checks in the database that a room is open' }),
  SESSION_SECRET: z.string().min(16).default('dev-only-session-secret-change-me'),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  SFU_PORT: z.coerce.number().int().min(1).max(65535).default(4443),
  /** Origins allowed to open the signalling socket (the console); comma-separated. */
  SFU_CORS_ORIGINS: z.string().optional(),
  PUBLIC_URL: z.string().url().optional(),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
});

export type SfuServerConfig = Readonly<{
  databaseUrl: string;
  sessionSecret: string;
  port: number;
  corsOrigins: string[];
}>;

export function loadSfuServerConfig(env: NodeJS.ProcessEnv = process.env): SfuServerConfig {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    throw new Error(
      `invalid SFU configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && e.SESSION_SECRET.startsWith('dev-only')) {
    throw new Error('invalid SFU configuration: SESSION_SECRET must be set in production');
  }
  const origins = e.SFU_CORS_ORIGINS ?? e.PUBLIC_URL ?? `http://localhost:${e.API_PORT}`;
  return {
    databaseUrl: e.DATABASE_URL,
    sessionSecret: e.SESSION_SECRET,
    port: e.SFU_PORT,
    corsOrigins: origins
      .split(',')
      .map((o) => o.trim().replace(/\/$/, ''))
      .filter(Boolean),
  };
}
