// Answers of the plumbing routes: health, log in and out, the small acknowledgements.
import { z } from 'zod';
import { STUCK_REASONS } from '../stuck.js';

export const Check = z.object({ ok: z.boolean(), detail: z.string().optional() }).strict();
/** GET /api/health: 200 when the database, Temporal and a worker answer, 503 otherwise. */
export const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    database: Check,
    temporal: Check,
    worker: Check,
    stuck: z.union([
      z.object({ total: z.number().int(), byReason: z.record(z.enum(STUCK_REASONS), z.number().int()) }).strict(),
      Check,
    ]),
  })
  .strict();
export type Health = z.infer<typeof Health>;

export const Ok = z.object({ ok: z.literal(true) }).strict();
/** Log in: the session is the cookie; API clients that asked (`tokenInBody`) get the token too. */
export const LoginResult = Ok.extend({ token: z.string().optional() }).strict();
/** E3: the password changed and the user's other sessions ended. */
export const PasswordChanged = Ok.extend({ revokedSessions: z.number().int() }).strict();
export const UnreadCount = z.object({ unread: z.number().int() }).strict();
export const ReadAll = z.object({ marked: z.number().int(), unread: z.literal(0) }).strict();

/** GET /api/docs/openapi.json, checked as far as its frame: the paths are what the list says. */
export const OpenApiDocument = z
  .object({
    openapi: z.literal('3.1.0'),
    info: z.object({ title: z.string(), version: z.string(), description: z.string() }).strict(),
    servers: z.array(z.object({ url: z.string() }).strict()),
    paths: z.record(z.string(), z.record(z.string(), z.unknown())),
    components: z.record(z.string(), z.unknown()),
  })
  .strict();
