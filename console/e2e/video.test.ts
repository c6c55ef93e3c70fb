// D1–D12 end to end: two headless Chromium contexts with fake camera and microphone talk
// through the real SFU, API, Temporal and PostgreSQL. Screenshots: .test-artifacts/screenshots.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  atDesk,
  callVirtualTicket,
  createVideoStack,
  type Session,
  type VideoStack,
} from '../../tests/support/video-stack.js';
import { INSTALL_TIMEOUT_MS } from '../../tests/support/sfu.js';
import { axeReport, blocking } from '../../tests/support/axe.js';
import { launchBrowser, screenshot } from '../../tests/support/browser.js';
import { buildHarness, serveHarness } from './video-serve.js';

type Bytes = { audio: number; video: number };

// Keeps every RTCPeerConnection the page makes, so the test can read getStats (no test hooks in the app).
const capturePeerConnections = () => {
  const w = window as unknown as { __pcs: RTCPeerConnection[] };
  w.__pcs = [];
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      w.__pcs.push(this);
    }
  };
};

async function inboundBytes(page: Page): Promise<Bytes> {
  return page.evaluate(async () => {
    const out = { audio: 0, video: 0 };
    for (const pc of (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach(
        (s: { type: string; kind?: 'audio' | 'video'; bytesReceived?: number; mid?: string }) => {
          // mediasoup's bandwidth probes arrive on their own receiver (mid "probator"): not media.
          if (s.type === 'inbound-rtp' && s.kind && s.mid !== 'probator') out[s.kind] += s.bytesReceived ?? 0;
        },
      );
    }
    return out;
  });
}

/** The shape (width ÷ height) of the video frames the page receives: the camera is 4:3, a screen is not. */
const receivedAspect = (page: Page): Promise<number> =>
  page.evaluate(async () => {
    let aspect = 0;
    for (const pc of (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((s: { type: string; kind?: string; frameWidth?: number; frameHeight?: number }) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video' && s.frameWidth && s.frameHeight)
          aspect = Math.round((s.frameWidth / s.frameHeight) * 100) / 100;
      });
    }
    return aspect;
  });
const CAMERA = 1.33;

/** How much each kind grew over `ms`. */
async function growth(page: Page, ms: number): Promise<Bytes> {
  const a = await inboundBytes(page);
  await page.waitForTimeout(ms);
  const b = await inboundBytes(page);
  return { audio: b.audio - a.audio, video: b.video - a.video };
}

async function flowing(page: Page): Promise<Bytes> {
  await expect
    .poll(
      async () => {
        const g = await growth(page, 1000);
        return g.audio > 0 && g.video > 0;
      },
      { timeout: 20_000, interval: 200 },
    )
    .toBe(true);
  return growth(page, 2000);
}

let v: VideoStack;
let browser: Browser;
let harness: Awaited<ReturnType<typeof serveHarness>>;
let apiUrl = '';

beforeAll(async () => {
  const dir = await buildHarness();
  harness = await serveHarness(dir, () => apiUrl);
  v = await createVideoStack({ origin: harness.origin });
  apiUrl = v.url;
  browser = await launchBrowser();
}, INSTALL_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await v?.close();
  await harness?.close();
});

async function contextFor(session: Session | null, viewport = { width: 1200, height: 900 }): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport });
  await ctx.addInitScript(capturePeerConnections);
  if (session) {
    const [name, value] = session.cookie.split('=');
    await ctx.addCookies([{ name: name ?? '', value: value ?? '', url: harness.origin }]);
  }
  return ctx;
}

const timeline = async (ticketId: string) =>
  v.stack.db('ticket_events').where({ ticket_id: ticketId }).orderBy('seq').select('type', 'details', 'actor_type');

describe('D: a virtual attention end to end through the SFU', () => {
  it('agent and customer see and hear each other; mute, chat, files, tag, T&C, screen share, devices, transfer and end all work', async () => {
    const diego = await v.login('diego@andino.demo');
    const { ticketId } = await callVirtualTicket(v, diego);

    const agent = await (await contextFor(diego)).newPage();
    await agent.goto(`${harness.origin}/agent/${ticketId}`);
    const link = agent.getByTestId('guest-link');
    await link.waitFor({ timeout: 20_000 });
    const guestUrl = new URL((await link.getAttribute('href')) ?? '');
    expect(guestUrl.pathname).toMatch(/^\/join\/[A-Za-z0-9_-]+$/);

    // The customer: device check first, then the call.
    const guest = await (await contextFor(null)).newPage();
    await guest.goto(`${harness.origin}${guestUrl.pathname}`);
    await guest.getByTestId('device-check').waitFor();
    await guest.getByRole('button', { name: 'Entrar a la videollamada' }).click();
    await guest.locator('[data-testid="video-call"][data-status="live"]').waitFor({ timeout: 20_000 });

    // Both receive the other's audio and video through the SFU.
    const toAgent = await flowing(agent);
    const toGuest = await flowing(guest);
    expect(toAgent.audio).toBeGreaterThan(0);
    expect(toAgent.video).toBeGreaterThan(0);
    expect(toGuest.audio).toBeGreaterThan(0);
    expect(toGuest.video).toBeGreaterThan(0);
    await expect
      .poll(async () => (await v.stack.db('tickets').where({ id: ticketId }).first('status')).status, {
        timeout: 10_000,
      })
      .toBe('attending');

    // D5/D6: the agent mutes microphone and camera: nothing reaches the customer any more.
    await agent.getByRole('button', { name: 'Silenciar micrófono' }).click();
    await agent.getByRole('button', { name: 'Apagar cámara' }).click();
    await agent.waitForTimeout(1500);
    expect(await growth(guest, 2000)).toEqual({ audio: 0, video: 0 });
    await agent.getByRole('button', { name: 'Activar micrófono' }).click();
    await agent.getByRole('button', { name: 'Encender cámara' }).click();
    await flowing(guest);

    // D12: chat and files both ways.
    await agent.getByPlaceholder('Escriba un mensaje…').fill('Buenos días, ¿me escucha?');
    await agent.getByRole('button', { name: 'Enviar', exact: true }).first().click();
    await guest.getByTestId('chat-messages').getByText('Buenos días, ¿me escucha?').waitFor();
    await guest.getByPlaceholder('Escriba un mensaje…').fill('Sí, perfectamente');
    await guest.getByRole('button', { name: 'Enviar', exact: true }).click();
    await agent.getByTestId('chat-messages').getByText('Sí, perfectamente').waitFor();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(256, 7)]);
    await guest.getByTestId('chat-file').setInputFiles({ name: 'cedula.png', mimeType: 'image/png', buffer: png });
    await agent
      .getByTestId('chat-messages')
      .getByText(/cedula\.png/)
      .waitFor();
    await agent.getByTestId('chat-file').setInputFiles({
      name: 'contrato.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% contrato de prueba\n'),
    });
    await guest
      .getByTestId('chat-messages')
      .getByText(/contrato\.pdf/)
      .waitFor();

    // D11: a tag; D7: terms sent, accepted by the customer, seen by the agent.
    await agent.getByPlaceholder('Comentario en este momento de la llamada…').fill('Cliente muestra su cédula');
    await agent.getByRole('button', { name: 'Marcar' }).click();
    await agent
      .getByPlaceholder('Escriba las cláusulas que el cliente debe aceptar…')
      .fill('1. Acepto que la llamada sea atendida por video.');
    await agent.getByRole('button', { name: 'Enviar T&C' }).click();
    await guest.getByTestId('terms-prompt').waitFor();
    await screenshot(guest, 'video-guest-terms');
    await guest.getByRole('button', { name: 'Acepto', exact: true }).click();
    await agent.getByTestId('terms-status').getByText('El cliente aceptó los T&C').waitFor();
    await screenshot(agent, 'video-agent-call');
    await screenshot(guest, 'video-guest-call');

    // D8: the screen replaces the camera on the same producer; D9: another microphone.
    expect(await receivedAspect(guest)).toBe(CAMERA);
    await agent.getByRole('button', { name: 'Compartir pantalla' }).click();
    await agent.getByRole('button', { name: 'Dejar de compartir' }).waitFor();
    await expect.poll(() => receivedAspect(guest), { timeout: 15_000 }).not.toBe(CAMERA);
    await screenshot(guest, 'video-guest-sees-screen');
    await agent.getByRole('button', { name: 'Dejar de compartir' }).click();
    await expect.poll(() => receivedAspect(guest), { timeout: 15_000 }).toBe(CAMERA);
    await agent.getByRole('button', { name: 'Configuración' }).click();
    await agent.getByTestId('device-audioinput').selectOption({ label: 'Fake Audio Input 1' });
    await flowing(guest);

    const facts = await timeline(ticketId);
    const types = facts.map((f) => f.type);
    expect(types.filter((t) => t === 'file')).toHaveLength(2);
    expect(types).toEqual(expect.arrayContaining(['video_joined', 'tag', 'terms_sent', 'terms_answered']));
    expect(facts.find((f) => f.type === 'tag')?.details).toMatchObject({
      text: 'Cliente muestra su cédula',
      offsetMs: expect.any(Number),
    });
    expect(facts.find((f) => f.type === 'terms_answered')).toMatchObject({
      actor_type: 'customer',
      details: { accepted: true },
    });

    // D4: transfer — the agent leaves, the customer stays in the room, another agent is called into it.
    const bruno = await v.login('bruno@andino.demo');
    const brunoId = (await v.stack.db('users').where({ email: 'bruno@andino.demo' }).first('id')).id as number;
    await agent.getByRole('button', { name: 'Transferir llamada' }).click();
    await agent.getByTestId('transfer-agent').selectOption(String(brunoId));
    await screenshot(agent, 'video-agent-transfer');
    await agent.getByRole('button', { name: 'Transferir', exact: true }).click();
    await agent.getByTestId('call-ended').waitFor();
    await expect
      .poll(async () => (await v.stack.db('tickets').where({ id: ticketId }).first('status')).status, {
        timeout: 10_000,
      })
      .toBe('waiting');
    await guest.waitForTimeout(1000);
    expect(await guest.locator('[data-testid="video-call"][data-status="live"]').count()).toBe(1);
    // Issue 17: an adviser who was there and left is being replaced — said so, unlike the first wait.
    await guest.getByTestId('call-waiting').getByText('Le estamos transfiriendo con otro asesor').waitFor();
    // Bruno calls it from his own desk (the ticket rule: an agent with an open shift calls to their desk).
    const branchId = (await v.stack.db('branches').where({ code: 'CEN' }).first('id')).id as number;
    await atDesk(v, bruno, branchId);
    const called = await bruno.request('POST', `/api/tickets/${ticketId}/call`, {});
    expect(called.status, JSON.stringify(called.body)).toBe(200);
    const second = await (await contextFor(bruno)).newPage();
    await second.goto(`${harness.origin}/agent/${ticketId}`);
    await flowing(second);
    await flowing(guest);
    await guest.getByText('Bruno Cárdenas').waitFor();
    await screenshot(guest, 'video-guest-after-transfer');

    // D3: ending the attention closes the room for the customer too.
    await second.getByRole('button', { name: 'Terminar atención' }).click();
    await guest.getByTestId('call-ended').waitFor({ timeout: 15_000 });
    expect((await v.stack.db('video_rooms').where({ ticket_id: ticketId }).first('status')).status).toBe('closed');
    expect((await v.stack.db('tickets').where({ id: ticketId }).first('status')).status).toBe('finished');
    await screenshot(guest, 'video-guest-ended');
  }, 180_000);
});

/** A phone without a camera: the browser finds no video device, as getUserMedia reports it. */
const noCamera = () => {
  const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = (c) =>
    c?.video ? Promise.reject(new DOMException('Requested device not found', 'NotFoundError')) : real(c);
};
/** Camera and microphone refused at the browser's prompt (Chromium's own words in the error). */
const deniedAll = () => {
  navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
};

const PHONE = { width: 375, height: 667 };

/** Controls smaller than 44 px either way (WCAG 2.5.5), by their text. */
const smallControls = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('button, input:not([type=hidden]), select, textarea, a[href]')].flatMap((el) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return [];
      const name = el.textContent || el.getAttribute('aria-label') || `${el.tagName} ${el.getAttribute('type') ?? ''}`;
      return r.width < 44 || r.height < 44 ? [`${name} (${Math.round(r.width)}×${Math.round(r.height)})`] : [];
    }),
  );

/** Issue 17 on a phone: axe finds nothing serious, nothing scrolls sideways, every control is ≥ 44 px; a screenshot to look at. */
async function usableOnPhone(page: Page, name: string): Promise<void> {
  expect(blocking((await axeReport(page)).violations), name).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), name).toBe(true);
  expect(await smallControls(page), name).toEqual([]);
  await screenshot(page, name);
}

describe('issue 17: the guest page for everyone', () => {
  it('D10: without a camera the guest joins with sound only, waits for the adviser, hears chat and T&C announced, leaves and comes back; refusals in plain words', async () => {
    const diego = await v.login('diego@andino.demo');
    const { ticketId } = await callVirtualTicket(v, diego, { firstName: 'Sol', lastName: 'Sin Cámara' });
    // The guest link as the agent's join hands it out; the agent's call page is not open yet.
    const grant = await diego.request('POST', `/api/video/tickets/${ticketId}/join`, {});
    expect(grant.status, JSON.stringify(grant.body)).toBe(200);
    const guestPath = new URL(grant.body.guestUrl as string).pathname;

    // Everything refused: the page says what it means and what to do, and Join stays possible.
    const deniedCtx = await contextFor(null, PHONE);
    await deniedCtx.addInitScript(deniedAll);
    const denied = await deniedCtx.newPage();
    await denied.goto(harness.origin + guestPath);
    expect(await denied.getByTestId('media-problem').textContent()).toBe(
      'No pudimos usar su cámara ni su micrófono. Puede entrar igual y escribirle a su asesor por el chat. ' +
        'Para usarlos, toque el candado junto a la dirección de la página, permita la cámara y el micrófono y recargue la página.',
    );
    expect(await denied.getByText('Permission denied').count()).toBe(0);
    expect(await denied.getByRole('button', { name: 'Entrar a la videollamada' }).isEnabled()).toBe(true);
    await screenshot(denied, 'video-guest-phone-denied');
    await deniedCtx.close();

    // No camera: sound only.
    const guestCtx = await contextFor(null, PHONE);
    await guestCtx.addInitScript(noCamera);
    await guestCtx.addInitScript(capturePeerConnections);
    const guest = await guestCtx.newPage();
    await guest.goto(harness.origin + guestPath);
    await guest.getByTestId('media-problem').getByText('Puede entrar solo con audio').waitFor();
    await usableOnPhone(guest, 'video-guest-phone-check');
    await guest.getByRole('button', { name: 'Entrar solo con audio' }).click();
    await guest.locator('[data-testid="video-call"][data-status="live"]').waitFor({ timeout: 20_000 });
    // Before the adviser connects: waiting for them, not "being transferred".
    await guest.getByTestId('call-waiting').getByText('Esperando a su asesor…').waitFor();
    expect(await guest.getByText(/transfiriendo/).count()).toBe(0);
    expect(await guest.getByRole('button', { name: 'Apagar cámara' }).count()).toBe(0);
    await usableOnPhone(guest, 'video-guest-phone-waiting');

    const agent = await (await contextFor(diego)).newPage();
    await agent.goto(`${harness.origin}/agent/${ticketId}`);
    await expect.poll(() => guest.getByTestId('call-waiting').textContent(), { timeout: 20_000 }).toBe('');
    // The adviser hears the guest; no video comes, there is none.
    await expect.poll(async () => (await growth(agent, 1000)).audio > 0, { timeout: 20_000, interval: 200 }).toBe(true);
    expect((await growth(agent, 1500)).video).toBe(0);

    // Chat and T&C reach a screen reader as they arrive.
    await agent.getByPlaceholder('Escriba un mensaje…').fill('Buenas tardes, la escucho bien');
    await agent.getByRole('button', { name: 'Enviar', exact: true }).first().click();
    await guest.getByRole('log', { name: 'Mensajes del chat' }).getByText('Buenas tardes, la escucho bien').waitFor();
    await agent
      .getByPlaceholder('Escriba las cláusulas que el cliente debe aceptar…')
      .fill('1. Acepto ser atendida solo por audio.');
    await agent.getByRole('button', { name: 'Enviar T&C' }).click();
    await guest.getByTestId('terms-prompt').waitFor();
    expect(await guest.getByTestId('terms-announce').textContent()).toBe(
      'Su asesor le envió términos y condiciones: léalos y responda Acepto o No acepto.',
    );
    expect(await guest.getByTestId('terms-announce').getAttribute('role')).toBe('status');
    await usableOnPhone(guest, 'video-guest-phone-call');
    await guest.getByRole('button', { name: 'Acepto', exact: true }).click();
    await agent.getByTestId('terms-status').getByText('El cliente aceptó los T&C').waitFor();

    // Leave: said (and focused), recorded on the timeline, and the way back in works.
    await guest.getByRole('button', { name: 'Salir de la videollamada' }).click();
    const left = guest.getByRole('heading', { name: 'Salió de la videollamada.' });
    await left.waitFor();
    await expect
      .poll(() => guest.evaluate(() => document.activeElement?.textContent))
      .toBe('Salió de la videollamada.');
    await expect
      .poll(async () => (await timeline(ticketId)).filter((f) => f.type === 'video_left').length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    await usableOnPhone(guest, 'video-guest-phone-left');
    await guest.getByRole('button', { name: 'Volver a entrar' }).click();
    await guest.getByRole('button', { name: 'Entrar solo con audio' }).click();
    await guest.locator('[data-testid="video-call"][data-status="live"]').waitFor({ timeout: 20_000 });
    await expect.poll(() => guest.getByTestId('call-waiting').textContent(), { timeout: 20_000 }).toBe('');

    // The adviser ends the attention: the page says so, and stays usable.
    await agent.getByRole('button', { name: 'Terminar atención' }).click();
    await guest.getByRole('heading', { name: 'La videollamada terminó.' }).waitFor({ timeout: 15_000 });
    await usableOnPhone(guest, 'video-guest-phone-ended');
  }, 180_000);
});
