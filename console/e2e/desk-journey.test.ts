// Issue 16 in the browser: a new call gets the agent's attention (chime, blinking title, desktop
// notification) and a call that leaves the desk without the agent says why; the waiting list
// ticks each wait against its service's target; the customer panel shows past visits; the
// timeline (console and back office) names every fact. Screenshots at 1440×900.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdminBuilt } from '../../admin/e2e/build.js';
import { DEMO_PASSWORD } from '../../db/seed/demo.js';
import { axeReport, blocking } from '../../tests/support/axe.js';
import {
  atDeskSizes,
  kioskTicket,
  newContext,
  screenshot,
  setState,
  startHarness,
  takeDesk,
  type ConsoleHarness,
} from './support.js';

const WIDE = { width: 1440, height: 900 };

let h: ConsoleHarness;
beforeAll(async () => {
  ensureAdminBuilt(); // before the API starts: it serves admin/dist only if it exists
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The browser's side of the alerts, observed: oscillators started, notifications raised, focus. */
declare global {
  interface Window {
    __chimes: number;
    __notes: { title: string; body?: string }[];
    __asked: number;
    __focused: boolean;
  }
}

/** Logged in at 1440×900; `init` runs in the page before the app (the alerts' observers, a wrong clock). */
async function deskPage(email: string, init?: () => void): Promise<{ context: BrowserContext; page: Page }> {
  const api = await h.stack.login(email);
  const context = await newContext(h, WIDE);
  const [name, value] = api.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: h.stack.url, httpOnly: true, sameSite: 'Lax' }]);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  await page.goto(h.stack.url);
  return { context, page };
}

/** Counts the chime's notes, stands in for the OS's notifications, and lets the test say whether the tab has focus. */
function observeAlerts(): void {
  window.__chimes = 0;
  window.__notes = [];
  window.__asked = 0;
  window.__focused = false;
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args: Parameters<typeof start>) {
    window.__chimes++;
    return start.apply(this, args);
  };
  Document.prototype.hasFocus = () => window.__focused;
  class FakeNotification {
    static permission: NotificationPermission = 'default';
    static requestPermission(): Promise<NotificationPermission> {
      window.__asked++;
      FakeNotification.permission = 'granted';
      return Promise.resolve('granted');
    }
    onclick: (() => void) | null = null;
    constructor(title: string, opts?: { body?: string }) {
      window.__notes.push({ title, body: opts?.body });
    }
    close(): void {}
  }
  Object.defineProperty(window, 'Notification', { value: FakeNotification, configurable: true });
}

const noSideways = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
const axeClean = async (page: Page, screen: string) =>
  expect({ [screen]: blocking((await axeReport(page)).violations) }).toEqual({ [screen]: [] });

async function serviceId(label: string): Promise<number> {
  return (await h.stack.db('services').where({ branch_id: h.branchId, label }).first('id')).id;
}

describe('issue 16: the desk', () => {
  it('a new call chimes (unless muted), blinks the title and notifies once allowed; a timed-out call says why', async () => {
    // Short call time-out for this service: the second time out ends the ticket as a no-show.
    await h.stack
      .db('services')
      .where({ id: await serviceId('C') })
      .update({ call_timeout_seconds: 4, max_auto_requeues: 1 });
    const { context, page } = await deskPage('ana@andino.demo', observeAlerts);
    await takeDesk(page, 'Módulo 1');
    // Desktop notifications are asked for by the button only, never on their own.
    expect(await page.evaluate(() => window.__asked)).toBe(0);
    await page.getByRole('button', { name: 'Activar avisos de escritorio' }).click();
    await page.getByText('Avisos de escritorio activados.').waitFor();
    expect(await page.evaluate(() => window.__asked)).toBe(1);

    const tk = await kioskTicket(h, 'C');
    await page.locator('[data-testid="attention"][data-status="calling"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.evaluate(() => window.__chimes)).toBe(2); // two notes
    await expect
      .poll(() => page.evaluate(() => window.__notes))
      .toEqual([{ title: `Nuevo llamado: ${tk.number}`, body: 'Cliente sin registrar · Depósitos y retiros' }]);
    const titles = new Set<string>();
    await expect
      .poll(async () => titles.add(await page.title()).size, { timeout: 5_000, interval: 300 })
      .toBeGreaterThanOrEqual(2);
    expect([...titles].sort()).toEqual(['Ventanilla', `● ${tk.number} · Ventanilla`]);

    // The sound off (kept on this device); the time-out requeues the call and the desk says so.
    await page.getByLabel('Sonar al llegar un llamado').uncheck();
    expect(await page.evaluate(() => localStorage.getItem('ventanilla.callSound'))).toBe('off');
    const lost = page.getByTestId('call-lost');
    await lost
      .filter({ hasText: `El llamado a ${tk.number} venció sin respuesta: el cliente volvió a la fila.` })
      .waitFor({ timeout: 15_000 });
    // Another call, without sound now: the title blinks again with its number.
    const second = await kioskTicket(h, 'C');
    await expect.poll(() => page.evaluate(() => window.__notes.length), { timeout: 15_000 }).toBe(2);
    await page.locator('[data-testid="attention"][data-status="calling"]').waitFor();
    const called = (await page.getByTestId('call-number').textContent()) ?? '';
    expect([tk.number, second.number]).toContain(called);
    expect(await page.evaluate(() => window.__chimes)).toBe(2);
    await expect.poll(() => page.title(), { interval: 300 }).toBe(`● ${called} · Ventanilla`);
    // Looking at the tab stops the blinking.
    await page.evaluate(() => {
      window.__focused = true;
      window.dispatchEvent(new Event('focus'));
    });
    await expect.poll(() => page.title()).toBe('Ventanilla');
    await atDeskSizes(page, 'desk16-calling-with-notice');
    await axeClean(page, 'desk calling with the notice');

    // A supervisor cancels the call at this desk: the notice says who, and stays until dismissed.
    const sup = await h.stack.login('supervisor@andino.demo');
    const idOf = async (n: string) =>
      (await h.stack.db('tickets').where({ number: n, branch_id: h.branchId }).first('id')).id as string;
    expect(
      (await sup.request('POST', `/api/tickets/${await idOf(called)}/cancel`, { reason: 'Duplicado' })).status,
    ).toBe(200);
    await lost.filter({ hasText: `Sara Molina canceló ${called}.` }).waitFor();
    await expect(lost.textContent()).resolves.toContain('Motivo: Duplicado');
    await lost.getByRole('button', { name: 'Entendido' }).click();
    await expect.poll(() => lost.textContent()).toBe('');
    const other = called === tk.number ? second.number : tk.number;
    await page.getByTestId('call-number').filter({ hasText: other }).waitFor({ timeout: 15_000 });
    // Left unanswered, it times out until its requeues are spent (one for `second`, none left for
    // `tk`): the second time-out ends it as a no-show, and the desk says so instead of "back in line".
    await lost
      .filter({ hasText: `El llamado a ${other} venció sin respuesta: se marcó como no presentado.` })
      .waitFor({ timeout: 30_000 });
    const ended = await h.stack.db('tickets').where({ number: other, branch_id: h.branchId }).first('status');
    expect(ended.status).toBe('no_show');
    await page.getByTestId('attention').waitFor({ state: 'detached' });
    await setState(page, 'Desconectado');
    await context.close();
  });

  it('a call a supervisor transfers away tells the agent who did it, where to and why', async () => {
    const { context, page } = await deskPage('diego@andino.demo');
    await takeDesk(page, 'Módulo 4');
    const tk = await kioskTicket(h, 'R');
    await page.getByTestId('call-number').filter({ hasText: tk.number }).waitFor({ timeout: 15_000 });
    const sup = await h.stack.login('supervisor@andino.demo');
    const id = (await h.stack.db('tickets').where({ number: tk.number, branch_id: h.branchId }).first('id')).id;
    const moved = await sup.request('POST', `/api/tickets/${id}/transfer`, {
      serviceId: await serviceId('P'),
      reason: 'Lo atiende caja',
    });
    expect(moved.status).toBe(200);
    const lost = page.getByTestId('call-lost');
    await lost.filter({ hasText: `Sara Molina transfirió ${tk.number}.` }).waitFor();
    await expect(lost.textContent()).resolves.toContain('Al servicio: Pagos de servicios · Motivo: Lo atiende caja');
    await page.getByTestId('attention').waitFor({ state: 'detached' });
    await screenshot(page, 'desk16-taken-away-1440');
    expect((await sup.request('POST', `/api/tickets/${id}/cancel`, {})).status).toBe(200);
    await setState(page, 'Desconectado');
    await context.close();
  });

  it('the waiting list ticks each wait from the server, coloured and marked by its SLA, with counts per service', async () => {
    // The agent's computer is an hour fast: the waits must not be.
    const { context, page } = await deskPage('bruno@andino.demo', () => {
      const real = Date.now.bind(Date);
      Date.now = () => real() + 3_600_000;
    });
    await takeDesk(page, 'Módulo 2', false);
    if (!(await page.getByTestId('manual').isChecked())) await page.locator('.switch').click();
    await expect.poll(() => page.getByTestId('manual').isChecked()).toBe(true);
    await setState(page, 'En línea');
    // The time-in-state clock counts by the server's clock too: seconds in, not an hour.
    await expect(page.locator('.since [data-testid="elapsed"]').textContent()).resolves.toMatch(/^00:\d\d$/);
    await h.stack
      .db('services')
      .where({ id: await serviceId('C') })
      .update({ sla_target_seconds: 600 });
    const [over, near, within] = [await kioskTicket(h, 'C'), await kioskTicket(h, 'C'), await kioskTicket(h, 'P')];
    for (const [t, minutes] of [
      [over, 15],
      [near, 9],
    ] as const)
      expect(
        await h.stack
          .db('tickets')
          .where({ number: t.number, branch_id: h.branchId })
          .update({ queued_at: h.stack.db.raw(`now() - interval '${minutes} minutes'`) }),
      ).toBe(1);
    const served = (await (await h.stack.login('bruno@andino.demo')).request('GET', '/api/shifts/current/waiting'))
      .body;
    expect(
      served.map((w: { number: string; waitedMs: number }) => [w.number, Math.round(w.waitedMs / 60_000)]),
    ).toEqual([
      [over.number, 15],
      [near.number, 9],
      [within.number, 0],
    ]);
    await page.reload();
    const list = page.getByTestId('waiting-list');
    const row = (n: string) => list.locator(`tr[data-number="${n}"]`);
    await row(within.number).waitFor();
    expect(await row(over.number).locator('[data-sla]').getAttribute('data-sla')).toBe('over');
    expect(await row(near.number).locator('[data-sla]').getAttribute('data-sla')).toBe('near');
    expect(await row(within.number).locator('[data-sla]').getAttribute('data-sla')).toBe('within');
    // Not the colour alone: a symbol, and the words for screen readers.
    await expect(row(over.number).locator('.wait').textContent()).resolves.toMatch(/^▲15:0\d, fuera de la meta$/);
    await expect(row(near.number).locator('.wait').textContent()).resolves.toMatch(/^◔09:0\d, cerca de la meta$/);
    // Ticking, once a second.
    const waited = row(within.number).getByTestId('waited');
    const before = await waited.textContent();
    await expect.poll(() => waited.textContent(), { timeout: 4_000 }).not.toBe(before);
    await expect(page.getByTestId('service-counts').locator('li').allTextContents()).resolves.toEqual([
      'Depósitos y retiros 2',
      'Pagos de servicios 1',
    ]);
    await atDeskSizes(page, 'desk16-waiting-sla');
    await axeClean(page, 'waiting list with SLA');
    const sup = await h.stack.login('supervisor@andino.demo');
    for (const t of [over, near, within]) {
      const id = (await h.stack.db('tickets').where({ number: t.number, branch_id: h.branchId }).first('id')).id;
      expect((await sup.request('POST', `/api/tickets/${id}/cancel`, {})).status).toBe(200);
    }
    await context.close();
  });

  it('the customer panel shows past visits; the timeline names desk, agent, topics and changed fields, in the console and the back office', async () => {
    const sup = await h.stack.login('supervisor@andino.demo');
    const customer = await h.stack.db('customers').where({ id_number: '1020304050' }).first('id', 'phone');
    const carla = await h.stack.db('users').where({ email: 'carla@andino.demo' }).first('id');
    const desk3 = await h.stack.db('desks').where({ branch_id: h.branchId, name: 'Módulo 3' }).first('id');
    const c = await serviceId('C');
    const topic = await h.stack.db('topics').where({ service_id: c, name: 'Retiro' }).first('id');
    // A past visit: served by Carla, with a note and a topic.
    const past = (await sup.request('POST', '/api/tickets', { serviceId: c, customerId: customer.id })).body;
    for (const [path, body] of [
      ['call', { agentId: carla.id, deskId: desk3.id }],
      ['attend', {}],
      ['notes', { text: 'Pidió el certificado de retenciones' }],
      ['topics', { topicIds: [topic.id] }],
      ['finish', {}],
    ] as const)
      expect((await sup.request('POST', `/api/tickets/${past.id}/${path}`, body)).status, path).toBe(200);

    const { context, page } = await deskPage('bruno@andino.demo');
    await page.getByTestId('waiting-list').or(page.getByText('Nadie en espera para sus servicios.')).first().waitFor();
    const now = (await sup.request('POST', '/api/tickets', { serviceId: c, customerId: customer.id })).body;
    await page
      .getByTestId('waiting-list')
      .locator(`tr[data-number="${now.number}"]`)
      .getByRole('button', { name: 'Atender' })
      .click();
    await page.locator('[data-testid="attention"][data-status="calling"]').waitFor();
    const visits = page.getByTestId('customer-visits');
    const visit = visits.getByTestId('visit');
    await visit.first().waitFor();
    expect(await visit.count()).toBe(1);
    const text = (await visit.textContent()) ?? '';
    for (const fact of [
      past.number,
      'Depósitos y retiros',
      'Asesor: Carla Montoya',
      'Retiro',
      'Pidió el certificado de retenciones',
    ])
      expect(text).toContain(fact);
    await page.getByRole('button', { name: 'El cliente llegó' }).click();
    await page.locator('[data-testid="attention"][data-status="attending"]').waitFor();
    const form = page.getByTestId('customer-form');
    await form.getByLabel('Teléfono').fill('+57 300 999 0016');
    await form.getByRole('button', { name: 'Guardar cliente' }).click();
    await page.getByTestId('topics').getByText('Depósito', { exact: true }).click();
    const timeline = page.getByTestId('timeline');
    const facts = (type: string) => timeline.locator(`li[data-type="${type}"] .tl-facts`);
    await facts('customer_edited')
      .filter({ hasText: `Teléfono: ${customer.phone} → +57 300 999 0016` })
      .waitFor();
    await facts('topics').filter({ hasText: 'Temas: Depósito' }).waitFor();
    await expect(facts('called').textContent()).resolves.toBe('Módulo: Módulo 2Asesor: Bruno Cárdenas');
    expect(await timeline.textContent()).not.toMatch(/#|Id\b|called|customer_edited/);
    await noSideways(page);
    await visits.scrollIntoViewIfNeeded();
    await screenshot(page, 'desk16-customer-panel-1440');
    await timeline.scrollIntoViewIfNeeded();
    await screenshot(page, 'desk16-timeline-1440');
    await axeClean(page, 'attention with the customer panel and timeline');

    // The back office's ticket page words the same facts.
    const admin = await newContext(h, WIDE);
    const ap = await admin.newPage();
    await ap.goto(`${h.stack.url}/admin/`);
    await ap.locator('input[name="username"]').fill('supervisor@andino.demo');
    await ap.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await ap.getByRole('button', { name: 'Ingresar' }).click();
    await ap.locator('input[name="password"]').waitFor({ state: 'detached' });
    await ap.goto(`${h.stack.url}/admin/#/tickets/${now.id}/show`);
    await ap.getByTestId('event-called').filter({ hasText: 'Módulo: Módulo 2' }).waitFor();
    await expect(ap.getByTestId('event-called').textContent()).resolves.toContain('Asesor: Bruno Cárdenas');
    await ap.getByTestId('event-topics').filter({ hasText: 'Temas: Depósito' }).waitFor();
    await ap
      .getByTestId('event-customer_edited')
      .filter({ hasText: `Teléfono: ${customer.phone} → +57 300 999 0016` })
      .waitFor();
    expect(await ap.getByTestId('timeline').textContent()).not.toMatch(/#:|customer_edited|Asesor #/);
    await noSideways(ap);
    await screenshot(ap, 'admin16-ticket-timeline-1440');
    await axeClean(ap, 'back-office ticket timeline');
    await admin.close();
    await page.getByRole('button', { name: 'Finalizar atención' }).click();
    await page.getByTestId('attention').waitFor({ state: 'detached' });
    await context.close();
  });
});
