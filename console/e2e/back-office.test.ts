// View all tickets (B1–B7) and the profile (E1–E4) in the browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inHours, zoneWithRoomToday } from '../../tests/support/today.js';
import { kioskTicket, loggedInPage, publicPage, screenshot, startHarness, type ConsoleHarness } from './support.js';

let h: ConsoleHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const rowsOf = async (page: import('playwright-core').Page) =>
  page
    .getByTestId('tickets-table')
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-number')));

describe('view all tickets', () => {
  it('B1–B7: filters by tree, agent, status, number and customer; generates a ticket; requeues and cancels from the timeline', async () => {
    const [c1, a1] = [await kioskTicket(h, 'C'), await kioskTicket(h, 'A')];
    const { context, page } = await loggedInPage(h, 'ana@andino.demo', '/tickets');
    const table = page.getByTestId('tickets-table');
    await table.locator(`tr[data-number="${a1.number}"]`).waitFor();

    // B1: branch > department > service.
    const tree = page.getByTestId('service-tree');
    await tree
      .getByRole('button', { name: /Cuentas/ })
      .first()
      .click();
    await table.locator(`tr[data-number="${c1.number}"]`).waitFor({ state: 'detached' });
    await expect.poll(() => rowsOf(page)).toEqual([a1.number]);
    await tree.getByRole('button', { name: 'Caja' }).click();
    await table.locator(`tr[data-number="${c1.number}"]`).waitFor();
    await tree.getByRole('button', { name: 'Sucursal Centro' }).click();
    await table.locator(`tr[data-number="${a1.number}"]`).waitFor();

    // B2: agents (with their state when the shift API reports it).
    await page
      .getByTestId('agents')
      .getByRole('button', { name: /Bruno Cárdenas/ })
      .click();
    await page.getByText('No hay tiquetes con estos filtros.').waitFor();
    await page
      .getByTestId('agents')
      .getByRole('button', { name: /Bruno Cárdenas/ })
      .click();

    // B4, B5: status and number.
    await page.getByLabel('Estado', { exact: true }).selectOption('waiting');
    await table.locator(`tr[data-number="${a1.number}"]`).waitFor();
    await page.getByLabel('Número').fill(c1.number);
    await table.locator(`tr[data-number="${a1.number}"]`).waitFor({ state: 'detached' });
    await expect.poll(() => rowsOf(page)).toEqual([c1.number]);
    await page.getByRole('button', { name: 'Limpiar filtros' }).click();

    // B6: a ticket for a new customer with a long Spanish name.
    await page.getByRole('button', { name: 'Generar tiquete o cita' }).click();
    const dialog = page.getByTestId('generate-form');
    await dialog.locator('select[name="serviceId"]').selectOption({ label: 'R · Créditos' });
    await dialog.getByRole('radio', { name: 'Cliente nuevo' }).click();
    await dialog.getByLabel('Nombre').fill('Luz Marina');
    await dialog.getByLabel('Apellidos').fill('Castaño de la Espriella');
    await dialog.getByLabel('Identificación').fill('43555777');
    await screenshot(page, 'tickets-generate');
    await dialog.getByRole('button', { name: 'Generar' }).click();
    const created = (await page.getByText(/Se generó R-\d{3}/).textContent())?.match(/R-\d{3}/)?.[0] ?? '';
    // Issue 16: the form starts afresh, so a second click cannot take the same ticket again.
    await expect.poll(() => dialog.locator('select[name="serviceId"]').inputValue()).toBe('');
    expect(await dialog.getByRole('button', { name: 'Generar' }).isDisabled()).toBe(true);
    await page.getByRole('dialog').getByRole('button', { name: 'Cerrar' }).first().click();

    // B5: customer search, without the accent (issue 16); B3: history by date range.
    await page.getByLabel('Buscar').fill('castano');
    await table.locator(`tr[data-number="${created}"]`).waitFor();
    await expect.poll(() => rowsOf(page)).toEqual([created]);
    // Issue 16: one is counted in the singular.
    await expect.poll(() => page.getByTestId('tickets-count').textContent()).toBe('1 tiquete');
    await page.getByRole('radio', { name: 'Histórico' }).click();
    await table.locator(`tr[data-number="${created}"]`).waitFor();
    await screenshot(page, 'tickets');

    // Issue 12 item 4: the same ID number is the same customer; staff use her as she is (no rename).
    await page.getByRole('button', { name: 'Generar tiquete o cita' }).click();
    await dialog.locator('select[name="serviceId"]').selectOption({ label: 'R · Créditos' });
    await dialog.getByRole('radio', { name: 'Cliente nuevo' }).click();
    await dialog.getByLabel('Nombre').fill('Luz');
    await dialog.getByLabel('Identificación').fill('43555777');
    await dialog.getByRole('button', { name: 'Generar' }).click();
    const known = dialog.getByTestId('existing-customer');
    await known
      .filter({ hasText: 'Ya existe un cliente con esa identificación o ese correo.' })
      .filter({ hasText: 'Luz Marina Castaño de la Espriella' })
      .waitFor();
    await screenshot(page, 'tickets-customer-exists');
    await known.getByRole('button', { name: 'Usar este cliente' }).click();
    await page.getByText(/Se generó R-\d{3}/).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Cerrar' }).first().click();
    expect(await h.stack.db('customers').where({ id_number: '43555777' }).select('first_name')).toEqual([
      { first_name: 'Luz Marina' },
    ]);

    // B7: the timeline of a ticket called to Ana (by the supervisor): requeue, then cancel.
    const sup = await h.stack.login('supervisor@andino.demo');
    const ids = await h.stack.db('tickets').where({ number: c1.number, branch_id: h.branchId }).first('id');
    const ana = await h.stack.db('users').where({ email: 'ana@andino.demo' }).first('id');
    const desk = await h.stack.db('desks').where({ branch_id: h.branchId, name: 'Módulo 5' }).first('id');
    // Ana is at her desk, Online in manual mode: a supervisor's call needs her Online and free
    // (issue 16), and manual mode keeps dispatch from giving her anything else; an agent cancels a
    // waiting ticket only with an open shift (domain/ticket-rights.ts).
    const anaApi = await h.stack.login('ana@andino.demo');
    expect((await anaApi.request('POST', '/api/shifts', { deskId: desk.id, state: 'offline' })).status).toBe(201);
    expect((await anaApi.request('POST', '/api/shifts/current/manual', { manual: true })).status).toBe(200);
    expect((await anaApi.request('POST', '/api/shifts/current/state', { state: 'online' })).status).toBe(200);
    expect(
      (await sup.request('POST', `/api/tickets/${ids.id}/call`, { agentId: ana.id, deskId: desk.id })).status,
    ).toBe(200);
    await page.getByRole('button', { name: 'Limpiar filtros' }).click();
    await table.locator(`tr[data-number="${c1.number}"]`).click();
    const tl = page.getByTestId('timeline');
    await tl.locator('li[data-type="called"]').waitFor();
    await page.getByRole('button', { name: 'Reencolar' }).click();
    await tl.locator('li[data-type="requeued"]').waitFor();
    // Issue 16: cancelling asks first; "No" keeps the ticket, "Sí" cancels it.
    await page.getByRole('button', { name: 'Cancelar tiquete' }).click();
    const ask = page.getByTestId('cancel-confirm');
    await ask.filter({ hasText: `¿Cancelar el tiquete ${c1.number}?` }).waitFor();
    await screenshot(page, 'tickets-cancel-confirm');
    await ask.getByRole('button', { name: 'No, mantener el tiquete' }).click();
    await ask.waitFor({ state: 'detached' });
    expect((await h.stack.db('tickets').where({ id: ids.id }).first('status')).status).toBe('waiting');
    await page.getByRole('button', { name: 'Cancelar tiquete' }).click();
    await ask.getByRole('button', { name: 'Sí, cancelar el tiquete' }).click();
    await tl.locator('li[data-type="cancelled"]').waitFor();
    await screenshot(page, 'tickets-timeline');
    const row = await h.stack.db('tickets').where({ id: ids.id }).first('status', 'requeue_count');
    expect(row).toEqual({ status: 'cancelled', requeue_count: 1 });
    await expect
      .poll(async () => (await anaApi.request('POST', '/api/shifts/current/end')).status, { timeout: 10_000 })
      .toBe(200);
    await context.close();
  });
});

describe('appointments at the desk (H6, issue 16)', () => {
  it('an appointment waits for its customer past its window, and is checked in from its timeline', async () => {
    await h.stack.db('branches').where({ id: h.branchId }).update({ timezone: zoneWithRoomToday() });
    const sup = await h.stack.login('supervisor@andino.demo');
    const service = await h.stack.db('services').where({ branch_id: h.branchId, label: 'C' }).first('id');
    const booked = await sup.request('POST', '/api/tickets', {
      serviceId: service.id,
      kind: 'appointment',
      scheduledAt: inHours(0.1), // inside its check-in window: still not in the queue
      customer: { firstName: 'Rocío', lastName: 'Díaz', idNumber: 'H6-16-001' },
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(booked.body.status).toBe('scheduled');
    const anaApi = await h.stack.login('ana@andino.demo');
    const desk = await h.stack.db('desks').where({ branch_id: h.branchId, name: 'Módulo 5' }).first('id');
    expect((await anaApi.request('POST', '/api/shifts', { deskId: desk.id, state: 'offline' })).status).toBe(201);
    const { context, page } = await loggedInPage(h, 'ana@andino.demo', '/tickets');
    await page.getByLabel('Número').fill(booked.body.number);
    const row = page.getByTestId('tickets-table').locator(`tr[data-number="${booked.body.number}"]`);
    await row.click();
    await page.getByRole('button', { name: 'Registrar llegada' }).click();
    await page.getByTestId('timeline').locator('li[data-type="queued"]').waitFor();
    await screenshot(page, 'tickets-checked-in');
    const t = await h.stack.db('tickets').where({ id: booked.body.id }).first('status', 'appointment_id');
    expect(t.status).toBe('waiting');
    expect((await h.stack.db('appointments').where({ id: t.appointment_id }).first('status')).status).toBe(
      'checked_in',
    );
    expect((await sup.request('POST', `/api/tickets/${booked.body.id}/cancel`, {})).status).toBe(200);
    expect((await anaApi.request('POST', '/api/shifts/current/end')).status).toBe(200);
    await context.close();
  });
});

describe('profile', () => {
  it('E1–E4: shows read-only identity, edits name and phone, changes the password', async () => {
    const { context, page } = await loggedInPage(h, 'elena@andino.demo', '/profile');
    const form = page.getByTestId('profile-form');
    await expect.poll(() => form.getByLabel(/Correo/).inputValue()).toBe('elena@andino.demo');
    await expect(form.getByLabel(/Correo/).isDisabled()).resolves.toBe(true);
    await expect(form.getByLabel(/Entidad/).inputValue()).resolves.toBe('Banco Andino');
    await expect(form.getByLabel(/Sucursal/).inputValue()).resolves.toBe('Sucursal Norte');
    await form.getByLabel('Apellidos').fill('Quintero de la Espriella');
    await form.getByLabel('Teléfono').fill('+57 300 123 4567');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await form.getByText('Guardado').waitFor();
    await page.getByTestId('user-menu').filter({ hasText: 'Elena Quintero de la Espriella' }).waitFor();

    const pw = page.getByTestId('password-form');
    await pw.getByLabel('Contraseña actual').fill('wrong-password');
    await pw.getByLabel('Nueva contraseña', { exact: true }).fill('nueva-clave-2026');
    await pw.getByLabel('Confirmar nueva contraseña').fill('nueva-clave-2026');
    await pw.getByRole('button', { name: 'Cambiar contraseña' }).click();
    await pw.locator('.notice-error').filter({ hasText: 'La contraseña actual no es correcta.' }).waitFor();
    await pw.getByLabel('Contraseña actual').fill('ventanilla2026');
    await pw.getByLabel('Nueva contraseña', { exact: true }).fill('nueva-clave-2026');
    await pw.getByLabel('Confirmar nueva contraseña').fill('nueva-clave-2026');
    await pw.getByRole('button', { name: 'Cambiar contraseña' }).click();
    await pw.getByText('Contraseña cambiada').waitFor();
    await screenshot(page, 'profile');
    await expect(h.stack.login('elena@andino.demo', 'nueva-clave-2026')).resolves.toBeTruthy();
    // The UI's second language.
    await page.getByTestId('user-menu').click();
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'My profile' }).waitFor();
    await screenshot(page, 'profile-en');
    await page.getByRole('button', { name: 'ES', exact: true }).click();
    await context.close();
  });
});

describe('public pages', () => {
  it('H5, C9: the kiosk issues a ticket with a status link; the display shows and speaks the call and the recall', async () => {
    const kiosk = await publicPage(h, `/kiosk/${h.branchId}`, { width: 1024, height: 768 });
    await screenshot(kiosk.page, 'kiosk');
    await kiosk.page.getByRole('button', { name: /Créditos/ }).click();
    const number = (await kiosk.page.getByTestId('kiosk-number').textContent()) ?? '';
    expect(number).toMatch(/^R-\d{3}$/);
    await kiosk.page.getByTestId('kiosk-qr').waitFor();
    await screenshot(kiosk.page, 'kiosk-ticket');
    const href = new URL((await kiosk.page.getByTestId('kiosk-status-address').textContent()) ?? '').pathname;
    expect(href).toMatch(/^\/status\/[A-Za-z0-9_-]{43}$/);
    await kioskTicket(h, 'R');

    const status = await publicPage(h, href, { width: 390, height: 844 });
    await status.page.getByTestId('status-number').filter({ hasText: number }).waitFor();
    await screenshot(status.page, 'status-waiting');

    const display = await publicPage(h, `/display/${h.branchId}`);
    await display.page.evaluate(() => {
      const spoken: string[] = [];
      Object.assign(window, { spoken });
      window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
        spoken.push(u.text);
      };
    });
    const sup = await h.stack.login('supervisor@andino.demo');
    const ticket = await h.stack.db('tickets').where({ number, branch_id: h.branchId }).first('id');
    const diego = await h.stack.db('users').where({ email: 'diego@andino.demo' }).first('id');
    const desk = await h.stack.db('desks').where({ branch_id: h.branchId, name: 'Módulo 3' }).first('id');
    expect(
      (await sup.request('POST', `/api/tickets/${ticket.id}/call`, { agentId: diego.id, deskId: desk.id })).status,
    ).toBe(200);
    await display.page
      .getByTestId('display-current')
      .filter({ hasText: number })
      .filter({ hasText: 'Módulo 3' })
      .waitFor();
    await status.page.getByTestId('status-called').filter({ hasText: 'Módulo 3' }).waitFor();
    await screenshot(status.page, 'status-called');
    const spoken = () => display.page.evaluate(() => (window as unknown as { spoken: string[] }).spoken.length);
    // The chime plays first (about 0.9 s): give the speech a few seconds on a busy machine.
    await expect.poll(spoken, { timeout: 10_000 }).toBe(1);
    expect((await sup.request('POST', `/api/tickets/${ticket.id}/recall`, {})).status).toBe(200);
    await display.page.locator('[data-testid="display-current"][data-recalls="1"]').waitFor();
    await expect.poll(spoken, { timeout: 10_000 }).toBe(2);
    await expect(display.page.evaluate(() => (window as unknown as { spoken: string[] }).spoken[0])).resolves.toContain(
      'Módulo 3',
    );
    await screenshot(display.page, 'display');

    expect((await fetch(`${h.stack.url}/api/public/tickets/${'x'.repeat(43)}`)).status).toBe(404);
    await Promise.all([kiosk.context.close(), status.context.close(), display.context.close()]);
  });
});
