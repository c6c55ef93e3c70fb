import type { types as ms } from 'mediasoup';
import type { SfuErrorCode } from '../errors.js';
import type { PeerRole } from '../peer.js';
import type { RoomCloseReason } from '../room.js';
import type { FieldErrors } from '../../domain/errors.js';

/** Every request event is answered through its ack with exactly one of these. */
export type AckError = Readonly<{ code: SfuErrorCode; message: string; fields?: FieldErrors }>;
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: AckError };

export type PeerInfo = Readonly<{ peerId: string; displayName: string; role: PeerRole }>;
export type ProducerInfo = Readonly<{ producerId: string; peerId: string; kind: ms.MediaKind; paused: boolean }>;

/** Server → client notifications: one definition, for the server and the console's client. */
export type SfuNotifications = {
  peerJoined: PeerInfo;
  peerLeft: Readonly<{ peerId: string }>;
  newProducer: ProducerInfo;
  producerClosed: Readonly<{ producerId: string; peerId: string }>;
  /** Issue 16: a peer muted its microphone or turned its camera off (or back on): the others show it. */
  producerPaused: ProducerInfo;
  producerResumed: ProducerInfo;
  /** The producer behind one of your consumers is gone; drop the consumer. */
  consumerClosed: Readonly<{ consumerId: string; producerId: string }>;
  /** Your room closed (e.g. its media worker died): emit `join` again to get a fresh one. */
  roomClosed: Readonly<{ reason: RoomCloseReason }>;
};
export type SfuNotification = keyof SfuNotifications;

/** socket.io room that carries one SFU room's broadcasts. */
export const channelOf = (roomId: string): string => `sfu:${roomId}`;
