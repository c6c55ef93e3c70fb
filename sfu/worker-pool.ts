import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { types as ms } from 'mediasoup';

export type CreateWorker = () => Promise<ms.Worker>;

type WorkerPoolEvents = {
  /** The dead worker's routers (hence its rooms) are already closed when this fires. */
  workerDied: [pid: number, error: Error];
  workerReplaced: [deadPid: number, fresh: ms.Worker];
};

const MAX_RETRY_DELAY_MS = 30_000;

/**
 * A fixed number of mediasoup workers (one per core: a worker is single-threaded), handed out
 * round-robin. A worker that dies is replaced in its slot; the rooms it hosted close with it
 * (their routers die with the process) and their peers rejoin on a live worker.
 */
export class WorkerPool extends EventEmitter<WorkerPoolEvents> {
  readonly #slots: (ms.Worker | undefined)[];
  readonly #retryTimers = new Set<NodeJS.Timeout>();
  #cursor = 0;
  #closed = false;

  private constructor(
    private readonly createWorker: CreateWorker,
    private readonly log: Logger,
    size: number,
  ) {
    super();
    this.#slots = Array.from({ length: size }, () => undefined);
  }

  static async start(opts: { size: number; createWorker: CreateWorker; log: Logger }): Promise<WorkerPool> {
    const pool = new WorkerPool(opts.createWorker, opts.log, opts.size);
    const started = await Promise.allSettled(pool.#slots.map((_, slot) => pool.#spawn(slot)));
    const failure = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) {
      pool.close();
      throw new Error('could not start the mediasoup workers', { cause: failure.reason });
    }
    return pool;
  }

  /** Live workers, in slot order. */
  get workers(): ms.Worker[] {
    return this.#slots.filter((w): w is ms.Worker => w !== undefined && !w.closed);
  }

  /** The next live worker, round-robin; throws while every slot is being replaced. */
  next(): ms.Worker {
    for (let i = 0; i < this.#slots.length; i++) {
      const worker = this.#slots[this.#cursor];
      this.#cursor = (this.#cursor + 1) % this.#slots.length;
      if (worker && !worker.closed) return worker;
    }
    throw new Error(this.#closed ? 'worker pool is closed' : 'no live mediasoup worker (replacements pending)');
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const timer of this.#retryTimers) clearTimeout(timer);
    this.#retryTimers.clear();
    for (const worker of this.#slots) worker?.close();
    this.#slots.fill(undefined);
  }

  async #spawn(slot: number): Promise<ms.Worker> {
    const worker = await this.createWorker();
    if (this.#closed) {
      worker.close();
      throw new Error('worker pool closed while a worker was starting');
    }
    this.#slots[slot] = worker;
    worker.on('died', (error) => this.#onDied(slot, worker, error));
    this.log.info({ pid: worker.pid, slot }, 'mediasoup worker started');
    return worker;
  }

  #onDied(slot: number, worker: ms.Worker, error: Error): void {
    this.log.error({ pid: worker.pid, slot, err: error }, 'mediasoup worker died; replacing it');
    if (this.#slots[slot] === worker) this.#slots[slot] = undefined;
    this.emit('workerDied', worker.pid, error);
    this.#replace(slot, worker.pid, 0);
  }

  #replace(slot: number, deadPid: number, attempt: number): void {
    if (this.#closed) return;
    this.#spawn(slot).then(
      (fresh) => this.emit('workerReplaced', deadPid, fresh),
      (err: unknown) => {
        if (this.#closed) return;
        // Back off so a binary that crashes at start-up does not spin a core.
        const delay = Math.min(MAX_RETRY_DELAY_MS, 500 * 2 ** attempt);
        this.log.error({ err, slot, attempt, delay }, 'could not replace mediasoup worker; will retry');
        const timer = setTimeout(() => {
          this.#retryTimers.delete(timer);
          this.#replace(slot, deadPid, attempt + 1);
        }, delay);
        this.#retryTimers.add(timer);
      },
    );
  }
}
