// Shared set-up for the console's browser tests: a fresh build when the sources changed, the
// real stack with demo data, Chromium, and helpers to log in and to take kiosk tickets.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { createAppStack, type AppStack } from '../../tests/support/app-stack.js';
import { launchBrowser, screenshot } from '../../tests/support/browser.js';

const CONSOLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST_INDEX = path.join(CONSOLE, 'dist/index.html');
const LOCK = path.join(CONSOLE, '.build-lock');

const newestMtime = (dir: string): number =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = path.join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }, 0);

/** The pages and build settings beside src/: index.html, public.html, vite.config.ts, vite.public.config.ts, … */
const BUILD_FILES = fs
  .readdirSync(CONSOLE)
  .filter((f) => /\.html$|^vite.*\.ts$/.test(f))
  .map((f) => path.join(CONSOLE, f));

const stale = (): boolean =>
  !fs.existsSync(DIST_INDEX) ||
  Math.max(newestMtime(path.join(CONSOLE, 'src')), ...BUILD_FILES.map((f) => fs.statSync(f).mtimeMs)) >
    fs.statSync(DIST_INDEX).mtimeMs;

/**
 * Builds console/dist when missing or older than its sources, as `npm run build` does (the public
 * pages on Preact, then the console, whose index.html is the stamp); one builder at a time (mkdir lock).
 */
export async function ensureConsoleBuilt(): Promise<void> {
  for (let i = 0; i < 600 && stale(); i++) {
    try {
      fs.mkdirSync(LOCK);
    } catch {
      // Another test file is building; a lock older than a minute was left by a crashed run.
      const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 60_000) fs.rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    try {
      if (stale())
        // Its list of files on stdout says nothing a test needs; warnings and errors are on stderr.
        execFileSync('npm', ['run', 'build', '--silent'], {
          cwd: CONSOLE,
          stdio: ['ignore', 'ignore', 'inherit'],
          env: { ...process.env, NODE_ENV: 'production' },
        });
    } finally {
      fs.rmdirSync(LOCK);
    }
  }
}

export interface ConsoleHarness {
  stack: AppStack;
  browser: Browser;
  /** Sucursal Centro. */
  branchId: number;
  close(): Promise<void>;
}

export async function startHarness(): Promise<ConsoleHarness> {
  await ensureConsoleBuilt();
  const [stack, browser] = await Promise.all([createAppStack(), launchBrowser()]);
  const branch = await stack.db('branches').where({ code: 'CEN' }).first('id');
  return {
    stack,
    browser,
    branchId: branch.id as number,
    async close() {
      await browser.close();
      await stack.closeAll();
    },
  };
}

export const VIEWPORT = { width: 1366, height: 768 };
/** Steps wait for the server's workflows; ten seconds is far above their latency and keeps a failing run short. */
export const STEP_TIMEOUT_MS = 10_000;

export async function newContext(h: ConsoleHarness, viewport = VIEWPORT): Promise<BrowserContext> {
  // The branch's time zone: the ticket screens' "today" is the browser's local day, like a person at the branch.
  const context = await h.browser.newContext({ viewport, locale: 'es-CO', timezoneId: 'America/Bogota' });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  return context;
}

/** A browser context already logged in (cookie from the API), on the console's home. */
export async function loggedInPage(
  h: ConsoleHarness,
  email: string,
  pathname = '/',
): Promise<{ context: BrowserContext; page: Page }> {
  const api = await h.stack.login(email);
  const context = await newContext(h);
  const [name, value] = api.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: h.stack.url, httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  await page.goto(h.stack.url + pathname);
  return { context, page };
}

export async function publicPage(
  h: ConsoleHarness,
  pathname: string,
  viewport = VIEWPORT,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(h, viewport);
  const page = await context.newPage();
  await page.goto(h.stack.url + pathname);
  return { context, page };
}

/** A kiosk ticket through the public API, as the kiosk page takes it. */
export async function kioskTicket(
  h: ConsoleHarness,
  serviceLabel: string,
): Promise<{ number: string; statusUrl: string }> {
  const service = await h.stack.db('services').where({ branch_id: h.branchId, label: serviceLabel }).first('id');
  const res = await fetch(`${h.stack.url}/api/public/branches/${h.branchId}/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceId: service.id }),
  });
  if (res.status !== 201) throw new Error(`kiosk ticket: ${res.status} ${await res.text()}`);
  return (await res.json()) as { number: string; statusUrl: string };
}

/** Opens a shift at a desk through the desk picker, then goes Online (A3). */
export async function takeDesk(page: Page, desk: string, online = true): Promise<void> {
  await page.getByRole('radio', { name: desk, exact: true }).click();
  await page.getByRole('button', { name: 'Ingresar al módulo' }).click();
  await page.getByTestId('desk-name').filter({ hasText: desk }).waitFor();
  await setState(page, online ? 'En línea' : 'Desconectado');
}

export async function setState(page: Page, label: string): Promise<void> {
  const seg = page.locator('.segmented').getByRole('radio', { name: label });
  if ((await seg.getAttribute('aria-checked')) !== 'true') await seg.click();
  await page.locator(`.seg.on`, { hasText: label }).waitFor();
}

export { screenshot };

/** The desk's smallest supported screens (issue 16): a laptop's 1440×900 and 1280×720. */
export const DESK_SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

/**
 * A screen as it is now at each of DESK_SIZES: neither it nor a table in it scrolls sideways (asserted), a screenshot
 * of each (`<name>-1440x900.png`, …) to look at; the page goes back to its own size after.
 */
export async function atDeskSizes(page: Page, name: string): Promise<void> {
  const own = page.viewportSize();
  for (const size of DESK_SIZES) {
    await page.setViewportSize(size);
    // From the top, as a person first sees it (a focused panel may have scrolled the page).
    await page.evaluate(() => window.scrollTo(0, 0));
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(fits, `${name} scrolls sideways at ${size.width}×${size.height}`).toBe(true);
    // Nor does a table inside it: a row's buttons cut off at the edge are as out of reach.
    const cut = await page.evaluate(
      () => [...document.querySelectorAll('.table-wrap')].filter((t) => t.scrollWidth > t.clientWidth + 1).length,
    );
    expect(cut, `${name}: a table scrolls sideways at ${size.width}×${size.height}`).toBe(0);
    await screenshot(page, `${name}-${size.width}x${size.height}`);
  }
  if (own) await page.setViewportSize(own);
}
