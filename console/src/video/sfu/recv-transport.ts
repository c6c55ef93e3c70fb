// The receiving half: the SFU "offers" each consumer as a sendonly m-section and the browser
// answers. A gone consumer's section turns inactive (m-sections are never removed).
import { readFingerprint, writeRemoteSdp, type RemoteSection } from './sdp';
import { Serial } from './serial';
import type { Consumed, Request, TransportInfo } from './types';

export class RecvTransport {
  readonly pc = new RTCPeerConnection({ iceServers: [], bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
  readonly #sections: RemoteSection[] = [];
  readonly #serial = new Serial();
  #connected = false;
  #version = 1;

  constructor(
    private readonly info: TransportInfo,
    private readonly request: Request,
  ) {}

  get id(): string {
    return this.info.transportId;
  }

  /** Adds the consumer's section and returns its track (still paused server-side). */
  receive(c: Consumed): Promise<MediaStreamTrack> {
    return this.#serial.run(async () => {
      const p = c.rtpParameters;
      const mid = p.mid ?? String(this.#sections.length);
      const encoding = p.encodings?.[0];
      if (!encoding?.ssrc) throw new Error(`consumer ${c.consumerId} has no SSRC`);
      this.#sections.push({
        mid, kind: c.kind, direction: 'sendonly', codecs: p.codecs, extensions: p.headerExtensions ?? [],
        send: { ssrc: encoding.ssrc, rtxSsrc: encoding.rtx?.ssrc, cname: p.rtcp?.cname ?? c.peerId, streamId: `peer-${c.peerId}`, trackId: c.consumerId },
      });
      await this.#negotiate();
      const transceiver = this.pc.getTransceivers().find((t) => t.mid === mid);
      if (!transceiver) throw new Error(`no transceiver for mid ${mid}`);
      return transceiver.receiver.track;
    });
  }

  stop(consumerId: string): Promise<void> {
    return this.#serial.run(async () => {
      const section = this.#sections.find((s) => s.send?.trackId === consumerId);
      if (!section || section.direction === 'inactive') return;
      section.direction = 'inactive';
      await this.#negotiate();
    });
  }

  async #negotiate(): Promise<void> {
    await this.pc.setRemoteDescription({ type: 'offer', sdp: writeRemoteSdp(this.info, 'actpass', this.#sections, this.#version++) });
    const answer = await this.pc.createAnswer();
    await this.pc.setLocalDescription(answer);
    if (!this.#connected && answer.sdp) {
      // Chromium answers setup:active, i.e. it is the DTLS client.
      await this.request('connectTransport', { transportId: this.info.transportId, dtlsParameters: { role: 'client', fingerprints: [readFingerprint(answer.sdp)] } });
      this.#connected = true;
    }
  }

  close(): void {
    this.pc.close();
  }
}
