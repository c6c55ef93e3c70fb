// The SFU's signalling shapes as the console sees them. Mirrors sfu/signalling/protocol.ts and
// the handlers' acks, which the console cannot import (they pull Node types); the media
// parameters inside are mediasoup-client's own types.
import type { types as mc } from 'mediasoup-client';

export type MediaKind = mc.MediaKind;

export type TransportInfo = {
  transportId: string;
  iceParameters: mc.IceParameters;
  iceCandidates: mc.IceCandidate[];
  dtlsParameters: mc.DtlsParameters;
};
export type PeerInfo = { peerId: string; displayName: string; role: 'agent' | 'guest' };
export type ProducerInfo = { producerId: string; peerId: string; kind: MediaKind; paused: boolean };
export type Joined = {
  roomId: string;
  peerId: string;
  routerRtpCapabilities: mc.RtpCapabilities;
  peers: PeerInfo[];
  producers: ProducerInfo[];
};
export type Consumed = {
  consumerId: string;
  producerId: string;
  peerId: string;
  kind: MediaKind;
  rtpParameters: mc.RtpParameters;
  producerPaused: boolean;
};

/** `fields`: per-field codes of an invalid payload (domain/errors.ts FieldErrors); `message` is for logs. */
export type Ack<T> = ({ ok: true } & T) | { ok: false; error: { code: string; message: string; fields?: unknown } };
/** Sends one request and resolves with its successful ack (throws an ApiError with the error code otherwise). */
export type Request = <T extends object>(event: string, payload?: object) => Promise<T>;
