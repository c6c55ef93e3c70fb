// Issue 20, the kiosk in the browser: the optional step before the service (priority, ID number,
// phone, e-mail and consent) reaches the ticket and the customer; a refusal brings her back to what
// she typed; the step goes back to the start when left idle; the paper ticket at 80 mm (print media,
// ~302 px) shows number, service, time and QR only; axe finds nothing blocking; keyboard works.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeReport, blocking } from '../../tests/support/axe.js';
import { QUIET_MS, WARN_MS } from '../src/kiosk/useResetCountdown.js';
import { newContext, screenshot, startHarness, type ConsoleHarness } from './support.js';
import { ticketOfToken } from '../../api/public/tokens.js';

const KIOSK_VIEWPORT = { width: 1024, height: 768 };
let h: ConsoleHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function openKiosk(clock = false): Promise<Page> {
  const context = await newContext(h, KIOSK_VIEWPORT);
  if (clock) await context.clock.install();
  const page = await context.newPage();
  await page.goto(`${h.stack.url}/kiosk/${h.branchId}`);
  await page.getByRole('button', { name: /Depósitos y retiros/ }).waitFor();
  return page;
}

/** The ticket behind the kiosk's last answer (its status address ends in the token). */
async function lastTicket(page: Page) {
  const address = (await page.getByTestId('kiosk-status-address').textContent()) ?? '';
  const id = await ticketOfToken(h.stack.db, address.split('/').pop()!);
  return h.stack.db('tickets').where({ id }).first('customer_id', 'priority_id');
}

describe('issue 20: who the customer is and her priority, at the kiosk', () => {
  it('she picks a priority, types her ID number and e-mail, agrees to e-mail; the ticket carries all of it', async () => {
    const page = await openKiosk();
    await page.getByTestId('kiosk-details').click();
    await page.getByRole('heading', { name: 'Antes de su turno (opcional)' }).waitFor();
    await page.getByRole('radio', { name: 'Adulto mayor' }).check();
    await page.getByLabel('Número de identificación').fill('K20-E2E-01');
    await page.getByLabel('Correo electrónico').fill('kiosko.e2e@correo.demo');
    await page.getByRole('checkbox', { name: 'Correo' }).check();
    await screenshot(page, 'kiosk-details-filled');
    expect(blocking((await axeReport(page)).violations)).toEqual([]);
    await page.getByRole('button', { name: 'Listo: elegir servicio' }).click();
    await page.getByTestId('kiosk-details-set').getByText('Adulto mayor').waitFor();
    await screenshot(page, 'kiosk-details-set');
    await page.getByRole('button', { name: /Depósitos y retiros/ }).click();
    await page.getByTestId('kiosk-number').waitFor();

    const t = await lastTicket(page);
    const elderly = await h.stack.db('priorities').where({ name: 'Adulto mayor' }).first('id');
    expect(t.priority_id).toBe(elderly.id);
    const c = await h.stack.db('customers').where({ id: t.customer_id }).first();
    expect(c).toMatchObject({
      id_number: 'K20-E2E-01',
      email: 'kiosko.e2e@correo.demo',
      notify_email: true,
      notify_sms: false,
      lang: 'es',
    });
    // The ticket screen shows the ticket, not her.
    expect(await page.locator('main').textContent()).not.toContain('kiosko.e2e@correo.demo');
    await page.context().close();
  });

  it('consent to SMS without a phone brings her back to the form with the phone field named; by keyboard only', async () => {
    const page = await openKiosk();
    await page.getByTestId('kiosk-details').focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { name: 'Antes de su turno (opcional)' });
    await heading.waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.getByLabel('Número de identificación').focus();
    await page.keyboard.type('K20-E2E-02');
    await page.getByRole('checkbox', { name: 'SMS' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Listo: elegir servicio' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /Depósitos y retiros/ }).focus();
    await page.keyboard.press('Enter');
    await heading.waitFor();
    const phone = page.getByLabel('Celular');
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Número de identificación').inputValue()).toBe('K20-E2E-02');
    await screenshot(page, 'kiosk-details-refused');
    expect(await h.stack.db('customers').where({ id_number: 'K20-E2E-02' }).first('id')).toBeUndefined();
    await page.context().close();
  });

  it('the details step goes back to the start after its warning when left idle, and forgets what was typed', async () => {
    const page = await openKiosk(true);
    await page.getByTestId('kiosk-details').click();
    await page.getByLabel('Celular').fill('3015550909');
    // Typing keeps the screen: the quiet time counts from her last keystroke. The clock runs (every
    // timer and frame on the way) rather than jumps, so the keystroke's effect is not skipped over.
    await page.clock.runFor(QUIET_MS - 5_000);
    await page.getByLabel('Celular').fill('3015550910');
    await page.clock.runFor(QUIET_MS - 5_000);
    expect(await page.getByTestId('kiosk-reset').isVisible()).toBe(false);
    await page.clock.runFor(6_000);
    await page
      .getByTestId('kiosk-reset')
      .getByText(/Esta pantalla vuelve al inicio en \d+ s/)
      .waitFor();
    await screenshot(page, 'kiosk-details-reset-warning');
    await page.clock.runFor(WARN_MS);
    await page.getByRole('heading', { name: 'Bienvenido' }).waitFor();
    expect(await page.getByTestId('kiosk-details-set').count()).toBe(0);
    await page.getByTestId('kiosk-details').click();
    expect(await page.getByLabel('Celular').inputValue()).toBe('');
    await page.context().close();
  });

  it('in English, the same step in English and the customer stored with English as her language', async () => {
    const page = await openKiosk();
    await page.getByRole('group', { name: 'Idioma' }).getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('button', { name: 'Priority service or my details' }).click();
    await page.getByRole('radio', { name: 'Embarazada' }).check();
    await page.getByLabel('Mobile phone').fill('+57 301 555 0303');
    await page.getByRole('checkbox', { name: 'WhatsApp' }).check();
    expect(blocking((await axeReport(page)).violations)).toEqual([]);
    await screenshot(page, 'kiosk-details-en');
    await page.getByRole('button', { name: 'Done: choose a service' }).click();
    await page.getByRole('button', { name: /Depósitos y retiros/ }).click();
    await page.getByTestId('kiosk-number').waitFor();
    const t = await lastTicket(page);
    expect(
      await h.stack.db('customers').where({ id: t.customer_id }).first('phone', 'notify_whatsapp', 'lang'),
    ).toEqual({
      phone: '+57 301 555 0303',
      notify_whatsapp: true,
      lang: 'en',
    });
    await page.context().close();
  });
});

describe('issue 20: the paper ticket', () => {
  it('at 80 mm in print media: number, service, time and QR, without buttons or the language switch', async () => {
    const context = await newContext(h, { width: 302, height: 700 });
    const page = await context.newPage();
    await page.goto(`${h.stack.url}/kiosk/${h.branchId}`);
    await page.getByRole('button', { name: /Depósitos y retiros/ }).click();
    const number = (await page.getByTestId('kiosk-number').textContent()) ?? '';
    await page.getByTestId('kiosk-qr').waitFor();
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'kiosk-ticket-print-80mm');
    expect(await page.getByTestId('kiosk-number').textContent()).toBe(number);
    expect(await page.getByTestId('kiosk-issued-at').isVisible()).toBe(true);
    expect(await page.getByTestId('kiosk-issued-at').textContent()).toMatch(/Hora: .*\d{1,2}:\d{2}/);
    expect(await page.getByTestId('kiosk-qr').isVisible()).toBe(true);
    expect(await page.getByText('Depósitos y retiros').first().isVisible()).toBe(true);
    expect(await page.getByRole('button').filter({ visible: true }).count()).toBe(0);
    // It fits the roll: nothing wider than 80 mm (302 px at 96 dpi).
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(302);
    // On screen the print button is there, and the time is not.
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByTestId('kiosk-print').isVisible()).toBe(true);
    expect(await page.getByTestId('kiosk-issued-at').isVisible()).toBe(false);
    await context.close();
  });
});
