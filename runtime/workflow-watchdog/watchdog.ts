// Bounds how long workflow code may run without yielding, for the whole process, with one
// monitor instead of the thread per call that node:vm's `timeout` starts (see thread.cjs).
//
// The SDK creates its workflow thread(s) with `new worker_threads.Worker(<its thread file>)`;
// that constructor is wrapped so those threads (and only those) preload thread.cjs and share a
// small buffer with the monitor. A workflow that overruns the bound is a bug in workflow code
// (say, a loop that never ends on some input): the thread cannot be interrupted short of
// terminating it, so the owner is told which workflow it was (to terminate it in Temporal, or
// its next worker would loop again) and the thread is terminated. The SDK then fails the worker
// and the process exits for its supervisor to restart, as after a kill -9, which loses nothing.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import workerThreads, { type WorkerOptions } from 'node:worker_threads';

export interface OverrunWorkflow {
  namespace?: string;
  workflowId?: string;
  runId?: string;
  workflowType?: string;
}

export interface Overrun {
  /** The workflow that was running, when the thread had named it. */
  workflow: OverrunWorkflow | null;
  ranMs: number;
}

type OverrunHandler = (o: Overrun) => void | Promise<void>;

const SDK_THREAD_FILE = `${path.sep}workflow-worker-thread.js`;
const THREAD_PATCH = path.join(path.dirname(fileURLToPath(import.meta.url)), 'thread.cjs');
const CHECK_EVERY_MS = 250;

const DEFAULT_BOUND_MS = 5_000;
const handlers = new Set<OverrunHandler>();
/** Whether the SDK may install its stack-trace promise hook in the threads created from now on (thread.cjs). */
let stackTraces = false;
let installed = false;

/**
 * Installs the process-wide guard (idempotent) and adds `onOverrun`; returns its removal. The
 * bound is the SDK's own per-call one (`isolateExecutionTimeout`, 5 s by default), as the thread
 * reports it.
 */
export function guardWorkflowThreads(onOverrun: OverrunHandler, opts: { stackTraces?: boolean } = {}): () => void {
  stackTraces = opts.stackTraces ?? false;
  handlers.add(onOverrun);
  if (!installed) {
    installed = true;
    const Original = workerThreads.Worker;
    // The SDK reads `Worker` off the module object at each construction, so replacing it here
    // reaches its threads; every other thread in the process is built as before.
    class GuardedWorker extends Original {
      constructor(filename: string | URL, options?: WorkerOptions) {
        if (typeof filename !== 'string' || !filename.endsWith(SDK_THREAD_FILE)) {
          super(filename, options);
          return;
        }
        const shared = new SharedArrayBuffer(16 + 512);
        super(filename, {
          ...options,
          execArgv: [...(options?.execArgv ?? process.execArgv), '--require', THREAD_PATCH],
          workerData: {
            ...(options?.workerData as object | undefined),
            ventanillaWatchdog: shared,
            ventanillaStackTraces: stackTraces,
          },
        });
        monitor(this, shared);
      }
    }
    workerThreads.Worker = GuardedWorker;
  }
  return () => void handlers.delete(onOverrun);
}

function monitor(thread: InstanceType<typeof workerThreads.Worker>, shared: SharedArrayBuffer): void {
  const state = new Int32Array(shared, 0, 4);
  const name = new Uint8Array(shared, 16);
  let seen = -1;
  let since = Date.now();
  const timer = setInterval(() => {
    const started = Atomics.load(state, 1);
    if (Atomics.load(state, 0) === 0 || started !== seen) {
      seen = started;
      since = Date.now();
      return;
    }
    const ranMs = Date.now() - since;
    if (ranMs < (Atomics.load(state, 3) || DEFAULT_BOUND_MS)) return;
    clearInterval(timer);
    const overrun: Overrun = { workflow: readName(name, Atomics.load(state, 2)), ranMs };
    void Promise.allSettled([...handlers].map(async (h) => h(overrun))).then(() => thread.terminate());
  }, CHECK_EVERY_MS);
  timer.unref();
  thread.once('exit', () => clearInterval(timer));
}

function readName(bytes: Uint8Array, length: number): OverrunWorkflow | null {
  if (length <= 0) return null;
  try {
    return JSON.parse(new TextDecoder().decode(bytes.slice(0, length))) as OverrunWorkflow;
  } catch {
    return null; // written while read: the overrun is still reported, unnamed
  }
}
