import { z } from 'zod';
import type { Namespace, Socket } from 'socket.io';
import type { Logger } from 'pino';
import type { RoomRegistry } from '../room-registry.js';
import { closeProducer } from './close-producer.js';
import { connectTransport } from './connect-transport.js';
import { consume } from './consume.js';
import { createTransport } from './create-transport.js';
import { RoomGate, type Recheck, type SfuGate } from './gate.js';
import { listen } from './handler.js';
import { join } from './join.js';
import { leave } from './leave.js';
import { id } from './media-schemas.js';
import { pauseProducer } from './pause-producer.js';
import { produce } from './produce.js';
import { resumeConsumer } from './resume-consumer.js';
import { resumeProducer } from './resume-producer.js';
import { Session, type SfuIdentity } from './session.js';
import { text } from '../../domain/text.js';

/** Decides who a socket is and which single room it may join (e.g. from its handshake token). */
export type Authorize = (socket: Socket) => Promise<SfuIdentity>;
/** Who a socket is, decided at connect, and whether it still belongs, asked at every event. */
export type RoomRights = Readonly<{ authorize: Authorize; recheck: Recheck }>;
export type AttachSfuDeps = Readonly<{ registry: RoomRegistry; rights: RoomRights; log: Logger }>;

export const sfuHandlers = [
  join,
  createTransport,
  connectTransport,
  produce,
  consume,
  resumeConsumer,
  pauseProducer,
  resumeProducer,
  closeProducer,
  leave,
] as const;

// `authorize` is our own code, but a bug there must not let a socket in without a room.
const identitySchema = z.object({
  roomId: id,
  peerId: id,
  displayName: text({ max: 100, min: 1 }),
  role: z.enum(['agent', 'guest']),
}) satisfies z.ZodType<SfuIdentity>;

/** The error a refused client sees in `connect_error` (message and `data.code`). */
const unauthorized = (): Error => Object.assign(new Error('unauthorized'), { data: { code: 'unauthorized' } });

export function attachSfu(io: Namespace, deps: AttachSfuDeps): SfuGate {
  const { registry, rights, log } = deps;
  const { authorize, recheck } = rights;
  const gate = new RoomGate(recheck, log);
  // Identities live here rather than in socket.data, which socket.io types as `any`.
  const identities = new WeakMap<Socket, SfuIdentity>();

  io.use((socket, next) => {
    authorize(socket).then(
      (granted) => {
        const parsed = identitySchema.safeParse(granted);
        if (!parsed.success) {
          log.error({ socketId: socket.id, issues: parsed.error.issues }, 'authorize returned an invalid identity');
          next(unauthorized());
          return;
        }
        identities.set(socket, parsed.data);
        next();
      },
      (err: unknown) => {
        log.info({ socketId: socket.id, err }, 'sfu connection refused by authorize');
        next(unauthorized());
      },
    );
  });

  io.on('connection', (socket) => {
    const identity = identities.get(socket);
    if (!identity) {
      // Only reachable if someone registered this handler on a namespace without our middleware.
      log.error({ socketId: socket.id }, 'sfu socket connected without an identity');
      socket.disconnect(true);
      return;
    }
    const session = new Session(socket, identity, log.child({ roomId: identity.roomId, peerId: identity.peerId }));
    gate.add(session);
    for (const handler of sfuHandlers) listen(socket, handler, { session, registry, recheck });
    socket.on('disconnect', () => session.leave('disconnected'));
  });
  return gate;
}
