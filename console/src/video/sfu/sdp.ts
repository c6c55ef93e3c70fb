// Just enough SDP for one mediasoup WebRtcTransport per RTCPeerConnection: read what Chromium
// offers or answers (codecs, extensions, SSRCs, fingerprint) and write the SFU's side (an
// ICE-lite endpoint with the transport's candidates and DTLS fingerprint).
import type { HeaderExtension, IceCandidate, MediaKind, Params, RtcpFeedback, RtpCodec, TransportInfo } from './types';

export type LocalSection = {
  mid: string;
  codecs: RtpCodec[];
  extensions: HeaderExtension[];
  ssrc?: number;
  rtxSsrc?: number;
  cname?: string;
};

const lines = (block: string): string[] => block.split(/\r?\n/).filter(Boolean);

function parseParams(fmtp: string): Params {
  const out: Params = {};
  for (const pair of fmtp.split(';')) {
    const [k, v] = pair.trim().split('=');
    if (!k || v === undefined) continue;
    out[k] = /^\d+$/.test(v) ? Number(v) : v;
  }
  return out;
}

/** The m-section of `sdp` whose a=mid is `mid`, parsed. */
export function readSection(sdp: string, mid: string): LocalSection {
  const block = sdp.split(/\r?\nm=/).slice(1).find((b) => lines(b).includes(`a=mid:${mid}`));
  if (!block) throw new Error(`no m-section with mid ${mid}`);
  const kind = block.split(' ')[0] as MediaKind;
  const codecs = new Map<number, RtpCodec>();
  const extensions: HeaderExtension[] = [];
  let ssrc: number | undefined;
  let rtxSsrc: number | undefined;
  let cname: string | undefined;
  for (const line of lines(block)) {
    let m: RegExpExecArray | null;
    if ((m = /^a=rtpmap:(\d+) ([^/]+)\/(\d+)(?:\/(\d+))?/.exec(line))) {
      const pt = Number(m[1]);
      codecs.set(pt, { mimeType: `${kind}/${m[2]}`, payloadType: pt, clockRate: Number(m[3]), ...(m[4] ? { channels: Number(m[4]) } : {}), parameters: {}, rtcpFeedback: [] });
    } else if ((m = /^a=fmtp:(\d+) (.+)$/.exec(line))) {
      const c = codecs.get(Number(m[1]));
      if (c) c.parameters = parseParams(m[2] ?? '');
    } else if ((m = /^a=rtcp-fb:(\d+) (\S+)(?: (\S+))?$/.exec(line))) {
      const fb: RtcpFeedback = m[3] ? { type: m[2] ?? '', parameter: m[3] } : { type: m[2] ?? '' };
      codecs.get(Number(m[1]))?.rtcpFeedback?.push(fb);
    } else if ((m = /^a=extmap:(\d+)(?:\/\w+)? (\S+)/.exec(line))) {
      extensions.push({ id: Number(m[1]), uri: m[2] ?? '' });
    } else if ((m = /^a=ssrc-group:FID (\d+) (\d+)$/.exec(line))) {
      ssrc = Number(m[1]);
      rtxSsrc = Number(m[2]);
    } else if ((m = /^a=ssrc:(\d+) cname:(\S+)$/.exec(line))) {
      ssrc ??= Number(m[1]);
      cname ??= m[2];
    }
  }
  return { mid, codecs: [...codecs.values()], extensions, ssrc, rtxSsrc, cname };
}

export function readFingerprint(sdp: string): { algorithm: string; value: string } {
  const m = /a=fingerprint:(\S+) (\S+)/.exec(sdp);
  if (!m?.[1] || !m[2]) throw new Error('no DTLS fingerprint in the local description');
  return { algorithm: m[1].toLowerCase(), value: m[2] };
}

export type RemoteSection = {
  mid: string;
  kind: MediaKind;
  direction: 'recvonly' | 'sendonly' | 'inactive';
  codecs: RtpCodec[];
  extensions: HeaderExtension[];
  /** For the SFU's sending sections (our consumers). */
  send?: { ssrc: number; rtxSsrc?: number; cname: string; streamId: string; trackId: string };
};

const candidateLine = (c: IceCandidate): string =>
  `a=candidate:${c.foundation} 1 ${c.protocol} ${c.priority} ${c.address} ${c.port} typ ${c.type}${c.protocol === 'tcp' ? ` tcptype ${c.tcpType ?? 'passive'}` : ''}`;

function codecLines(c: RtpCodec): string[] {
  const [, name] = c.mimeType.split('/');
  const out = [`a=rtpmap:${c.payloadType} ${name}/${c.clockRate}${c.channels && c.channels > 1 ? `/${c.channels}` : ''}`];
  const params = Object.entries(c.parameters ?? {});
  if (params.length) out.push(`a=fmtp:${c.payloadType} ${params.map(([k, v]) => `${k}=${v}`).join(';')}`);
  for (const fb of c.rtcpFeedback ?? []) out.push(`a=rtcp-fb:${c.payloadType} ${fb.type}${fb.parameter ? ` ${fb.parameter}` : ''}`);
  return out;
}

/** The SFU's description: an answer to our sending offer, or an offer for what we receive. */
export function writeRemoteSdp(t: TransportInfo, setup: 'passive' | 'actpass', sections: RemoteSection[], version: number): string {
  const fp = t.dtlsParameters.fingerprints.find((f) => f.algorithm === 'sha-256') ?? t.dtlsParameters.fingerprints[0];
  if (!fp) throw new Error('the SFU sent no DTLS fingerprint');
  const out = ['v=0', `o=ventanilla-sfu 10000 ${version} IN IP4 0.0.0.0`, 's=-', 't=0 0', 'a=ice-lite',
    `a=group:BUNDLE ${sections.map((s) => s.mid).join(' ')}`, 'a=msid-semantic: WMS *'];
  for (const s of sections) {
    out.push(`m=${s.kind} 7 UDP/TLS/RTP/SAVPF ${s.codecs.map((c) => c.payloadType).join(' ')}`, 'c=IN IP4 127.0.0.1',
      `a=ice-ufrag:${t.iceParameters.usernameFragment}`, `a=ice-pwd:${t.iceParameters.password}`,
      `a=fingerprint:${fp.algorithm} ${fp.value}`, `a=setup:${setup}`, `a=mid:${s.mid}`, `a=${s.direction}`,
      'a=rtcp-mux', 'a=rtcp-rsize');
    for (const c of s.codecs) out.push(...codecLines(c));
    for (const e of s.extensions) out.push(`a=extmap:${e.id} ${e.uri}`);
    if (s.send) {
      const { ssrc, rtxSsrc, cname, streamId, trackId } = s.send;
      out.push(`a=msid:${streamId} ${trackId}`);
      if (rtxSsrc) out.push(`a=ssrc-group:FID ${ssrc} ${rtxSsrc}`);
      out.push(`a=ssrc:${ssrc} cname:${cname}`);
      if (rtxSsrc) out.push(`a=ssrc:${rtxSsrc} cname:${cname}`);
    }
    out.push(...t.iceCandidates.map(candidateLine), 'a=end-of-candidates');
  }
  return `${out.join('\r\n')}\r\n`;
}
