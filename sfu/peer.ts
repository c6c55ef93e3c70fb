import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { types as ms } from 'mediasoup';
import { SfuError } from './errors.js';
import type { TransportSettings } from './transport-options.js';

export type PeerRole = 'agent' | 'guest';
export type PeerIdentity = Readonly<{ peerId: string; displayName: string; role: PeerRole }>;
export type TransportDirection = 'send' | 'recv';
export type PeerCloseReason = 'left' | 'disconnected' | 'replaced' | 'roomClosed';

type TransportData = { direction: TransportDirection };
export type PeerTransport = ms.WebRtcTransport<TransportData>;

type PeerEvents = {
  close: [reason: PeerCloseReason];
  /** Whatever closed it: the client, its transport, or the peer itself. */
  producerClosed: [producer: ms.Producer];
  /** The remote producer went away, so mediasoup closed this consumer; the client must know. */
  consumerClosed: [consumer: ms.Consumer];
};

/**
 * One participant of a room. It owns its transports, and through them its producers and
 * consumers: closing the peer closes the transports, which close the rest (mediasoup's own
 * cascade); the maps follow each object's `close` so they never hold a dead one.
 */
export class Peer extends EventEmitter<PeerEvents> {
  readonly #transports = new Map<string, PeerTransport>();
  readonly #producers = new Map<string, ms.Producer>();
  readonly #consumers = new Map<string, ms.Consumer>();
  #closed = false;

  constructor(
    readonly identity: PeerIdentity,
    private readonly router: ms.Router,
    private readonly settings: TransportSettings,
    private readonly log: Logger,
  ) {
    super();
  }

  get id(): string {
    return this.identity.peerId;
  }
  get closed(): boolean {
    return this.#closed;
  }
  get transports(): ReadonlyMap<string, PeerTransport> {
    return this.#transports;
  }
  get producers(): ReadonlyMap<string, ms.Producer> {
    return this.#producers;
  }
  get consumers(): ReadonlyMap<string, ms.Consumer> {
    return this.#consumers;
  }

  async createWebRtcTransport(direction: TransportDirection): Promise<PeerTransport> {
    this.#assertOpen();
    const transport = await this.router.createWebRtcTransport<TransportData>({
      ...this.settings,
      listenInfos: [...this.settings.listenInfos],
      appData: { direction },
    });
    // The peer may have closed while the worker was creating the transport.
    if (this.#closed) {
      transport.close();
      this.#assertOpen();
    }
    this.#transports.set(transport.id, transport);
    transport.observer.once('close', () => this.#transports.delete(transport.id));
    return transport;
  }

  async connectTransport(transportId: string, dtlsParameters: ms.DtlsParameters): Promise<void> {
    await this.#transport(transportId).connect({ dtlsParameters });
  }

  async produce(transportId: string, kind: ms.MediaKind, rtpParameters: ms.RtpParameters): Promise<ms.Producer> {
    const transport = this.#transport(transportId, 'send');
    const producer = await transport.produce({ kind, rtpParameters });
    // Its transport may have closed during the await; a closed producer would never leave the map.
    if (producer.closed) throw new SfuError('invalid_state', 'transport closed while producing');
    this.#producers.set(producer.id, producer);
    producer.observer.once('close', () => {
      this.#producers.delete(producer.id);
      this.emit('producerClosed', producer);
    });
    return producer;
  }

  /** Created paused: media flows only once the client has set up its side and resumes it. */
  async consume(transportId: string, producer: ms.Producer, rtpCapabilities: ms.RtpCapabilities): Promise<ms.Consumer> {
    const transport = this.#transport(transportId, 'recv');
    if (this.#producers.has(producer.id)) throw new SfuError('cannot_consume', 'a peer does not consume itself');
    if (!this.router.canConsume({ producerId: producer.id, rtpCapabilities })) {
      throw new SfuError('cannot_consume', `no codec in common to consume producer ${producer.id}`);
    }
    const consumer = await transport.consume({ producerId: producer.id, rtpCapabilities, paused: true });
    if (consumer.closed) throw new SfuError('invalid_state', 'transport or producer closed while consuming');
    this.#consumers.set(consumer.id, consumer);
    consumer.observer.once('close', () => this.#consumers.delete(consumer.id));
    consumer.once('producerclose', () => this.emit('consumerClosed', consumer));
    return consumer;
  }

  async resumeConsumer(consumerId: string): Promise<void> {
    await this.#lookup(this.#consumers, consumerId, 'consumer').resume();
  }
  async pauseProducer(producerId: string): Promise<ms.Producer> {
    const producer = this.#lookup(this.#producers, producerId, 'producer');
    await producer.pause();
    return producer;
  }
  async resumeProducer(producerId: string): Promise<ms.Producer> {
    const producer = this.#lookup(this.#producers, producerId, 'producer');
    await producer.resume();
    return producer;
  }
  closeProducer(producerId: string): void {
    this.#lookup(this.#producers, producerId, 'producer').close();
  }

  close(reason: PeerCloseReason): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const transport of this.#transports.values()) transport.close();
    this.log.info({ peerId: this.id, reason }, 'peer closed');
    this.emit('close', reason);
  }

  #transport(id: string, direction?: TransportDirection): PeerTransport {
    const transport = this.#lookup(this.#transports, id, 'transport');
    if (direction && transport.appData.direction !== direction) {
      throw new SfuError('wrong_direction', `transport ${id} is a ${transport.appData.direction} transport`);
    }
    return transport;
  }

  #lookup<T>(map: ReadonlyMap<string, T>, id: string, what: string): T {
    this.#assertOpen();
    const found = map.get(id);
    if (!found) throw new SfuError('not_found', `no ${what} ${id} on this peer`);
    return found;
  }

  #assertOpen(): void {
    if (this.#closed) throw new SfuError('invalid_state', 'peer is closed');
  }
}
