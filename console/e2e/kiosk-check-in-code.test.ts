// Issue 20, the kiosk's check-in by code in the browser: the appointment's confirmation carries a
// QR that holds just its check-in code; a keyboard-wedge scanner at the kiosk "types" it and Enter
// into the one field, which has the focus — no tap needed. A miss says so, keeps the focus and
// selects the text, so the next scan replaces it. axe finds nothing blocking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeReport, blocking } from '../../tests/support/axe.js';
import { inHours, zoneWithRoomToday } from '../../tests/support/today.js';
import { publicPage, screenshot, startHarness, type ConsoleHarness } from './support.js';

let h: ConsoleHarness;
beforeAll(async () => {
  h = await startHarness();
  // "In 2 hours" must still be the branch's today (H6), whenever the suite runs: past 22:00 in
  // the seed's zone it was tomorrow, and the kiosk rightly found no appointment.
  await h.stack.db('branches').where({ id: h.branchId }).update({ timezone: zoneWithRoomToday() });
});
afterAll(async () => {
  await h?.close();
});

describe('issue 20: check-in by code at the kiosk', () => {
  it('a scanner types the code and Enter into the focused field: checked in; a wrong scan is replaced by the next', async () => {
    const admin = await h.stack.login('admin@andino.demo');
    const service = await h.stack.db('services').where({ branch_id: h.branchId, label: 'C' }).first('id');
    const booked = await admin.request('POST', '/api/tickets', {
      serviceId: service.id,
      kind: 'appointment',
      scheduledAt: inHours(2),
      customer: { firstName: 'Quique', lastName: 'Escáner', idNumber: '64400123' },
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const code = (await admin.request('GET', `/api/tickets/${booked.body.id as string}`)).body
      .appointmentCode as string;
    expect(code).toHaveLength(8);

    const { context, page } = await publicPage(h, `/kiosk/${h.branchId}`, { width: 1024, height: 768 });
    await page.getByRole('button', { name: 'Tengo una cita' }).click();
    const field = page.getByLabel('Número de identificación o código de la cita');
    await field.waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    expect(await focused()).toBe('kiosk-id-number');
    expect(blocking((await axeReport(page)).violations)).toEqual([]);

    // A scan of some other QR: keys typed fast, then Enter, as a keyboard wedge sends them.
    await page.keyboard.type('ZZZZ9999', { delay: 5 });
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'No encontramos una cita para hoy' }).waitFor();
    expect(await focused()).toBe('kiosk-id-number');
    expect(await field.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, 8]);
    await screenshot(page, 'kiosk20-code-not-found');
    // A tap on nothing leaves the field focused for the scanner.
    await page.mouse.click(5, 700);
    await expect.poll(focused).toBe('kiosk-id-number');

    // The right QR: its code, in lower case as some scanners send it, replaces the wrong one.
    await page.keyboard.type(code.toLowerCase(), { delay: 5 });
    expect(await field.inputValue()).toBe(code.toLowerCase());
    await page.keyboard.press('Enter');
    await page
      .getByTestId('kiosk-number')
      .filter({ hasText: booked.body.number as string })
      .waitFor();
    await page.getByText('Llegada registrada: su turno').waitFor();
    expect((await h.stack.db('tickets').where({ id: booked.body.id }).first('status')).status).toBe('waiting');
    expect(blocking((await axeReport(page)).violations)).toEqual([]);
    await screenshot(page, 'kiosk20-code-checked-in');
    await context.close();
  });
});
