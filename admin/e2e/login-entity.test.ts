// Issue 13 follow-up in the back office: one e-mail and password that open two entities ask
// which one (ChooseEntity), keep what was typed, log in to the chosen one and remember it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type AppStack } from '../../tests/support/app-stack.js';
import { launchBrowser, screenshot } from '../../tests/support/browser.js';
import { sameLoginInTwoEntities, type SharedLogin } from '../../tests/support/shared-login.js';
import { ensureAdminBuilt } from './build.js';

let app: AppStack;
let browser: Browser;
let marta: SharedLogin;

beforeAll(async () => {
  ensureAdminBuilt(); // before the API starts: it serves admin/dist only if it exists
  [app, browser] = await Promise.all([createAppStack(), launchBrowser()]);
  marta = await sameLoginInTwoEntities(app.db, {
    email: 'marta.doble@dos.test',
    role: 'admin',
    names: ['Cooperativa del Sol', 'Fondo Luna Nueva'],
  });
});
afterAll(async () => {
  await browser?.close();
  await app?.closeAll();
});

const focusedRadio = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el?.name === 'entity' ? el.value : el?.name;
  });

async function typeCredentials(page: Page, email: string): Promise<void> {
  await page.locator('input[name="username"]').fill(email);
  await page.locator('input[name="password"]').fill(marta.password);
  await page.getByRole('button', { name: 'Ingresar' }).click();
}

describe('issue 13: choose the entity at login (back office)', () => {
  it('ChooseEntity: the back office names both entities, keeps the e-mail and password, logs in to the second and preselects it next time', async () => {
    const [first, second] = marta.entities as [SharedLogin['entities'][0], SharedLogin['entities'][0]];
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'es-CO',
      timezoneId: 'America/Bogota',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${app.url}/admin/`);
    // Any other refusal is still a notification in the user's language.
    await page.locator('input[name="username"]').fill(marta.email);
    await page.locator('input[name="password"]').fill('not-her-password');
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByText('El correo o la contraseña no son correctos.').waitFor();
    await typeCredentials(page, marta.email);

    // The choice: a labelled radio group, announced, with the focus on its first radio.
    const group = page.getByRole('group', { name: /^Entidad/ });
    await group.waitFor();
    await expect(page.getByRole('status').filter({ hasText: 'abren' }).textContent()).resolves.toBe(
      'Este correo y esta contraseña abren 2 entidades: elija a cuál ingresar.',
    );
    expect(await group.getByRole('radio').count()).toBe(2);
    await expect.poll(() => focusedRadio(page)).toBe(first.slug);
    expect(await group.getByRole('radio', { name: first.name }).isChecked()).toBe(false);
    await page.getByTestId('login-email').filter({ hasText: marta.email }).waitFor();

    // Back to the e-mail: what was typed is still there, and the e-mail has the focus.
    await page.getByRole('button', { name: 'Cambiar correo' }).click();
    await expect(page.locator('input[name="username"]').inputValue()).resolves.toBe(marta.email);
    await expect(page.locator('input[name="password"]').inputValue()).resolves.toBe(marta.password);
    await expect.poll(() => focusedRadio(page)).toBe('username');
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await group.waitFor();
    await expect.poll(() => focusedRadio(page)).toBe(first.slug);

    // By keyboard: the arrow picks the second entity.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => group.getByRole('radio', { name: second.name }).isChecked()).toBe(true);
    await screenshot(page, 'admin-login-choose-entity');
    await page.getByRole('button', { name: 'Ingresar' }).click();

    // In the second entity: the monitor opens, and its entity list names only the second.
    await page.getByTestId('monitor').waitFor();
    await page.goto(`${app.url}/admin/#/entities`);
    await page.getByRole('cell', { name: second.name }).waitFor();
    expect(await page.getByText(first.name).count()).toBe(0);
    await screenshot(page, 'admin-login-entity-landed');
    const me = await page.request.get(`${app.url}/api/auth/me`);
    expect(((await me.json()) as { entityId: number }).entityId).toBe(second.id);

    // Remembered on this device for that e-mail, without the password.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).toContain(second.slug);
    expect(stored).not.toContain(marta.password);

    // Next time (session gone, e-mail typed otherwise): the second entity is preselected and focused.
    await context.clearCookies();
    await page.goto(`${app.url}/admin/#/login`);
    await page.reload();
    await typeCredentials(page, marta.email.toUpperCase());
    await group.waitFor();
    await expect.poll(() => group.getByRole('radio', { name: second.name }).isChecked()).toBe(true);
    await expect.poll(() => focusedRadio(page)).toBe(second.slug);
    await context.close();
  });
});
