import { z } from 'zod';
import type { types as ms } from 'mediasoup';
import { text } from '../../domain/text.js';

/** Every string of a media event: bounded and clean like all text (domain/text.ts), kept as sent. */
const str = text({ max: 512, raw: true });

// Shapes of the mediasoup parameters a client sends. They check structure and types so a
// malformed payload is refused with `invalid_payload`; mediasoup still validates semantics.

const int = z.number().int().nonnegative();
const params = z.record(str, z.union([str, z.number(), z.boolean()]));
const rtcpFeedback = z.object({ type: str, parameter: str.optional() });

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
export const id = text({ max: 128, min: 1, raw: true });

export const dtlsParameters = z.object({
  role: z.enum(['auto', 'client', 'server']).optional(),
  fingerprints: z
    .array(z.object({ algorithm: z.enum(['sha-1', 'sha-224', 'sha-256', 'sha-384', 'sha-512']), value: str }))
    .min(1),
}) satisfies z.ZodType<ms.DtlsParameters>;

export const rtpParameters = z.object({
  mid: str.optional(),
  codecs: z
    .array(
      z.object({
        mimeType: str,
        payloadType: int,
        clockRate: int,
        channels: int.optional(),
        parameters: params.optional(),
        rtcpFeedback: z.array(rtcpFeedback).optional(),
      }),
    )
    .min(1),
  headerExtensions: z
    .array(
      z.object({ uri: headerExtensionUri, id: int, encrypt: z.boolean().optional(), parameters: params.optional() }),
    )
    .optional(),
  encodings: z
    .array(
      z.object({
        ssrc: int.optional(),
        rid: str.optional(),
        codecPayloadType: int.optional(),
        rtx: z.object({ ssrc: int }).optional(),
        dtx: z.boolean().optional(),
        scalabilityMode: str.optional(),
        maxBitrate: int.optional(),
      }),
    )
    .optional(),
  rtcp: z.object({ cname: str.optional(), reducedSize: z.boolean().optional() }).optional(),
}) satisfies z.ZodType<ms.RtpParameters>;

export const rtpCapabilities = z.object({
  codecs: z
    .array(
      z.object({
        kind: mediaKind,
        mimeType: str,
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
