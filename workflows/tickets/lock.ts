import { condition } from '@temporalio/workflow';

/**
 * Serialises handlers that await an activity and then change state, so two updates (two agents
 * calling the same ticket) cannot interleave between planning and applying.
 */
export function createLock() {
  let held = false;
  return {
    get held() {
      return held;
    },
    async run<T>(fn: () => Promise<T>): Promise<T> {
      // Re-check after every wake-up: when several waiters are released in the same activation,
      // the first to resume takes the lock and the others must wait again.
      while (held) await condition(() => !held);
      held = true;
      try {
        return await fn();
      } finally {
        held = false;
      }
    },
  };
}
