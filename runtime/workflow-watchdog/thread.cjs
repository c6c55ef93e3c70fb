'use strict';
// Preloaded (`--require`) into the Temporal SDK's workflow thread by watchdog.ts; nowhere else.
//
// The SDK bounds every call into a workflow's V8 context with node:vm's `timeout`, and Node
// enforces that by starting a watchdog thread for each call and joining it on return: a few
// hundred microseconds per call on a busy 2-core machine, several calls per activation. That was
// half of the workflow thread's time in `./ventanilla bench` (issue 15). Here the per-call timeout
// is dropped and each call is only marked in shared memory instead; one long-lived monitor in the
// main thread (watchdog.ts) enforces the same bound and names the workflow that overran it.
//
// Plain CommonJS on purpose: the thread loads it before any TypeScript loader is in place.
const { workerData } = require('node:worker_threads');

const shared = workerData && workerData.ventanillaWatchdog;
if (workerData && workerData.ventanillaStackTraces === false) withoutStackTraces();
if (shared instanceof SharedArrayBuffer) {
  const vm = require('node:vm');
  // [0] calls in progress, [1] calls started (the monitor sees progress by it), [2] name length,
  // [3] the bound the SDK asked for (its isolateExecutionTimeout), which the monitor enforces.
  const state = new Int32Array(shared, 0, 4);
  const name = new Uint8Array(shared, 16);
  const encoder = new TextEncoder();
  let namedHolder;

  /**
   * Which workflow the call runs: the SDK sets `__temporal_args` = [holder, fn, args] on the
   * context before each call, and the holder's globals carry that workflow's activator. Read-only
   * and defensive: if the SDK's layout changes the monitor only loses the name, not the bound.
   */
  const noteWorkflow = (context) => {
    const holder = context.__temporal_args && context.__temporal_args[0];
    if (!holder || holder === namedHolder) return;
    const live = context.__TEMPORAL_BAG_HOLDER__ === holder ? context.__TEMPORAL_ACTIVATOR__ : undefined;
    const bagged = holder.bag && holder.bag.__TEMPORAL_ACTIVATOR__ && holder.bag.__TEMPORAL_ACTIVATOR__.value;
    const info = (live || bagged || {}).info;
    if (!info) return void Atomics.store(state, 2, 0); // being initialised: named from its next call
    namedHolder = holder;
    const text = JSON.stringify({
      namespace: info.namespace,
      workflowId: info.workflowId,
      runId: info.runId,
      workflowType: info.workflowType,
    });
    const { written } = encoder.encodeInto(text, name);
    Atomics.store(state, 2, written);
  };

  const run = vm.Script.prototype.runInContext; // vm.runInContext() goes through it too
  vm.Script.prototype.runInContext = function runInContext(context, options) {
    if (!options || options.timeout === undefined) return run.call(this, context, options);
    const { timeout, ...rest } = options;
    noteWorkflow(context);
    Atomics.store(state, 3, timeout);
    Atomics.add(state, 1, 1);
    Atomics.add(state, 0, 1);
    try {
      return run.call(this, context, rest);
    } finally {
      Atomics.sub(state, 0, 1);
    }
  };
}

/**
 * The SDK collects workflow stack traces (the Web UI's "stack trace" query) with a V8 promise
 * hook that captures and source-maps a stack for every promise workflow code creates. Where the
 * hook cannot be installed the SDK runs without it and answers that query with "not enabled" —
 * the path taken here, unless WORKFLOW_STACK_TRACES=on. Its one console warning is expected.
 */
function withoutStackTraces() {
  const v8 = require('node:v8');
  const createHook = v8.promiseHooks.createHook;
  // Only the SDK's own hook is refused: Node installs promise hooks too (AsyncLocalStorage,
  // which the SDK's update scopes use), and those must keep working.
  v8.promiseHooks.createHook = function (...args) {
    if (isSdkStackTraceHook(new Error().stack || '')) {
      throw new Error('workflow stack traces are off (WORKFLOW_STACK_TRACES=off)');
    }
    return createHook.apply(this, args);
  };
  const warn = console.warn;
  console.warn = (...args) => {
    if (typeof args[0] === 'string' && args[0].startsWith('v8.promiseHooks.createHook is not available')) {
      console.warn = warn;
      return;
    }
    warn(...args);
  };
}

/**
 * Whether a stack is the SDK's stack-trace hook being installed (its `setPromiseHook`, in
 * vm-shared). The file is named by extension-free match: under tsx (how `./ventanilla start`,
 * the bench and the image run the worker) Node source-maps stacks, and the frame reads
 * `src/workflow/vm-shared.ts` — a `.js`-only match let the hook in, and it was half the
 * workflow thread's time in `./ventanilla bench` (issue 15).
 */
function isSdkStackTraceHook(stack) {
  return /\bsetPromiseHook\b/.test(stack) && /vm-shared\.[cm]?[jt]s\b/.test(stack);
}

module.exports = { isSdkStackTraceHook };
