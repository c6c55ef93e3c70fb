// The call's media, apart from any UI: one socket to the SFU (the join token names the room),
// a send and a receive transport, our producers and the other peers' tracks.
import type { RoomFact } from '@domain/contracts/video';
import { Device, type types as mc } from 'mediasoup-client';
import { io, type Socket } from 'socket.io-client';
import { ApiError, fieldErrorsOf } from '../api/errors';
import { Emitter } from './emitter';
import { openTransport } from './sfu/transports';
import type { Ack, Consumed, Joined, MediaKind, PeerInfo, ProducerInfo, Request } from './sfu/types';

export type RemoteTrack = { peerId: string; kind: MediaKind; track: MediaStreamTrack; consumerId: string };
/** Per peer, the kinds it sends and whether each is paused (a muted microphone, a camera turned off). */
export type RemoteMedia = Record<string, Partial<Record<MediaKind, { paused: boolean }>>>;

type Events = {
  peers: PeerInfo[];
  track: RemoteTrack;
  trackEnded: { consumerId: string };
  /** Issue 16: what each other peer sends, paused or not (from the SFU's producer events). */
  remoteMedia: RemoteMedia;
  /** An in-call fact the API stored (chat, tag, terms, presence), relayed by the SFU. */
  roomEvent: RoomFact;
  /** The room closed (the ticket ended) or the connection was lost for good. */
  ended: { reason: string };
};

export class SfuClient extends Emitter<Events> {
  readonly #socket: Socket;
  readonly #peers = new Map<string, PeerInfo>();
  readonly #producers = new Map<MediaKind, mc.Producer>();
  readonly #consumers = new Map<string, mc.Consumer>();
  /** The other peers' producers, as the SFU announced them. */
  readonly #remote = new Map<string, ProducerInfo>();
  readonly #device: Device;
  #send: mc.Transport | undefined;
  #recv: mc.Transport | undefined;
  #receiving: mc.RtpCapabilities = {};

  private constructor(socket: Socket, device: Device) {
    super();
    this.#socket = socket;
    this.#device = device;
  }

  /** Connects and joins the room the token grants; remote tracks arrive through `track`. */
  static async join(sfuUrl: string, token: string): Promise<SfuClient> {
    const socket = io(`${sfuUrl}/sfu`, { auth: { token }, transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      // The SFU refuses a bad token with `data.code`; anything else is the network's doing.
      socket.once('connect_error', (err: Error & { data?: { code?: unknown } }) => {
        reject(new ApiError(typeof err.data?.code === 'string' ? err.data.code : 'network'));
      });
    });
    try {
      // The browser picks its handler (Chromium, headless too, reports itself through
      // NavigatorUAData in a secure context: Chrome111); Firefox and Safari guests get theirs.
      const client = new SfuClient(socket, await Device.factory());
      await client.#start();
      return client;
    } catch (err) {
      socket.disconnect();
      throw err;
    }
  }

  readonly request: Request = async <T extends object>(event: string, payload?: object) => {
    const timed = this.#socket.timeout(10_000);
    const ack = (await (payload === undefined
      ? timed.emitWithAck(event)
      : timed.emitWithAck(event, payload))) as Ack<T>;
    if (!ack.ok) throw new ApiError(ack.error.code, {}, fieldErrorsOf(ack.error.fields));
    return ack;
  };

  get peers(): PeerInfo[] {
    return [...this.#peers.values()];
  }

  async #start(): Promise<void> {
    const s = this.#socket;
    s.on('peerJoined', (p: PeerInfo) => this.#setPeer(p.peerId, p));
    s.on('peerLeft', ({ peerId }: { peerId: string }) => this.#setPeer(peerId, undefined));
    s.on('newProducer', (p: ProducerInfo) => {
      this.#setRemote(p.producerId, p);
      void this.#consume(p);
    });
    s.on('producerPaused', (p: ProducerInfo) => this.#setRemote(p.producerId, p));
    s.on('producerResumed', (p: ProducerInfo) => this.#setRemote(p.producerId, p));
    s.on('producerClosed', ({ producerId }: { producerId: string }) => this.#setRemote(producerId, undefined));
    s.on('consumerClosed', ({ consumerId }: { consumerId: string }) => {
      this.emit('trackEnded', { consumerId });
      this.#consumers.get(consumerId)?.close();
      this.#consumers.delete(consumerId);
    });
    s.on('roomEvent', (e: RoomFact) => this.emit('roomEvent', e));
    s.on('roomClosed', ({ reason }: { reason: string }) => this.emit('ended', { reason }));
    s.on('disconnect', (reason) => this.emit('ended', { reason }));

    const joined = await this.request<Joined>('join');
    await this.#device.load({ routerRtpCapabilities: joined.routerRtpCapabilities });
    // Everything the browser can receive, bandwidth-estimation extensions included: they carry
    // congestion control on the SFU → browser path.
    this.#receiving = this.#device.recvRtpCapabilities;
    for (const p of joined.peers) this.#peers.set(p.peerId, p);
    this.emit('peers', this.peers);
    [this.#send, this.#recv] = await Promise.all([
      openTransport(this.#device, 'send', this.request),
      openTransport(this.#device, 'recv', this.request),
    ]);
    for (const p of joined.producers) {
      this.#setRemote(p.producerId, p);
      void this.#consume(p);
    }
  }

  get remoteMedia(): RemoteMedia {
    const out: RemoteMedia = {};
    for (const p of this.#remote.values()) out[p.peerId] = { ...out[p.peerId], [p.kind]: { paused: p.paused } };
    return out;
  }

  #setRemote(producerId: string, info: ProducerInfo | undefined): void {
    if (info) this.#remote.set(producerId, info);
    else if (!this.#remote.delete(producerId)) return;
    this.emit('remoteMedia', this.remoteMedia);
  }

  #setPeer(peerId: string, info: PeerInfo | undefined): void {
    if (info) this.#peers.set(peerId, info);
    else this.#peers.delete(peerId);
    this.emit('peers', this.peers);
    // A peer gone is gone with its producers (the SFU's producerClosed may come after peerLeft).
    if (!info) for (const [id, p] of this.#remote) if (p.peerId === peerId) this.#setRemote(id, undefined);
  }

  async #consume(p: ProducerInfo): Promise<void> {
    const recv = this.#recv;
    if (!recv) return;
    try {
      const c = await this.request<Consumed>('consume', {
        transportId: recv.id,
        producerId: p.producerId,
        rtpCapabilities: this.#receiving,
      });
      const consumer = await recv.consume({
        id: c.consumerId,
        producerId: c.producerId,
        kind: c.kind,
        rtpParameters: c.rtpParameters,
        streamId: `peer-${c.peerId}`,
      });
      this.#consumers.set(consumer.id, consumer);
      // The SFU creates the consumer paused, so no packet arrives before the track exists.
      await this.request('resumeConsumer', { consumerId: c.consumerId });
      this.emit('track', { peerId: c.peerId, kind: c.kind, track: consumer.track, consumerId: c.consumerId });
    } catch (err) {
      // A producer that closed meanwhile is normal; anything else is worth a console line.
      console.error(`receiving ${p.kind} from ${p.peerId} failed`, err);
    }
  }

  /** Sends a track; a second call for the same kind replaces the track on the same producer. */
  async publish(track: MediaStreamTrack): Promise<void> {
    const kind = track.kind as MediaKind;
    const existing = this.#producers.get(kind);
    if (existing) return existing.replaceTrack({ track });
    if (!this.#send) throw new Error('not joined');
    // The caller owns its tracks (the camera comes back after a screen share): never stop them here.
    this.#producers.set(kind, await this.#send.produce({ track, stopTracks: false }));
  }

  /** D5/D6: a paused producer stops at the SFU, so the other side receives nothing at all. */
  async setPaused(kind: MediaKind, paused: boolean): Promise<void> {
    const producer = this.#producers.get(kind);
    if (!producer) return;
    // mediasoup-client also disables the local track (disableTrackOnPause): the camera light stays, the picture goes.
    if (paused) producer.pause();
    else producer.resume();
    await this.request(paused ? 'pauseProducer' : 'resumeProducer', { producerId: producer.id });
  }

  close(): void {
    this.#socket.disconnect();
    this.#send?.close();
    this.#recv?.close();
  }
}
