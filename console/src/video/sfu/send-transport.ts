// The sending half: one RTCPeerConnection whose offers we answer on the SFU's behalf. A track
// change (screen share, another camera) is a replaceTrack on its sender: no renegotiation.
import { sendParameters } from './negotiation';
import { readFingerprint, readSection, writeRemoteSdp, type RemoteSection } from './sdp';
import { Serial } from './serial';
import type { MediaKind, Request, RtpCapabilities, TransportInfo } from './types';

export type LocalProducer = { id: string; kind: MediaKind; sender: RTCRtpSender };

export class SendTransport {
  readonly pc = new RTCPeerConnection({ iceServers: [], bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
  readonly #sections: RemoteSection[] = [];
  readonly #serial = new Serial();
  readonly #stream = new MediaStream();
  #connected = false;
  #version = 1;

  constructor(
    private readonly info: TransportInfo,
    private readonly caps: RtpCapabilities,
    private readonly request: Request,
  ) {}

  produce(track: MediaStreamTrack): Promise<LocalProducer> {
    return this.#serial.run(async () => {
      const kind = track.kind as MediaKind;
      const transceiver = this.pc.addTransceiver(track, { direction: 'sendonly', streams: [this.#stream] });
      const offer = await this.pc.createOffer();
      await this.pc.setLocalDescription(offer);
      const mid = transceiver.mid;
      if (!mid || !offer.sdp) throw new Error('the browser assigned no mid to the new track');
      if (!this.#connected) {
        // The browser is the DTLS client: the SFU's answer says setup:passive.
        await this.request('connectTransport', { transportId: this.info.transportId, dtlsParameters: { role: 'client', fingerprints: [readFingerprint(offer.sdp)] } });
        this.#connected = true;
      }
      const agreed = sendParameters(this.caps, kind, readSection(offer.sdp, mid));
      this.#sections.push({ mid, kind, direction: 'recvonly', codecs: agreed.codecs, extensions: agreed.extensions });
      await this.pc.setRemoteDescription({ type: 'answer', sdp: writeRemoteSdp(this.info, 'passive', this.#sections, this.#version++) });
      const { producerId } = await this.request<{ producerId: string }>('produce', { transportId: this.info.transportId, kind, rtpParameters: agreed.rtpParameters });
      return { id: producerId, kind, sender: transceiver.sender };
    });
  }

  close(): void {
    this.pc.close();
  }
}
