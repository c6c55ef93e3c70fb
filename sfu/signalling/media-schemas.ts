import { z } from 'zod';
import type { types as ms } from 'mediasoup';

// Shapes of the mediasoup parameters a client sends. They check structure and types so a
// malformed payload is refused with `invalid_payload`; mediasoup still validates semantics.

const int = z.number().int().nonnegative();
const params = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
const rtcpFeedback = z.object({ type: z.string(), parameter: z.string().optional() });

const headerExtensionUris = [
  'urn:ietf:params:rtp-hdrext:sdes:mid',
  'urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id',
  'urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id',
  'urn:ietf:params:rtp-hdrext:ssrc-audio-level',
  'urn:3gpp:video-orientation',
  'urn:ietf:params:rtp-hdrext:toffset',
  'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01',
  'http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time',
  'http://www.webrtc.org/experiments/rtp-hdrext/abs-capture-time',
  'http://www.webrtc.org/experiments/rtp-hdrext/playout-delay',
  'https://aomediacodec.github.io/av1-rtp-spec/#dependency-descriptor-rtp-header-extension',
] as const satisfies readonly ms.RtpHeaderExtensionUri[];
const headerExtensionUri = z.enum(headerExtensionUris);

export const mediaKind = z.enum(['audio', 'video']);
export const id = z.string().min(1).max(128);

export const dtlsParameters = z.object({
  role: z.enum(['auto', 'client', 'server']).optional(),
  fingerprints: z
    .array(z.object({ algorithm: z.enum(['sha-1', 'sha-224', 'sha-256', 'sha-384', 'sha-512']), value: z.string() }))
    .min(1),
}) satisfies z.ZodType<ms.DtlsParameters>;

export const rtpParameters = z.object({
  mid: z.string().optional(),
  codecs: z
    .array(
      z.object({
        mimeType: z.string(),
        payloadType: int,
        clockRate: int,
        channels: int.optional(),
        parameters: params.optional(),
        rtcpFeedback: z.array(rtcpFeedback).optional(),
      }),
    )
    .min(1),
  headerExtensions: z
    .array(z.object({ uri: headerExtensionUri, id: int, encrypt: z.boolean().optional(), parameters: params.optional() }))
    .optional(),
  encodings: z
    .array(
      z.object({
        ssrc: int.optional(),
        rid: z.string().optional(),
        codecPayloadType: int.optional(),
        rtx: z.object({ ssrc: int }).optional(),
        dtx: z.boolean().optional(),
        scalabilityMode: z.string().optional(),
        maxBitrate: int.optional(),
      }),
    )
    .optional(),
  rtcp: z.object({ cname: z.string().optional(), reducedSize: z.boolean().optional() }).optional(),
}) satisfies z.ZodType<ms.RtpParameters>;

export const rtpCapabilities = z.object({
  codecs: z
    .array(
      z.object({
        kind: mediaKind,
        mimeType: z.string(),
        preferredPayloadType: int,
        clockRate: int,
        channels: int.optional(),
        parameters: params.optional(),
        rtcpFeedback: z.array(rtcpFeedback).optional(),
      }),
    )
    .optional(),
  headerExtensions: z
    .array(
      z.object({
        kind: mediaKind,
        uri: headerExtensionUri,
        preferredId: int,
        preferredEncrypt: z.boolean().optional(),
        direction: z.enum(['sendrecv', 'sendonly', 'recvonly', 'inactive']).optional(),
      }),
    )
    .optional(),
}) satisfies z.ZodType<ms.RtpCapabilities>;
