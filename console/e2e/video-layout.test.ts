// Issue 16: the video desk and the guest page on a desk screen, 1280×720 and 1440×900, through the
// real SFU, API, Temporal and PostgreSQL in headless Chromium with fake devices. At each size and
// in each phase (waiting, in call, ended) nothing scrolls sideways, every control is in view
// without scrolling, axe finds nothing serious; a screenshot of each to look at. Also: one button
// ends the attention, "customer arrived" is never offered to a video call, each side sees when
// the other mutes the microphone or turns the camera off, the device settings show the device
// in use, and the guest page says whom the customer is meeting.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeReport, blocking } from '../../tests/support/axe.js';
import { launchBrowser, screenshot } from '../../tests/support/browser.js';
import { INSTALL_TIMEOUT_MS } from '../../tests/support/sfu.js';
import { callVirtualTicket, createVideoStack, type Session, type VideoStack } from '../../tests/support/video-stack.js';
import { buildHarness, serveHarness } from './video-serve.js';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

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

async function contextFor(session: Session | null): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: SIZES[0] });
  if (session) {
    const [name, value] = session.cookie.split('=');
    await ctx.addCookies([{ name: name ?? '', value: value ?? '', url: harness.origin }]);
  }
  return ctx;
}

/** Where a control is, if not wholly inside the viewport as the page first shows it. */
const outOfView = async (page: Page, control: Locator): Promise<string | null> => {
  const box = await control.boundingBox();
  const { w, h } = await page.evaluate(() => ({ w: window.innerWidth, h: window.innerHeight }));
  if (!box) return 'not rendered';
  const inside = box.x >= 0 && box.y >= 0 && box.x + box.width <= w + 0.5 && box.y + box.height <= h + 0.5;
  return inside
    ? null
    : `at ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)}`;
};

/** At both sizes: no sideways scroll, each control in view at the top of the page, axe clean; a screenshot. */
async function fitsDeskScreens(page: Page, name: string, controls: Record<string, Locator>): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(150); // a layout pass at the new size
    const label = `${name} ${size.width}×${size.height}`;
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), label).toBe(true);
    const misplaced: string[] = [];
    for (const [what, control] of Object.entries(controls)) {
      const where = await outOfView(page, control);
      if (where) misplaced.push(`${what}: ${where}`);
    }
    expect(misplaced, label).toEqual([]);
    expect(blocking((await axeReport(page)).violations), label).toEqual([]);
    await screenshot(page, `${name}-${size.width}x${size.height}`);
  }
}

const agentControls = (agent: Page) => ({
  mic: agent.getByRole('button', { name: 'Silenciar micrófono' }),
  camera: agent.getByRole('button', { name: 'Apagar cámara' }),
  share: agent.getByRole('button', { name: 'Compartir pantalla' }),
  settings: agent.getByRole('button', { name: 'Configuración' }),
  transfer: agent.getByRole('button', { name: 'Transferir llamada' }),
  chatInput: agent.getByPlaceholder('Escriba un mensaje…'),
  chatSend: agent.getByRole('button', { name: 'Enviar', exact: true }),
  attach: agent.locator('.vc-attach'),
  terms: agent.getByPlaceholder('Escriba las cláusulas que el cliente debe aceptar…'),
  termsSend: agent.getByRole('button', { name: 'Enviar T&C' }),
  tag: agent.getByPlaceholder('Comentario en este momento de la llamada…'),
});

/** The buttons that end the attention, whatever their wording. */
const endButtons = (page: Page) => page.locator('.vc-end');

describe('issue 16: the video desk and the guest page on a desk screen', () => {
  it('waiting, in call and ended fit 1280×720 and 1440×900; one end button; no "customer arrived"; remote mute and camera-off shown; devices in use selected; the guest page branded', async () => {
    const diego = await v.login('diego@andino.demo');
    const { ticketId } = await callVirtualTicket(v, diego, { firstName: 'Marta', lastName: 'Lucía Pardo' });
    const ticket = await v.stack.db('tickets').where({ id: ticketId }).first('number');

    const agent = await (await contextFor(diego)).newPage();
    await agent.goto(`${harness.origin}/agent/${ticketId}`);
    await agent.getByTestId('guest-link').waitFor({ timeout: 20_000 });
    const guestPath = new URL((await agent.getByTestId('guest-link').getAttribute('href')) ?? '').pathname;

    // Waiting: the only way to end is the no-show; nothing says the customer arrived.
    await agent.locator('[data-testid="video-call"][data-status="live"]').waitFor({ timeout: 20_000 });
    expect(await endButtons(agent).allTextContents()).toEqual(['El cliente no se conectó: cerrar']);
    expect(await agent.getByRole('button', { name: 'El cliente llegó' }).count()).toBe(0);
    await fitsDeskScreens(agent, 'video-agent-waiting', {
      ...agentControls(agent),
      noShow: endButtons(agent),
      link: agent.getByTestId('guest-link'),
    });

    // The guest's page names the entity, the ticket and the agent's first name, before joining.
    const guest = await (await contextFor(null)).newPage();
    await guest.goto(harness.origin + guestPath);
    const brand = guest.getByTestId('guest-brand');
    await brand.waitFor();
    expect(await brand.textContent()).toBe(`Banco AndinoTurno ${ticket.number}Le atiende Diego`);
    await guest.getByRole('button', { name: 'Entrar a la videollamada' }).click();
    await guest.locator('[data-testid="video-call"][data-status="live"]').waitFor({ timeout: 20_000 });

    // In call: the no-show gives way to the finish; still one end button, and no "arrived".
    await agent.getByTestId('remote-video').waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => (await v.stack.db('tickets').where({ id: ticketId }).first('status')).status, {
        timeout: 10_000,
      })
      .toBe('attending');
    await expect.poll(() => endButtons(agent).allTextContents()).toEqual(['Terminar atención']);
    expect(await agent.getByRole('button', { name: 'El cliente llegó' }).count()).toBe(0);

    // The guest mutes the microphone and turns the camera off: the agent's tile of them says so; and back.
    await guest.getByRole('button', { name: 'Silenciar micrófono' }).click();
    await guest.getByRole('button', { name: 'Apagar cámara' }).click();
    const theirFlags = agent.getByTestId('remote-flags');
    await expect.poll(() => theirFlags.textContent(), { timeout: 10_000 }).toBe(' Micrófono silenciado Cámara apagada');
    await screenshot(agent, 'video-agent-guest-muted');
    await guest.getByRole('button', { name: 'Activar micrófono' }).click();
    await guest.getByRole('button', { name: 'Encender cámara' }).click();
    await expect.poll(() => theirFlags.count(), { timeout: 10_000 }).toBe(0);
    // And the other way round: the agent's mute reaches the guest's tile of the agent.
    await agent.getByRole('button', { name: 'Silenciar micrófono' }).click();
    await expect
      .poll(() => guest.getByTestId('remote-flags').textContent(), { timeout: 10_000 })
      .toBe(' Micrófono silenciado');
    await agent.getByRole('button', { name: 'Activar micrófono' }).click();
    await expect.poll(() => guest.getByTestId('remote-flags').count(), { timeout: 10_000 }).toBe(0);

    // Device settings: each list shows the device the call uses now.
    await agent.getByRole('button', { name: 'Configuración' }).click();
    for (const kind of ['audioinput', 'videoinput'] as const) {
      const select = agent.getByTestId(`device-${kind}`);
      const inUse = await agent.evaluate(
        (k) =>
          [...document.querySelectorAll('video[data-testid="local-video"]')]
            .flatMap((el) => (el as HTMLVideoElement).srcObject as MediaStream)
            .flatMap((s) => (k === 'audioinput' ? s.getAudioTracks() : s.getVideoTracks()))[0]
            ?.getSettings().deviceId,
        kind,
      );
      expect(inUse, kind).toBeTruthy();
      // The list is filled once the browser has enumerated its devices, a moment after opening.
      await expect.poll(() => select.inputValue(), { message: kind, timeout: 10_000 }).toBe(inUse);
    }
    await fitsDeskScreens(agent, 'video-agent-settings', { settings: agent.getByTestId('device-settings') });
    await agent.getByRole('button', { name: 'Configuración' }).click();

    // A chat long enough to scroll inside its column, a file, T&C waiting for the guest's answer.
    for (let i = 1; i <= 12; i++) {
      await agent
        .getByPlaceholder('Escriba un mensaje…')
        .fill(`Mensaje ${i}: le explico el siguiente paso del trámite.`);
      await agent.getByRole('button', { name: 'Enviar', exact: true }).click();
      await agent.getByTestId('chat-messages').getByText(`Mensaje ${i}:`).waitFor();
    }
    await guest.getByTestId('chat-messages').getByText('Mensaje 12:').waitFor();
    await agent.getByTestId('chat-file').setInputFiles({
      name: 'formulario-de-solicitud-de-credito-hipotecario-2026.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% formulario\n'),
    });
    await guest
      .getByTestId('chat-messages')
      .getByText(/formulario-de-solicitud/)
      .waitFor();
    await agent
      .getByPlaceholder('Escriba las cláusulas que el cliente debe aceptar…')
      .fill('1. Acepto que esta atención sea por video.\n2. Acepto que se guarden los archivos enviados.');
    await agent.getByRole('button', { name: 'Enviar T&C' }).click();
    await guest.getByTestId('terms-prompt').waitFor();
    await agent.getByRole('button', { name: 'Marcar' }).waitFor();

    await fitsDeskScreens(agent, 'video-agent-call', {
      ...agentControls(agent),
      end: endButtons(agent),
      lastMessage: agent.getByTestId('chat-messages').getByText(/formulario-de-solicitud/),
    });
    expect(await endButtons(agent).count()).toBe(1);
    await fitsDeskScreens(guest, 'video-guest-call', {
      brand: guest.getByTestId('guest-brand'),
      mic: guest.getByRole('button', { name: 'Silenciar micrófono' }),
      camera: guest.getByRole('button', { name: 'Apagar cámara' }),
      settings: guest.getByRole('button', { name: 'Configuración' }),
      leave: guest.getByRole('button', { name: 'Salir de la videollamada' }),
      accept: guest.getByRole('button', { name: 'Acepto', exact: true }),
      refuse: guest.getByRole('button', { name: 'No acepto' }),
      chatInput: guest.getByPlaceholder('Escriba un mensaje…'),
      chatSend: guest.getByRole('button', { name: 'Enviar', exact: true }),
      attach: guest.locator('.vc-attach'),
    });
    expect(await endButtons(guest).count()).toBe(1);
    await guest.getByRole('button', { name: 'Acepto', exact: true }).click();
    await agent.getByTestId('terms-status').getByText('El cliente aceptó los T&C').waitFor();

    // The agent ends it: the guest's page says so, branded still, at both sizes.
    await endButtons(agent).click();
    await guest.getByTestId('call-ended').waitFor({ timeout: 15_000 });
    await fitsDeskScreens(guest, 'video-guest-ended', {
      brand: guest.getByTestId('guest-brand'),
      said: guest.getByRole('heading', { name: 'La videollamada terminó.' }),
    });
    expect((await v.stack.db('tickets').where({ id: ticketId }).first('status')).status).toBe('finished');

    // Opened again later, the dead link says the call ended without asking for the camera.
    const lateCtx = await contextFor(null);
    await lateCtx.addInitScript(() => {
      (window as unknown as { asked: number }).asked = 0;
      navigator.mediaDevices.getUserMedia = () => {
        (window as unknown as { asked: number }).asked += 1;
        return Promise.reject(new DOMException('not expected', 'NotAllowedError'));
      };
    });
    const late = await lateCtx.newPage();
    await late.goto(harness.origin + guestPath);
    await late.getByRole('heading', { name: 'La videollamada terminó.' }).waitFor();
    expect(await late.evaluate(() => (window as unknown as { asked: number }).asked)).toBe(0);
  }, 240_000);
});
