// Issue 13 in the browser: the customer leaves the queue from the status page (confirmation,
// keyboard, announced result), and checks in an appointment at the kiosk (with a way back).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inHours, zoneWithRoomToday } from '../../tests/support/today.js';
import { kioskTicket, publicPage, screenshot, startHarness, type ConsoleHarness } from './support.js';

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
