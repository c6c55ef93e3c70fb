// One mediasoup-client transport per direction, created on the SFU first and then wired to its
// signalling: the DTLS handshake (`connectTransport`) and, when sending, each new track (`produce`).
import type { Device, types as mc } from 'mediasoup-client';
import type { Request, TransportInfo } from './types';

export async function openTransport(
  device: Device,
  direction: 'send' | 'recv',
  request: Request,
): Promise<mc.Transport> {
  const info = await request<TransportInfo>('createTransport', { direction });
  const options = {
    id: info.transportId,
    iceParameters: info.iceParameters,
    iceCandidates: info.iceCandidates,
    dtlsParameters: info.dtlsParameters,
  };
  const transport = direction === 'send' ? device.createSendTransport(options) : device.createRecvTransport(options);
  transport.on('connect', ({ dtlsParameters }, done, fail) => {
    void request('connectTransport', { transportId: transport.id, dtlsParameters }).then(() => done(), fail);
  });
  transport.on('produce', ({ kind, rtpParameters }, done, fail) => {
    void request<{ producerId: string }>('produce', { transportId: transport.id, kind, rtpParameters }).then(
      ({ producerId }) => done({ id: producerId }),
      fail,
    );
  });
  return transport;
}
