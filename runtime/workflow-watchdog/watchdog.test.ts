// The workflow watchdog (issue 15): calls into workflow code run without node:vm's per-call
// watchdog thread, yet a workflow whose code never yields is still caught within the SDK's bound,
// named, terminated in Temporal, and its worker stopped (to be restarted by its supervisor).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, NativeConnection, type Worker } from '@temporalio/worker';
import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker, type createActivities } from '../worker-factory.js';
import { createTestStack, type TestStack } from '../../tests/support/stack.js';

let s: TestStack;
let native: NativeConnection;
const here = path.dirname(fileURLToPath(import.meta.url));

beforeAll(async () => {
  s = await createTestStack();
  native = await NativeConnection.connect({ address: inject('temporalAddress') });
});
afterAll(async () => {
  await native?.close();
  await s?.close();
});

async function startWorker(taskQueue: string): Promise<{ worker: Worker; running: Promise<void> }> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: path.join(here, 'fixtures/workflows.ts'),
    logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} },
  });
  const worker = await createWorker({
    connection: native,
    namespace: s.namespace,
    taskQueue,
    db: s.db,
    temporal: s.client,
    codec: null,
    workflowBundle: { code },
    activities: {} as ReturnType<typeof createActivities>, // the fixtures call none
    isolateExecutionTimeout: '1s',
    shutdownForceTime: '5s',
  });
  return { worker, running: worker.run() };
}

describe('workflow watchdog', () => {
  it('runs workflow code without a per-call timeout, and stops a workflow that never yields', async () => {
    const taskQueue = `tq-watchdog-${Date.now()}`;
    const { running } = await startWorker(taskQueue);
    const stopped = running.then(
      () => 'stopped cleanly',
      (err: unknown) => (err as Error).message,
    );

    const answered = await s.client.workflow.start('answers', { taskQueue, workflowId: `answers-${taskQueue}` });
    expect(await answered.result()).toBe('ok');
    // WORKFLOW_STACK_TRACES is off by default: the SDK's promise hook is not installed, and the
    // Web UI's stack trace query says so instead of answering from it.
    await expect(answered.query('__stack_trace')).rejects.toThrow(/not enabled/);

    const started = Date.now();
    const looping = await s.client.workflow.start('loopsForever', { taskQueue, workflowId: `loops-${taskQueue}` });
    // The thread is terminated past the 1 s bound, which fails the SDK worker: its run() ends.
    expect(await stopped).toMatch(/Workflow Worker Thread|exited/i);
    expect(Date.now() - started).toBeLessThan(15_000);

    // Named and terminated in Temporal, so the next worker does not loop on it again.
    const d = await looping.describe();
    expect(d.status.name).toBe('TERMINATED');
  }, 60_000);
});

describe("the SDK's stack-trace hook, refused while WORKFLOW_STACK_TRACES is off", () => {
  const { isSdkStackTraceHook } = createRequire(import.meta.url)('./thread.cjs') as {
    isSdkStackTraceHook(stack: string): boolean;
  };
  const sdk = 'node_modules/@temporalio/worker';
  it('is recognised in a plain stack and in a source-mapped one (how tsx runs the worker)', () => {
    const plain = `Error\n    at v8.promiseHooks.createHook (thread.cjs:76:10)\n    at ReusableVMWorkflowCreator.setPromiseHook (${sdk}/lib/workflow/vm-shared.js:244:66)`;
    // Under tsx the frame names the TypeScript source: the old `.js`-only match let the hook in.
    const mapped = `Error\n    at v8.promiseHooks.createHook (thread.cjs:76:10)\n    at ReusableVMWorkflowCreator.setPromiseHook (${sdk}/src/workflow/vm-shared.ts:284:40)`;
    expect(isSdkStackTraceHook(plain)).toBe(true);
    expect(isSdkStackTraceHook(mapped)).toBe(true);
  });
  it("leaves every other promise hook alone (Node's own, AsyncLocalStorage's)", () => {
    expect(isSdkStackTraceHook('Error\n    at createHook (node:internal/async_hooks:120:3)')).toBe(false);
    expect(isSdkStackTraceHook(`Error\n    at VMWorkflow.activate (${sdk}/lib/workflow/vm-shared.js:340:1)`)).toBe(
      false,
    );
  });
});
