import { access, constants } from 'node:fs/promises';
import type { Logger } from 'pino';

type Mediasoup = typeof import('mediasoup');

/**
 * Loads mediasoup bound to `workerBin`.
 *
 * mediasoup resolves its worker binary once, when its module is first evaluated, from
 * MEDIASOUP_WORKER_BIN (else node_modules/mediasoup/worker/out, which our offline install never
 * fills). So the variable is set before the first import, and the import is dynamic: a static
 * `import 'mediasoup'` anywhere in the SFU would evaluate the module too early.
 */
export async function loadMediasoup(workerBin: string, log: Logger): Promise<Mediasoup> {
  try {
    await access(workerBin, constants.X_OK);
  } catch (cause) {
    throw new Error(`mediasoup-worker ${workerBin} is not executable: run sfu/install-worker.sh`, { cause });
  }
  process.env['MEDIASOUP_WORKER_BIN'] = workerBin;
  const mediasoup = await import('mediasoup');
  if (mediasoup.workerBin !== workerBin) {
    throw new Error(
      `mediasoup was already loaded with worker ${mediasoup.workerBin}; ` +
        'import it only through sfu/mediasoup.ts so MEDIASOUP_WORKER_BIN is set first',
    );
  }
  // mediasoup's own logger is process-wide; its warnings and errors belong in our logs.
  mediasoup.setLogEventListeners({
    onwarn: (namespace, msg) => log.warn({ namespace }, msg),
    onerror: (namespace, msg, err) => log.error({ namespace, err }, msg),
  });
  return mediasoup;
}
