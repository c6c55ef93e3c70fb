import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadSfuConfig } from './config.js';

const BIN = '/opt/mediasoup-worker';

describe('SFU config from the environment', () => {
  it('applies the defaults: one worker per core, ports 40000-40999 on 127.0.0.1', () => {
    expect(loadSfuConfig({ MEDIASOUP_WORKER_BIN: BIN, SFU_WORKERS: '' })).toMatchObject({
      workerBin: BIN,
      numWorkers: availableParallelism(),
      rtcMinPort: 40000,
      rtcMaxPort: 40999,
      listenIp: '127.0.0.1',
      announcedAddress: undefined,
      workerLogLevel: 'warn',
    });
  });

  it('coerces numbers and keeps the announced address', () => {
    const config = loadSfuConfig({
      MEDIASOUP_WORKER_BIN: BIN,
      SFU_WORKERS: '3',
      SFU_RTC_MIN_PORT: '50000',
      SFU_RTC_MAX_PORT: '50100',
      SFU_ANNOUNCED_ADDRESS: 'media.example.org',
    });
    expect(config).toMatchObject({
      numWorkers: 3,
      rtcMinPort: 50000,
      rtcMaxPort: 50100,
      announcedAddress: 'media.example.org',
    });
  });

  it('names each invalid variable', () => {
    expect(() => loadSfuConfig({})).toThrow(/MEDIASOUP_WORKER_BIN/);
    expect(() => loadSfuConfig({ MEDIASOUP_WORKER_BIN: '/dev/null' })).toThrow(/MEDIASOUP_WORKER_BIN/);
    expect(() =>
      loadSfuConfig({ MEDIASOUP_WORKER_BIN: BIN, SFU_RTC_MIN_PORT: '41000', SFU_RTC_MAX_PORT: '40000' }),
    ).toThrow(/SFU_RTC_MIN_PORT/);
    expect(() => loadSfuConfig({ MEDIASOUP_WORKER_BIN: BIN, SFU_WORKERS: 'many' })).toThrow(/SFU_WORKERS/);
  });
});
