// Issue 13 in the browser: the customer leaves the queue from the status page (confirmation,
// keyboard, announced result), and checks in an appointment at the kiosk (with a way back).
// Issue 17: the status page tells a customer they are called, in every way a phone can.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketOfToken } from '../../api/public/tokens.js';
import { axeReport, blocking } from '../../tests/support/axe.js';
import { launchBrowser } from '../../tests/support/browser.js';
import { inHours, zoneWithRoomToday } from '../../tests/support/today.js';
import { kioskTicket, newContext, publicPage, screenshot, startHarness, type ConsoleHarness } from './support.js';

let h: ConsoleHarness;
beforeAll(async () => {
  h = await startHarness();
  await h.stack.db('branches').update({ timezone: zoneWithRoomToday() });
});
afterAll(async () => {
  await h?.close();
});

describe('public pages', () => {
  it('H5: the status page leaves the queue after a confirmation, by keyboard, and says so', async () => {
    const { number, statusUrl } = await kioskTicket(h, 'C');
    const status = await publicPage(h, statusUrl, { width: 390, height: 844 });
    const { page } = status;
    await page.getByTestId('status-number').filter({ hasText: number }).waitFor();
    await page.getByRole('button', { name: 'Salir de la fila' }).focus();
    await page.keyboard.press('Enter');
    // The safe answer has the focus; Escape backs out, and the question's button is there again.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('No, seguir en la fila');
    await screenshot(page, 'status-leave-confirm');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Salir de la fila' }).waitFor();
    await page.getByRole('button', { name: 'Salir de la fila' }).click();
    await page.getByRole('button', { name: 'Sí, salir de la fila' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Salió de la fila' }).waitFor();
    await page.getByText('Su turno fue cancelado.').waitFor();
    expect(await page.getByRole('button', { name: 'Salir de la fila' }).count()).toBe(0);
    await screenshot(page, 'status-left');
    await status.context.close();
  });

  it("H6: the kiosk checks in today's appointment by ID number, with a way back from a wrong one", async () => {
    const admin = await h.stack.login('admin@andino.demo');
    const service = await h.stack.db('services').where({ branch_id: h.branchId, label: 'C' }).first('id');
    const booked = await admin.request('POST', '/api/tickets', {
      serviceId: service.id,
      kind: 'appointment',
      scheduledAt: inHours(2),
      customer: { firstName: 'Rosa', lastName: 'Kiosco', idNumber: '61234987' },
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);

    const kiosk = await publicPage(h, `/kiosk/${h.branchId}`, { width: 1024, height: 768 });
    const { page } = kiosk;
    await page.getByRole('button', { name: /Depósitos y retiros/ }).waitFor();
    await screenshot(page, 'kiosk-start');
    await page.getByRole('button', { name: 'Tengo una cita' }).click();
    await page.getByLabel('Número de identificación').fill('11112222');
    await page.getByRole('button', { name: 'Registrar llegada' }).click();
    await page.getByRole('alert').filter({ hasText: 'No encontramos una cita para hoy' }).waitFor();
    await screenshot(page, 'kiosk-check-in-not-found');
    await page.getByRole('button', { name: 'Volver al inicio' }).click();
    await page.getByRole('heading', { name: 'Bienvenido' }).waitFor();

    await page.getByRole('button', { name: 'Tengo una cita' }).click();
    await page.getByLabel('Número de identificación').fill('61234987');
    await page.keyboard.press('Enter');
    await page
      .getByTestId('kiosk-number')
      .filter({ hasText: booked.body.number as string })
      .waitFor();
    await page.getByText('Llegada registrada: su turno').waitFor();
    await page.getByTestId('kiosk-qr').waitFor();
    expect((await h.stack.db('tickets').where({ id: booked.body.id }).first('status')).status).toBe('waiting');
    await screenshot(page, 'kiosk-checked-in');
    // Issue 17: the address is printed for the customer's phone, not a link that would leave the kiosk.
    const statusAddress = (await page.getByTestId('kiosk-status-address').textContent()) ?? '';
    expect(new URL(statusAddress).pathname).toMatch(/^\/status\//);
    await page.getByRole('button', { name: 'Volver al inicio' }).click();
    await page.getByRole('heading', { name: 'Bienvenido' }).waitFor();
    await kiosk.context.close();
  });
});

/** The phone's side of an alert, recorded: vibration patterns asked for and tones started (Web Audio). */
const recordAlerts = () => {
  const w = window as unknown as { __vibrations: unknown[]; __tones: number };
  w.__vibrations = [];
  w.__tones = 0;
  Object.defineProperty(navigator, 'vibrate', {
    value: (pattern: unknown) => w.__vibrations.push(pattern) > 0,
  });
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args: Parameters<OscillatorNode['start']>) {
    w.__tones += 1;
    start.apply(this, args);
  };
};
const alerts = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __vibrations: unknown[]; __tones: number };
    return { vibrations: w.__vibrations.length, tones: w.__tones };
  });

const PHONE = { width: 375, height: 667 };
/** Nothing wider than the screen: no sideways scrolling on a small phone. */
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

async function statusPhone(statusUrl: string): Promise<Page> {
  const context = await newContext(h, PHONE);
  await context.addInitScript(recordAlerts);
  const page = await context.newPage();
  await page.goto(h.stack.url + statusUrl);
  return page;
}

describe('issue 17: the status page when the customer is called', () => {
  it('H5: it estimates the wait, then the title, a live region, vibration and (once touched) a chime say "you are called"', async () => {
    const ana = await h.stack.login('ana@andino.demo');
    const desk = await h.stack.db('desks').where({ branch_id: h.branchId }).orderBy('id').first('id', 'name');
    expect((await ana.request('POST', '/api/shifts', { deskId: desk.id, state: 'offline' })).status).toBe(201);
    await ana.request('POST', '/api/shifts/current/manual', { manual: true }); // she calls by hand (issue 16: Online)
    await ana.request('POST', '/api/shifts/current/state', { state: 'online' });
    const ticketId = async (statusUrl: string) =>
      (await ticketOfToken(h.stack.db, decodeURIComponent(statusUrl.split('/').at(-1)!)))!;
    try {
      // Two customers called and served set the service's pace; ours is next after them.
      const served = [await kioskTicket(h, 'P'), await kioskTicket(h, 'P')];
      const mine = await kioskTicket(h, 'P');
      for (const tk of served) {
        const id = await ticketId(tk.statusUrl);
        for (const step of ['call', 'attend', 'finish'])
          expect((await ana.request('POST', `/api/tickets/${id}/${step}`, {})).status).toBe(200);
      }

      const touched = await statusPhone(mine.statusUrl);
      const untouched = await statusPhone(mine.statusUrl);
      for (const page of [touched, untouched]) {
        await page.getByTestId('status-number').filter({ hasText: mine.number }).waitFor();
        await page.getByTestId('status-wait').filter({ hasText: 'Espera estimada: 5 minutos o menos' }).waitFor();
        // The title is set just after the page renders (an effect): polled, not read once.
        await expect.poll(() => page.title()).toBe(`Turno ${mine.number} · Sucursal Centro`);
      }
      expect(await scrollsSideways(touched)).toBe(false);
      expect(blocking((await axeReport(touched)).violations)).toEqual([]);
      await screenshot(touched, 'status-phone-waiting');
      // The offer of sound is itself a touch: it starts the page's audio.
      await touched.getByRole('button', { name: 'Avisarme también con sonido' }).click();
      await touched.getByText('Cuando le llamen, sonará un aviso').waitFor();

      expect((await ana.request('POST', `/api/tickets/${await ticketId(mine.statusUrl)}/call`, {})).status).toBe(200);
      const calledTo = `Le llaman al ${desk.name as string}`;
      for (const page of [touched, untouched]) {
        await page.getByTestId('status-called').filter({ hasText: calledTo }).waitFor();
        expect(await page.getByTestId('status-announce').textContent()).toBe(calledTo);
        expect(await page.getByTestId('status-announce').getAttribute('aria-live')).toBe('assertive');
        await expect.poll(() => page.title()).toBe(`¡Le llaman! ${mine.number} · ${desk.name as string}`);
      }
      // Both phones vibrate; only the touched one may sound (browsers refuse sound before a gesture).
      await expect.poll(() => alerts(touched)).toEqual({ vibrations: 1, tones: 2 });
      await expect.poll(() => alerts(untouched)).toEqual({ vibrations: 1, tones: 0 });

      // The called sentence and the grey heading meet 4.5:1 (axe measures every word it can).
      const report = await axeReport(touched);
      expect(blocking(report.violations)).toEqual([]);
      expect(report.incomplete.filter((r) => r.id === 'color-contrast')).toEqual([]);
      expect(await scrollsSideways(touched)).toBe(false);
      await screenshot(touched, 'status-phone-called');
      // "On my way": one tap, announced; the desk sees it on the ticket's timeline.
      await touched.getByRole('button', { name: 'Voy en camino' }).click();
      await touched
        .getByTestId('status-on-my-way')
        .filter({ hasText: `le esperan en el ${desk.name as string}` })
        .waitFor();
      expect(await touched.getByRole('button', { name: 'Voy en camino' }).count()).toBe(0);
      const last = await h.stack
        .db('ticket_events')
        .where({ ticket_id: await ticketId(mine.statusUrl) })
        .orderBy('seq', 'desc')
        .first('type', 'actor_type');
      expect(last).toEqual({ type: 'on_my_way', actor_type: 'customer' });
      expect(blocking((await axeReport(touched)).violations)).toEqual([]);
      await screenshot(touched, 'status-phone-on-my-way');
      await touched.context().close();
      await untouched.context().close();
      // Ana's desk free again for the other tests: the called ticket cancelled, then her shift ended.
      expect((await ana.request('POST', `/api/tickets/${await ticketId(mine.statusUrl)}/cancel`, {})).status).toBe(200);
    } finally {
      await ana.request('POST', '/api/shifts/current/end');
    }
  });
});

/**
 * The autoplay policy a TV's browser applies: audio stays suspended until someone touches the
 * page. Headless Chromium applies it unevenly (a page's audio may or may not start), so the test
 * of the silenced display applies it itself: suspended until a real click or key press.
 */
const autoplayPolicy = () => {
  let touched = false;
  for (const type of ['click', 'keydown'])
    window.addEventListener(type, (e) => (touched ||= e.isTrusted), { capture: true });
  const state = Object.getOwnPropertyDescriptor(BaseAudioContext.prototype, 'state')!;
  Object.defineProperty(BaseAudioContext.prototype, 'state', {
    get(this: BaseAudioContext) {
      return touched ? (state.get!.call(this) as AudioContextState) : 'suspended';
    },
  });
};
const TV = { width: 1920, height: 1080 };
const fontPx = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));

describe('issue 17: the branch display', () => {
  it('C9: kept silent by the browser it says so in a large banner until touched; numbers read across the room; axe finds nothing serious', async () => {
    const sup = await h.stack.login('supervisor@andino.demo');
    const agentId = async (email: string) => (await h.stack.db('users').where({ email }).first('id')).id as number;
    const deskId = async (name: string) =>
      (await h.stack.db('desks').where({ branch_id: h.branchId, name }).first('id')).id as number;
    const idOf = async (statusUrl: string) =>
      (await ticketOfToken(h.stack.db, decodeURIComponent(statusUrl.split('/').at(-1)!)))!;
    const call = async (statusUrl: string, email: string, desk: string) => {
      const res = await sup.request('POST', `/api/tickets/${await idOf(statusUrl)}/call`, {
        agentId: await agentId(email),
        deskId: await deskId(desk),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    // One call already over (the recent list), then two at once (the current one and another).
    const earlier = await kioskTicket(h, 'A');
    await call(earlier.statusUrl, 'diego@andino.demo', 'Módulo 3');
    expect((await sup.request('POST', `/api/tickets/${await idOf(earlier.statusUrl)}/cancel`, {})).status).toBe(200);
    const [first, second] = [await kioskTicket(h, 'A'), await kioskTicket(h, 'A')];
    await call(first.statusUrl, 'diego@andino.demo', 'Módulo 3');
    await call(second.statusUrl, 'bruno@andino.demo', 'Módulo 2');

    const context = await newContext(h, TV);
    await context.addInitScript(autoplayPolicy);
    const page = await context.newPage();
    await page.goto(`${h.stack.url}/display/${h.branchId}`);
    const banner = page.getByTestId('display-sound-blocked');
    await banner.getByText('Sin sonido: este navegador no deja sonar los llamados').waitFor();
    expect(await banner.textContent()).toContain('Chromium en modo quiosco');
    expect(await banner.getAttribute('role')).toBe('alert');
    await page.getByTestId('display-recent').getByText(earlier.number).waitFor();
    await page.locator('.display-also').getByText(first.number).waitFor();
    expect(await fontPx(page, '.display-number')).toEqual([expect.toSatisfy((px: number) => px >= 120)]);
    const others = [...(await fontPx(page, '.display-also .mono')), ...(await fontPx(page, '.display-recent .mono'))];
    expect(others.length).toBeGreaterThanOrEqual(2);
    expect(
      others.every((px) => px >= 64),
      `font sizes ${others.join(', ')}`,
    ).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
    expect(blocking((await axeReport(page)).violations)).toEqual([]);
    await screenshot(page, 'display-tv-sound-blocked');

    // A touch (or a key) turns the sound on: the banner goes.
    await page.getByRole('button', { name: 'Activar sonido' }).click();
    await banner.waitFor({ state: 'detached' });
    await screenshot(page, 'display-tv');
    await context.close();

    // Chromium started as the README says plays sound from the start: no banner, ever.
    const tv = await launchBrowser(['--autoplay-policy=no-user-gesture-required']);
    try {
      const unattended = await tv.newPage({ viewport: TV });
      await unattended.goto(`${h.stack.url}/display/${h.branchId}`);
      await unattended.getByTestId('display-current').waitFor();
      await unattended.locator('[data-testid="display"][data-sound="on"]').waitFor();
      await unattended.waitForTimeout(1_500); // past the grace a starting audio device gets
      expect(await unattended.getByTestId('display-sound-blocked').count()).toBe(0);
    } finally {
      await tv.close();
    }
  });
});

/**
 * What a public page brings before its live socket opens: the paths it asked for, in order (the
 * socket's opening is the line between before and after), and the compressed JavaScript its page
 * names itself (what the HTML loads; code the page fetches later, socket.io's included, apart).
 */
async function watchLoad(page: Page) {
  const seen = { before: [] as string[], after: [] as string[], jsBytes: 0, socket: false };
  page.on('websocket', () => (seen.socket = true));
  page.on('request', (req) => (seen.socket ? seen.after : seen.before).push(new URL(req.url()).pathname));
  const cdp = await page.context().newCDPSession(page);
  const fromHtml = new Set<string>();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.type === 'Script' && e.initiator.type === 'parser') fromHtml.add(e.requestId);
  });
  cdp.on('Network.loadingFinished', (e) => {
    if (fromHtml.has(e.requestId)) seen.jsBytes += e.encodedDataLength;
  });
  await cdp.send('Network.enable');
  return seen;
}

describe('issue 17: a public page on a slow phone', () => {
  it('the status page asks for its ticket once, named in the page itself, shows it with under 40 KB of JavaScript, and goes live after', async () => {
    const { number, statusUrl } = await kioskTicket(h, 'C');
    const context = await newContext(h, PHONE);
    const page = await context.newPage();
    const load = await watchLoad(page);
    const answer = await page.goto(h.stack.url + statusUrl);
    // The page's answer names its data, so the browser asks for it alongside the code (a preload).
    const ticketPath = `/api/public/tickets/${statusUrl.split('/').at(-1)}`;
    expect(answer?.headers()['link']).toBe(`<${ticketPath}>; rel=preload; as=fetch; crossorigin`);
    await page.getByTestId('status-number').filter({ hasText: number }).waitFor();
    // The socket opens once the page's first seconds are over (realtime/useSocket.ts, PUBLIC_QUIET_MS).
    await expect.poll(() => load.socket, { timeout: 5_000 }).toBe(true);
    // One request before the socket (the prefetch, taken by the screen), and the socket's connect asks again.
    expect(
      load.before.filter((p) => p === ticketPath),
      load.before.join(' '),
    ).toHaveLength(1);
    await expect.poll(() => load.after.filter((p) => p === ticketPath).length).toBe(1);
    expect(load.jsBytes, load.before.join(' ')).toBeLessThan(40_000);
    await page.getByRole('button', { name: 'Salir de la fila' }).waitFor();
    await context.close();
  });

  it('the kiosk asks for its branch once and shows its services with under 40 KB of JavaScript', async () => {
    const context = await newContext(h);
    const page = await context.newPage();
    const load = await watchLoad(page);
    await page.goto(`${h.stack.url}/kiosk/${h.branchId}`);
    await page.getByRole('button', { name: /Depósitos y retiros/ }).waitFor();
    await page.getByRole('button', { name: 'EN', exact: true }).waitFor();
    expect(load.before.filter((p) => p === `/api/public/branches/${h.branchId}`)).toHaveLength(1);
    expect(load.jsBytes, load.before.join(' ')).toBeLessThan(40_000);
    await context.close();
  });
});
