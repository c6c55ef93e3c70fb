import type { types as ms } from 'mediasoup';
import type { SfuConfig } from './config.js';

export type TransportSettings = Readonly<{
  listenInfos: ms.TransportListenInfo[];
  enableUdp: boolean;
  enableTcp: boolean;
  preferUdp: boolean;
  initialAvailableOutgoingBitrate: number;
}>;

/**
 * UDP first, TCP as the fallback for networks that block UDP; both on the configured port range
 * (per listen info: the worker-wide rtcMinPort/rtcMaxPort are deprecated in mediasoup 3.12+).
 */
export function transportSettings(config: SfuConfig): TransportSettings {
  const listen = (protocol: ms.TransportProtocol): ms.TransportListenInfo => ({
    protocol,
    ip: config.listenIp,
    ...(config.announcedAddress ? { announcedAddress: config.announcedAddress } : {}),
    portRange: { min: config.rtcMinPort, max: config.rtcMaxPort },
  });
  return {
    listenInfos: [listen('udp'), listen('tcp')],
    enableUdp: true,
    enableTcp: true,
    preferUdp: true,
    initialAvailableOutgoingBitrate: 1_000_000,
  };
}
