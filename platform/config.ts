// One typed configuration, read from the environment once and validated at start-up (STYLE 8).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Base64Key, KEY_ID, OldKeys } from './codec/keys.js';
import { parseAllowList } from './outbound/allow.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const port = z.coerce.number().int().min(1).max(65535);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().default(path.join(REPO_ROOT, 'data')),
  DATABASE_URL: z.string().url().optional(),
  PG_PORT: port.default(5488),
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  TEMPORAL_UI_URL: z.string().url().optional(),
  TASK_QUEUE: z.string().default('ventanilla'),
  API_PORT: port.default(3000),
  PUBLIC_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(16).default('dev-only-session-secret-change-me'),
  SFU_PORT: port.default(4443),
  /** Where browsers reach the SFU's signalling (G4); defaults to SFU_PORT on localhost. */
  SFU_PUBLIC_URL: z.string().url().optional(),
  /** How often the worker looks for workflows that closed while their rows are open (issue 12). */
  STUCK_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(20),
  /** How often the worker rolls finished days into the report rollups (issue 18); reports stay exact in between. */
  REPORT_ROLLUP_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  /** How often the worker raises and clears alerts (issue 19): the longest an alert can lag its condition. */
  ALERT_EVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  /** How often the API creates the timeline's coming months and anonymises data past its retention (issue 18). */
  HISTORY_UPKEEP_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
  /** Prometheus metrics (issue 15): the worker's listener; 0 turns it off. The API serves /metrics on API_PORT. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  /**
   * The Temporal Web UI's "stack trace" of a running workflow. The SDK collects it with a hook on
   * every promise created by workflow code, about a third of the workflow thread's time under
   * load (issue 15), so it is off unless an operator turns it on to debug a workflow.
   */
  WORKFLOW_STACK_TRACES: z.enum(['on', 'off']).default('off'),
  /** Where the worker's metrics listener binds; 0.0.0.0 lets a Prometheus on another host scrape it. */
  WORKER_METRICS_HOST: z.string().default('127.0.0.1'),
  /** Bearer credential for /metrics from anywhere but loopback (API and worker); unset, only loopback scrapes. */
  METRICS_TOKEN: unsetIfEmpty(z.string().min(16).optional()),
  /** Private or local destinations that outbound calls (webhooks…) may reach: platform/outbound/allow.ts. */
  OUTBOUND_ALLOW: z
    .string()
    .default('')
    .transform((text, ctx) => {
      try {
        return parseAllowList(text);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    }),
  /** Issue 20: the SMTP relay for customer e-mail (smtp:// or smtps://, credentials in the URL); unset: the embedded receiver. */
  SMTP_URL: unsetIfEmpty(z.string().url().optional()),
  /** The embedded SMTP receiver's port (`./ventanilla start` runs it when SMTP_URL is unset). */
  SMTP_PORT: port.default(2525),
  /** How often the worker looks for waiting customers to tell "N ahead of you" or "you are next". */
  MESSAGE_POSITIONS_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  /** The sender of customer e-mail. */
  MAIL_FROM: z.string().min(3).default('Ventanilla <no-reply@ventanilla.localhost>'),
  // The Temporal payload codec (issue 13, platform/codec/). Empty counts as unset (docker-compose).
  /** Encrypts personal data in Temporal: base64 of 32 random bytes. Required in production. */
  TEMPORAL_CODEC_KEY: unsetIfEmpty(Base64Key.optional()),
  /** Names the key in each payload, so keys can rotate. */
  TEMPORAL_CODEC_KEY_ID: z.string().regex(KEY_ID).default('k1'),
  /** Retired keys, still read: `id:base64,id:base64`. */
  TEMPORAL_CODEC_OLD_KEYS: unsetIfEmpty(OldKeys.optional()),
  /** Bearer credential with which operators' tools decode every entity's payloads. */
  TEMPORAL_CODEC_OPERATOR_TOKEN: unsetIfEmpty(z.string().min(32).optional()),
});

function unsetIfEmpty<T extends z.ZodType>(inner: T) {
  return z.preprocess((v) => (v === '' ? undefined : v), inner);
}

export type Config = z.infer<typeof schema> & { publicUrl: string; temporalUiUrl: string; sfuPublicUrl: string };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration — ${lines.join('; ')}. Fix these environment variables.`);
  }
  const c = parsed.data;
  if (c.NODE_ENV === 'production' && c.SESSION_SECRET.startsWith('dev-only')) {
    throw new ConfigError('SESSION_SECRET must be set to a random value of 16+ characters in production.');
  }
  if (c.NODE_ENV === 'production' && !c.TEMPORAL_CODEC_KEY) {
    throw new ConfigError(
      'TEMPORAL_CODEC_KEY must be set in production (openssl rand -base64 32): it encrypts personal data in Temporal.',
    );
  }
  return {
    ...c,
    publicUrl: c.PUBLIC_URL ?? `http://localhost:${c.API_PORT}`,
    temporalUiUrl: c.TEMPORAL_UI_URL ?? `http://localhost:${c.TEMPORAL_UI_PORT}`,
    sfuPublicUrl: c.SFU_PUBLIC_URL ?? `http://localhost:${c.SFU_PORT}`,
  };
}
