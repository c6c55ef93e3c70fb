// One cold page load as a customer on a slow phone sees it (issue 17): Chromium with the network
// throttled (1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip) and the CPU slowed four times, an
// empty cache, then the bytes that crossed the wire and the moment the page answered a tap on its
// primary control. A second visit in the same browser shows what the cache saves.
import type { Browser, CDPSession, Page } from 'playwright-core';

export const SLOW_PHONE = {
  latencyMs: 150,
  downloadBitsPerSecond: 1_600_000,
  uploadBitsPerSecond: 750_000,
  cpuSlowdown: 4,
};

/** The first load's bytes are counted for at least this long after navigation (then until the network is quiet). */
const FIRST_LOAD_MIN_MS = 4_000;

export interface Surface {
  name: string;
  path: string;
  /** Waits for the primary control, taps it, and waits for the page's answer. */
  use(page: Page): Promise<void>;
  /** Targets: compressed JS of the first load, and time until usable (undefined: none set). */
  jsTargetBytes?: number;
  usableTargetMs?: number;
}

export interface LoadResult {
  /** The compressed JavaScript itself (response bodies as sent). */
  jsBodyBytes: number;
  /** Everything on the wire, response headers included (each response carries ~1 KB of security headers). */
  jsBytes: number;
  totalBytes: number;
  requests: number;
  /** Content-Encoding of the JS responses (e.g. "br", "gzip", "none"). */
  jsEncodings: string[];
  /** From navigation start until the tap on the primary control was answered, in the page's clock. */
  usableMs: number;
  /** JS bytes of a second visit in the same browser (what the cache did not save). */
  repeatJsBytes: number;
}

interface Transfer {
  type: string;
  encoding: string;
  /** On the wire, headers included. */
  bytes: number;
  body: number;
}

/** Counts what the page downloads, by request, from the moment it is attached. */
async function watchNetwork(cdp: CDPSession) {
  const types = new Map<string, { type: string; encoding: string }>();
  const bodies = new Map<string, number>();
  const done: Transfer[] = [];
  const pending = new Set<string>();
  let lastActivity = Date.now();
  cdp.on('Network.requestWillBeSent', (e) => {
    pending.add(e.requestId);
    lastActivity = Date.now();
  });
  cdp.on('Network.responseReceived', (e) => {
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    types.set(e.requestId, { type: e.type, encoding: String(headers['content-encoding'] ?? 'none') });
  });
  cdp.on('Network.dataReceived', (e) => {
    bodies.set(e.requestId, (bodies.get(e.requestId) ?? 0) + e.encodedDataLength);
  });
  cdp.on('Network.loadingFinished', (e) => {
    pending.delete(e.requestId);
    lastActivity = Date.now();
    const t = types.get(e.requestId) ?? { type: 'Other', encoding: 'none' };
    done.push({ ...t, bytes: e.encodedDataLength, body: bodies.get(e.requestId) ?? 0 });
  });
  cdp.on('Network.loadingFailed', (e) => {
    pending.delete(e.requestId);
    lastActivity = Date.now();
  });
  await cdp.send('Network.enable');
  return {
    /** Resolves once nothing has been in flight for `quietMs` (at most `maxMs`). */
    async idle(quietMs = 1_000, maxMs = 15_000) {
      for (const end = Date.now() + maxMs; Date.now() < end;) {
        if (pending.size === 0 && Date.now() - lastActivity >= quietMs) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    take(): Transfer[] {
      return done.splice(0);
    },
  };
}

const js = (ts: Transfer[]) => ts.filter((t) => t.type === 'Script');
const sum = (ts: Transfer[], field: 'bytes' | 'body' = 'bytes') => ts.reduce((a, t) => a + t[field], 0);

/** One unthrottled visit, unmeasured: the server has answered this page before, as in production. */
export async function warmUp(browser: Browser, baseUrl: string, surface: Surface): Promise<void> {
  const context = await browser.newContext({ locale: 'es-CO', timezoneId: 'America/Bogota' });
  context.setDefaultTimeout(60_000);
  try {
    const page = await context.newPage();
    await page.goto(baseUrl + surface.path);
    await surface.use(page);
  } finally {
    await context.close();
  }
}

export async function measureLoad(browser: Browser, baseUrl: string, surface: Surface): Promise<LoadResult> {
  const context = await browser.newContext({
    viewport: { width: 1024, height: 768 },
    locale: 'es-CO',
    timezoneId: 'America/Bogota',
  });
  context.setDefaultTimeout(60_000);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const net = await watchNetwork(cdp);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: SLOW_PHONE.latencyMs,
      downloadThroughput: SLOW_PHONE.downloadBitsPerSecond / 8,
      uploadThroughput: SLOW_PHONE.uploadBitsPerSecond / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_PHONE.cpuSlowdown });

    await page.goto(baseUrl + surface.path, { waitUntil: 'commit' });
    await surface.use(page);
    const usableMs = await page.evaluate(() => performance.now());
    // What the page fetches once it has settled (a public screen's live socket comes ~2 s after
    // navigation: console/src/realtime/useSocket.ts) belongs to its first load too.
    await page.waitForTimeout(Math.max(0, FIRST_LOAD_MIN_MS - usableMs));
    await net.idle();
    const first = net.take();

    await page.goto(baseUrl + surface.path, { waitUntil: 'commit' });
    await surface.use(page);
    await net.idle();
    const repeat = net.take();

    return {
      jsBodyBytes: sum(js(first), 'body'),
      jsBytes: sum(js(first)),
      totalBytes: sum(first),
      requests: first.length,
      jsEncodings: [...new Set(js(first).map((t) => t.encoding))],
      usableMs,
      repeatJsBytes: sum(js(repeat)),
    };
  } finally {
    await context.close();
  }
}
