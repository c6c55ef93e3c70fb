// Issue 19, "a monitor that acts", in the back office: SLA today drops while a customer waits
// past the target; clocks tick every second; a busy agent shows the ticket they call; a
// supervisor transfers and cancels tickets from the monitor (Spanish confirmations whose buttons
// say what they do), recorded on the timeline with their name; axe finds nothing blocking; the
// page fits 1440×900 without sideways scrolling.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type ApiClient, type AppStack } from '../../tests/support/app-stack.js';
import { axeReport, blocking } from '../../tests/support/axe.js';
import { launchBrowser, screenshot } from '../../tests/support/browser.js';
import { ensureAdminBuilt } from './build.js';
import { signIn as signInAs } from './sign-in.js';

let app: AppStack;
let browser: Browser;
let sup: ApiClient;
beforeAll(async () => {
  ensureAdminBuilt();
  [app, browser] = await Promise.all([createAppStack(), launchBrowser()]);
  sup = await app.login('supervisor@andino.demo');
});
afterAll(async () => {
  await browser?.close();
  await app?.closeAll();
});

const signIn = (email: string): Promise<Page> => signInAs(browser, app.url, email);

/** Back at the top, with the app bar (hidden while scrolling down) shown again. */
async function top(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(500);
}
const fits = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
/** "1 min 05 s" → 65; "42 s" → 42. */
const seconds = (text: string | null): number => {
  const m = /(?:(\d+) min )?(\d+) s/.exec(text ?? '');
  if (!m) throw new Error(`not a duration: ${text}`);
  return Number(m[1] ?? 0) * 60 + Number(m[2]);
};

describe('issue 19: a monitor that acts', () => {
  it('SLA today drops while a customer waits past the target; a supervisor transfers and cancels from the monitor', async () => {
    const centro = (await app.db('branches').where({ code: 'CEN' }).first('id')).id;
    const service = async (label: string): Promise<number> =>
      (await app.db('services').where({ branch_id: centro, label }).first('id')).id;
    const [serviceC, serviceP] = [await service('C'), await service('P')];
    await app.db('services').where({ id: serviceC }).update({ sla_target_seconds: 300 });
    const ana = await app.db('users').where({ email: 'ana@andino.demo' }).first('id', 'first_name', 'last_name');
    const desk = (await app.db('desks').where({ branch_id: centro }).orderBy('id').first('id')).id;
    const newTicket = async (serviceId: number): Promise<{ id: string; number: string }> => {
      const res = await sup.request('POST', '/api/tickets', { serviceId });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { id: string; number: string };
    };

    // One customer called at once (within the target), one waiting: SLA today 100 %.
    const called = await newTicket(serviceC);
    expect(
      (await sup.request('POST', `/api/tickets/${called.id}/call`, { agentId: ana.id, deskId: desk })).status,
    ).toBe(200);
    const late = await newTicket(serviceC);
    const page = await signIn('supervisor@andino.demo');
    const slaToday = page.getByTestId('sla-today');
    await expect.poll(() => slaToday.textContent()).toBe('100.0 %');

    // The agent shows what she does — calling that ticket — not "En línea".
    const anaRow = page.getByTestId(`agent-${ana.id}`);
    await expect.poll(() => anaRow.getByTestId('agent-activity').textContent()).toBe(`Llamando a ${called.number}`);

    // The waiting customer has been there 9 minutes (5-minute target): a miss while still waiting.
    const nineMinutes = app.db.raw(`now() - interval '9 minutes'`);
    await app.db('tickets').where({ id: late.id }).update({ arrival_at: nineMinutes, queued_at: nineMinutes });
    await app.db('ticket_events').where({ ticket_id: late.id }).update({ at: nineMinutes });
    const other = await newTicket(serviceC); // a ticket event: the monitor refreshes live
    await expect.poll(() => slaToday.textContent()).toBe('50.0 %');
    const rowC = page.getByTestId('service-C');
    await expect.poll(() => rowC.getByTestId('service-sla').textContent()).toBe('50.0 %1 esperando pasada la meta');

    // Clocks tick every second, from the server's count (9 minutes, not the browser's clock).
    const waited = page.getByTestId(`queue-${late.number}`).getByTestId('queue-waited');
    const first = seconds(await waited.textContent());
    expect(first).toBeGreaterThanOrEqual(9 * 60);
    await expect.poll(() => waited.textContent().then(seconds), { timeout: 5_000 }).toBeGreaterThanOrEqual(first + 2);
    const anaTime = seconds(await anaRow.getByTestId('agent-time').textContent());
    await expect
      .poll(() => anaRow.getByTestId('agent-time').textContent().then(seconds), { timeout: 5_000 })
      .toBeGreaterThan(anaTime);

    // Transfer the newest ticket to "Pagos de servicios", with a reason.
    await page.getByTestId(`actions-${other.number}`).click();
    await page.getByTestId('act-transfer').click();
    const dialog = page.getByRole('dialog', { name: `Transferir el turno ${other.number}` });
    await dialog.getByTestId('act-service').getByRole('combobox').click();
    await page.getByRole('option', { name: /^P · / }).click();
    await dialog.getByLabel('Motivo').fill('Viene a pagar un servicio');
    await dialog.getByRole('button', { name: 'Transferir el turno' }).click();
    await page.getByText(`Turno ${other.number} transferido.`).waitFor();
    expect(await app.db('tickets').where({ id: other.id }).first('service_id', 'status')).toEqual({
      service_id: serviceP,
      status: 'waiting',
    });

    // Cancel the late customer's ticket: the confirmation's buttons say what they do.
    await page.getByTestId(`actions-${late.number}`).click();
    await page.getByTestId('act-cancel').click();
    const confirm = page.getByRole('dialog', { name: `¿Cancelar el turno ${late.number}?` });
    await confirm.getByRole('button', { name: 'No, mantener el turno' }).waitFor();
    await confirm.getByLabel('Motivo').fill('El cliente se retiró');
    await page.getByRole('menu').waitFor({ state: 'detached' });
    expect(await fits(page)).toBe(true);
    await screenshot(page, 'admin19-monitor-cancel-1440');
    const onDialog = blocking((await axeReport(page)).violations);
    await confirm.getByRole('button', { name: 'Sí, cancelar el turno' }).click();
    await page.getByText(`Turno ${late.number} cancelado.`).waitFor();
    await page.getByTestId(`queue-${late.number}`).waitFor({ state: 'detached' });

    const who = (await app.db('users').where({ email: 'supervisor@andino.demo' }).first('id')).id;
    const events = await app
      .db('ticket_events')
      .whereIn('ticket_id', [late.id, other.id])
      .whereIn('type', ['transferred', 'cancelled'])
      .select('ticket_id', 'type', 'actor_id', app.db.raw(`details->>'reason' as reason`));
    expect(events.map((e) => [e.ticket_id, e.type, e.actor_id, e.reason]).sort()).toEqual(
      [
        [other.id, 'transferred', who, 'Viene a pagar un servicio'],
        [late.id, 'cancelled', who, 'El cliente se retiró'],
      ].sort(),
    );

    expect(await fits(page)).toBe(true);
    await top(page);
    await screenshot(page, 'admin19-monitor-1440');
    expect({ onDialog, onPage: blocking((await axeReport(page)).violations) }).toEqual({ onDialog: [], onPage: [] });
    await page.context().close();
  });
  it('a supervisor puts an agent online, calls a customer to him by name, and ends his session from the monitor', async () => {
    const centro = (await app.db('branches').where({ code: 'CEN' }).first('id')).id;
    const serviceC = (await app.db('services').where({ branch_id: centro, label: 'C' }).first('id')).id;
    const bruno = await app.db('users').where({ email: 'bruno@andino.demo' }).first('id');
    const desk = (await app.db('desks').where({ branch_id: centro }).orderBy('id', 'desc').first('id')).id;
    const agent = await app.login('bruno@andino.demo');
    // At a desk, offline and in manual mode: nobody is dispatched to him but what the supervisor calls.
    expect((await agent.request('POST', '/api/shifts', { deskId: desk, state: 'offline' })).status).toBe(201);
    expect((await agent.request('POST', '/api/shifts/current/manual', { manual: true })).status).toBe(200);
    const fresh = (await sup.request('POST', '/api/tickets', { serviceId: serviceC })).body as {
      id: string;
      number: string;
    };

    const page = await signIn('supervisor@andino.demo');
    const row = page.getByTestId(`agent-${bruno.id}`);
    const activity = row.getByTestId('agent-activity');
    await expect.poll(() => activity.textContent()).toBe('Desconectado');
    await page.getByTestId(`agent-actions-${bruno.id}`).click();
    await page.getByTestId('agent-act-state').click();
    const stateDialog = page.getByRole('dialog', { name: 'Cambiar el estado de Bruno Cárdenas' });
    await stateDialog.getByTestId('agent-act-state-field').getByRole('combobox').click();
    await page.getByRole('option', { name: 'En línea' }).click();
    await stateDialog.getByRole('button', { name: 'Cambiar el estado' }).click();
    await expect.poll(() => activity.textContent()).toBe('Disponible');
    await expect.poll(() => page.getByTestId('agents-available').textContent()).toBe('Disponibles: 1');

    // Call the waiting customer to him by name: only agents Online and free may be chosen.
    await page.getByTestId(`actions-${fresh.number}`).click();
    await page.getByTestId('act-call').click();
    const callDialog = page.getByRole('dialog', { name: `Llamar el turno ${fresh.number}` });
    await callDialog.getByTestId('act-agent').getByRole('combobox').click();
    await page.getByRole('option', { name: 'Bruno Cárdenas — Disponible' }).click();
    await callDialog.getByRole('button', { name: 'Llamar al módulo de este asesor' }).click();
    await expect.poll(() => activity.textContent()).toBe(`Llamando a ${fresh.number}`);
    // Busy agents are counted apart from free ones (Ana still calls her customer of the test above).
    await expect.poll(() => page.getByTestId('agents-busy').textContent()).toBe('Atendiendo: 2');
    await page.getByTestId('agents-available').waitFor({ state: 'detached' });
    const arrival = (await app.db('tickets').where({ id: fresh.id }).first('arrival_at')).arrival_at;
    expect(await fits(page)).toBe(true);
    await top(page);
    await screenshot(page, 'admin19-monitor-agents-1440');

    // End his session: the customer goes back to the queue first, keeping the arrival.
    await page.getByTestId(`agent-actions-${bruno.id}`).click();
    await page.getByTestId('agent-act-end').click();
    const endDialog = page.getByRole('dialog', { name: '¿Cerrar la sesión de Bruno Cárdenas?' });
    await endDialog.getByRole('button', { name: 'No, mantener la sesión' }).waitFor();
    await endDialog.getByLabel('Motivo').fill('Olvidó cerrar sesión');
    const onDialog = blocking((await axeReport(page)).violations);
    await endDialog.getByRole('button', { name: 'Sí, cerrar su sesión' }).click();
    await page.getByText('Sesión de Bruno Cárdenas cerrada.').waitFor();
    await expect.poll(() => activity.textContent()).toBe('Desconectado');
    expect(await app.db('tickets').where({ id: fresh.id }).first('status', 'agent_id', 'arrival_at')).toEqual({
      status: 'waiting',
      agent_id: null,
      arrival_at: arrival,
    });
    expect(await app.db('shifts').where({ user_id: bruno.id }).whereNull('ended_at').first()).toBeUndefined();
    expect(await fits(page)).toBe(true);
    expect({ onDialog, onPage: blocking((await axeReport(page)).violations) }).toEqual({ onDialog: [], onPage: [] });
    await page.context().close();
  });
});
