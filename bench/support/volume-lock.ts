// A cooperative lock file for a shared machine: while it exists, other heavy jobs that honour it
// (test runs) wait, so they do not skew the figures. Created atomically ('wx'); given up for a
// breather when held too long, so nobody else is starved by a long run; removed on any exit.
import fs from 'node:fs';

export interface BenchLock {
  /** Between two measurements: if held longer than the limit, free it for a while, then take it back. */
  breather(): Promise<void>;
  release(): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function take(file: string, say: (l: string) => void): Promise<void> {
  for (let waited = 0; ; waited += 30) {
    try {
      fs.writeFileSync(file, `${process.pid} reports-volume\n`, { flag: 'wx' });
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (waited % 300 === 0) say(`lock ${file} is held by someone else; waiting…`);
      await sleep(30_000);
    }
  }
}

/** No file: a no-op lock (the default; the bench then assumes the machine is its own). */
export async function acquireLock(
  file: string | undefined,
  opts: { maxMinutes: number; pauseSeconds: number; say: (l: string) => void },
): Promise<BenchLock> {
  if (!file) return { breather: async () => {}, release: () => {} };
  await take(file, opts.say);
  let held = true;
  let since = Date.now();
  const release = () => {
    if (!held) return;
    held = false;
    fs.rmSync(file, { force: true });
  };
  // A stopped bench must not leave the others paused for ever. On a signal the embedded
  // PostgreSQL's exit hook stops the servers and exits; the timer is the fallback.
  process.once('exit', release);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      release();
      setTimeout(() => process.exit(130), 15_000).unref();
    });
  }
  return {
    release,
    async breather() {
      if (!held || Date.now() - since < opts.maxMinutes * 60_000) return;
      release();
      opts.say(`lock held ${opts.maxMinutes} min: freeing it for ${opts.pauseSeconds} s`);
      await sleep(opts.pauseSeconds * 1000);
      await take(file, opts.say);
      held = true;
      since = Date.now();
      opts.say('lock taken again');
    },
  };
}
