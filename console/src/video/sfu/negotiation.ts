// What both sides agree on: Opus for audio, VP8 (+ RTX) for video — every browser sends and
// receives them — and only the header extensions and feedback the router knows.
import type { LocalSection } from './sdp';
import type { HeaderExtension, MediaKind, RtpCapabilities, RtpCodec, RtpParameters } from './types';

const WANTED: Record<MediaKind, string> = { audio: 'audio/opus', video: 'video/vp8' };

function routerCodec(caps: RtpCapabilities, mimeType: string) {
  return caps.codecs?.find((c) => c.mimeType.toLowerCase() === mimeType.toLowerCase());
}

/** The extensions of `kind` the router supports, in the ids of `offered`. */
function agreedExtensions(caps: RtpCapabilities, kind: MediaKind, offered: HeaderExtension[]): HeaderExtension[] {
  const known = new Set((caps.headerExtensions ?? []).filter((e) => e.kind === kind && e.direction !== 'recvonly' && e.direction !== 'inactive').map((e) => e.uri));
  return offered.filter((e) => known.has(e.uri));
}

/**
 * From the browser's offer for one sending track: the codecs to answer with (the chosen one and
 * its RTX) and the RtpParameters to give the SFU's `produce`.
 */
export function sendParameters(caps: RtpCapabilities, kind: MediaKind, local: LocalSection): { codecs: RtpCodec[]; extensions: HeaderExtension[]; rtpParameters: RtpParameters } {
  const main = local.codecs.find((c) => c.mimeType.toLowerCase() === WANTED[kind]);
  const router = routerCodec(caps, WANTED[kind]);
  if (!main || !router) throw new Error(`the browser or the SFU cannot do ${WANTED[kind]}`);
  const routerFeedback = new Set((router.rtcpFeedback ?? []).map((f) => `${f.type} ${f.parameter ?? ''}`));
  const primary: RtpCodec = { ...main, rtcpFeedback: (main.rtcpFeedback ?? []).filter((f) => routerFeedback.has(`${f.type} ${f.parameter ?? ''}`)) };
  const rtx = local.codecs.find((c) => c.mimeType.toLowerCase() === `${kind}/rtx` && c.parameters?.['apt'] === main.payloadType);
  const codecs = rtx && local.rtxSsrc ? [primary, { ...rtx, rtcpFeedback: [] }] : [primary];
  const extensions = agreedExtensions(caps, kind, local.extensions);
  if (!local.ssrc) throw new Error(`no SSRC offered for mid ${local.mid}`);
  return {
    codecs,
    extensions,
    rtpParameters: {
      mid: local.mid,
      codecs,
      headerExtensions: extensions,
      encodings: [local.rtxSsrc && rtx ? { ssrc: local.ssrc, rtx: { ssrc: local.rtxSsrc } } : { ssrc: local.ssrc }],
      rtcp: { cname: local.cname ?? 'ventanilla', reducedSize: true },
    },
  };
}

/** What this browser can receive, as the SFU's `consume` wants it: the router's own Opus/VP8 entries. */
export function receiveCapabilities(caps: RtpCapabilities): RtpCapabilities {
  const vp8 = routerCodec(caps, 'video/VP8');
  const codecs = (caps.codecs ?? []).filter((c) =>
    c.mimeType.toLowerCase() === 'audio/opus' || c === vp8 || (c.mimeType.toLowerCase() === 'video/rtx' && vp8 && c.parameters?.['apt'] === vp8.preferredPayloadType));
  const extensions = new Set([
    'urn:ietf:params:rtp-hdrext:sdes:mid', 'http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time',
    'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01', 'urn:ietf:params:rtp-hdrext:ssrc-audio-level',
  ]);
  return { codecs, headerExtensions: (caps.headerExtensions ?? []).filter((e) => extensions.has(e.uri)) };
}
