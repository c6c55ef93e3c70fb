// A background pass run at start and then every `everyMs` in a long-lived process (the worker's
// stuck-work sweeper, the report rollups). A pass still running when the next is due is not
// doubled up: that tick is skipped. `stop()` waits for the pass under way.
export interface Periodic {
  stop(): Promise<void>;
}

export function runEvery(everyMs: number, pass: () => Promise<unknown>, onError: (err: unknown) => void): Periodic {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = pass()
      .catch(onError)
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
