import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { types as ms } from 'mediasoup';
import { RoomRegistry } from './room-registry.js';
import { INSTALL_TIMEOUT_MS, startTestSfu, testLog } from '../tests/support/sfu.js';
import { WorkerPool } from './worker-pool.js';

describe('SFU worker pool (real mediasoup-worker)', () => {
  const log = testLog();
  let pool: WorkerPool;
  let registry: RoomRegistry;

  let sfu: Awaited<ReturnType<typeof startTestSfu>> | undefined;

  beforeAll(async () => {
    sfu = await startTestSfu(log);
    ({ pool, registry } = sfu);
  }, INSTALL_TIMEOUT_MS);

  afterAll(() => sfu?.close());

  it('starts N workers and hands them out round-robin', () => {
    const pids = pool.workers.map((w) => w.pid);
    expect(pids).toHaveLength(2);
    expect(new Set(pids).size).toBe(2);
    const handedOut = [pool.next(), pool.next(), pool.next(), pool.next()].map((w) => w.pid);
    expect(handedOut[0]).not.toBe(handedOut[1]);
    expect(handedOut.slice(2)).toEqual(handedOut.slice(0, 2));
  });

  it('replaces a worker killed with SIGKILL and closes the rooms it hosted', async () => {
    const room = await registry.getOrCreate('doomed');
    const victim = pool.workers.find((w) => w.pid === room.stats().workerPid) as ms.Worker;
    const roomClosed = once(room, 'close');
    const replaced = once(pool, 'workerReplaced');

    process.kill(victim.pid, 'SIGKILL');

    const [deadPid, fresh] = (await replaced) as [number, ms.Worker];
    expect(deadPid).toBe(victim.pid);
    expect(fresh.pid).not.toBe(victim.pid);
    expect(await roomClosed).toEqual(['workerDied']);
    expect(registry.get('doomed')).toBeUndefined();
    const live = pool.workers;
    expect(live).toHaveLength(2);
    expect(live.map((w) => w.pid)).not.toContain(victim.pid);

    // Peers reconnect: the same room id gets a fresh router on a live worker.
    const again = await registry.getOrCreate('doomed');
    expect(again).not.toBe(room);
    expect(live.map((w) => w.pid)).toContain(again.stats().workerPid);
  });
});
