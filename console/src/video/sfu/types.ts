// The mediasoup wire shapes the browser client sends and receives (a subset: what a Chromium
// peer with Opus and VP8 needs). Mirrors sfu/signalling/protocol.ts, which the console cannot
// import (it pulls Node types).
export type MediaKind = 'audio' | 'video';
export type Params = Record<string, string | number>;
export type RtcpFeedback = { type: string; parameter?: string };

export type IceParameters = { usernameFragment: string; password: string };
export type IceCandidate = { foundation: string; priority: number; address: string; protocol: 'udp' | 'tcp'; port: number; type: string; tcpType?: string };
export type DtlsParameters = { role?: 'auto' | 'client' | 'server'; fingerprints: { algorithm: string; value: string }[] };

export type RtpCodec = { mimeType: string; payloadType: number; clockRate: number; channels?: number; parameters?: Params; rtcpFeedback?: RtcpFeedback[] };
export type HeaderExtension = { uri: string; id: number };
export type RtpParameters = {
  mid?: string;
  codecs: RtpCodec[];
  headerExtensions?: HeaderExtension[];
  encodings?: { ssrc?: number; rtx?: { ssrc: number } }[];
  rtcp?: { cname?: string; reducedSize?: boolean };
};
export type CapabilityCodec = { kind: MediaKind; mimeType: string; preferredPayloadType: number; clockRate: number; channels?: number; parameters?: Params; rtcpFeedback?: RtcpFeedback[] };
export type RtpCapabilities = {
  codecs?: CapabilityCodec[];
  headerExtensions?: { kind: MediaKind; uri: string; preferredId: number; preferredEncrypt?: boolean; direction?: string }[];
};

export type TransportInfo = { transportId: string; iceParameters: IceParameters; iceCandidates: IceCandidate[]; dtlsParameters: DtlsParameters };
export type PeerInfo = { peerId: string; displayName: string; role: 'agent' | 'guest' };
export type ProducerInfo = { producerId: string; peerId: string; kind: MediaKind; paused: boolean };
export type Joined = { roomId: string; peerId: string; routerRtpCapabilities: RtpCapabilities; peers: PeerInfo[]; producers: ProducerInfo[] };
export type Consumed = { consumerId: string; producerId: string; peerId: string; kind: MediaKind; rtpParameters: RtpParameters; producerPaused: boolean };

export type Ack<T> = ({ ok: true } & T) | { ok: false; error: { code: string; message: string } };
/** Sends one request and resolves with its successful ack (throws with the error code otherwise). */
export type Request = <T extends object>(event: string, payload?: object) => Promise<T>;
