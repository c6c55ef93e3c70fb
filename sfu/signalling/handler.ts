import { z } from 'zod';
import type { Socket } from 'socket.io';
import type { Logger } from 'pino';
import { fieldErrors } from '../../domain/validation.js';
import { SfuError } from '../errors.js';
import type { RoomRegistry } from '../room-registry.js';
import type { Recheck } from './gate.js';
import type { Ack, AckError } from './protocol.js';
import type { Session } from './session.js';

export type HandlerContext = Readonly<{ session: Session; registry: RoomRegistry; recheck: Recheck }>;

/** One socket.io request event: validates its payload, runs one action, answers via the ack. */
export type SfuHandler<E extends string = string, R extends object = object> = Readonly<{
  event: E;
  run(ctx: HandlerContext, payload: unknown): Promise<R>;
}>;

/** What the ack of handler H carries, for clients and tests: `Ack<ResultOf<typeof produce>>`. */
export type ResultOf<H> = H extends SfuHandler<string, infer R> ? R : never;

export function defineHandler<E extends string, S extends z.ZodType, R extends object>(
  event: E,
  schema: S,
  handle: (ctx: HandlerContext, payload: z.output<S>) => Promise<R> | R,
): SfuHandler<E, R> {
  return {
    event,
    async run(ctx, payload) {
      const parsed = schema.safeParse(payload);
      // Field codes like the API's (domain/validation.ts), so the UIs translate one set of codes.
      if (!parsed.success)
        throw new SfuError('invalid_payload', z.prettifyError(parsed.error), fieldErrors(parsed.error));
      return handle(ctx, parsed.data);
    },
  };
}

const isAckFn = (value: unknown): value is (reply: Ack) => void => typeof value === 'function';

/**
 * Registers `handler` on `socket`; a request sent without an ack still runs, unanswered. The
 * socket's rights are read again first, every time: one that lost its room is answered why and
 * then disconnected.
 */
export function listen(socket: Socket, handler: SfuHandler, ctx: HandlerContext): void {
  socket.on(handler.event, (...args: unknown[]) => {
    const last = args.at(-1);
    const ack = isAckFn(last) ? last : undefined;
    const payload = ack ? args.slice(0, -1)[0] : args[0];
    const refuse = (err: unknown) => ack?.({ ok: false, error: toAckError(err, handler.event, ctx.session.log) });
    ctx.recheck(ctx.session.identity).then(
      () => handler.run(ctx, payload).then((result) => ack?.({ ...result, ok: true }), refuse),
      (err: unknown) => {
        refuse(err);
        if (err instanceof SfuError) ctx.session.revoke();
      },
    );
  });
}

/** Client mistakes keep their code; anything unexpected is logged here and answered opaquely. */
function toAckError(err: unknown, event: string, log: Logger): AckError {
  if (err instanceof SfuError) {
    log.debug({ event, code: err.code, msg: err.message }, 'sfu request refused');
    return { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) };
  }
  // mediasoup's own errors for objects closed or features missing under a racing request.
  if (err instanceof Error && err.name === 'InvalidStateError') return { code: 'invalid_state', message: err.message };
  if (err instanceof Error && err.name === 'UnsupportedError') return { code: 'unsupported', message: err.message };
  log.error({ err, event }, 'sfu request failed');
  return { code: 'internal', message: 'internal error' };
}
