import type { types as ms } from 'mediasoup';
import type { Peer } from '../peer.js';
import type { PeerInfo, ProducerInfo } from './protocol.js';

export const peerInfo = ({ identity }: Peer): PeerInfo => ({
  peerId: identity.peerId,
  displayName: identity.displayName,
  role: identity.role,
});

export const producerInfo = (owner: Peer, producer: ms.Producer): ProducerInfo => ({
  producerId: producer.id,
  peerId: owner.id,
  kind: producer.kind,
  paused: producer.paused,
});
