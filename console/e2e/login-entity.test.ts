// Issue 13 follow-up in the agent console: one e-mail and password that open two entities ask
// which one (ChooseEntity), keep what was typed, log in to the chosen one and remember it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sameLoginInTwoEntities, type SharedLogin } from '../../tests/support/shared-login.js';
import { newContext, screenshot, startHarness, type ConsoleHarness } from './support.js';

let h: ConsoleHarness;
let marta: SharedLogin;
beforeAll(async () => {
  h = await startHarness();
  marta = await sameLoginInTwoEntities(h.stack.db, {
    email: 'marta.doble@dos.test',
    role: 'agent',
    names: ['Cooperativa del Sol', 'Fondo Luna Nueva'],
  });
});
afterAll(async () => {
  await h?.close();
});

describe('issue 13: choose the entity at login (console)', () => {
  it('ChooseEntity: the console names both entities, keeps the e-mail and password, logs in to the second and preselects it next time', async () => {
    const [first, second] = marta.entities as [SharedLogin['entities'][0], SharedLogin['entities'][0]];
    const context = await newContext(h);
    const page = await context.newPage();
    await page.goto(h.stack.url);
    await page.getByLabel('Correo electrónico').fill(marta.email);
    await page.getByLabel('Contraseña').fill(marta.password);
    await page.getByRole('button', { name: 'Ingresar' }).click();

    // The choice: a labelled group of radios, announced, with the focus on its first radio.
    const group = page.getByRole('group', { name: 'Entidad' });
    await group.waitFor();
    await expect(page.getByRole('status').textContent()).resolves.toBe(
      'Este correo y esta contraseña abren 2 entidades: elija a cuál ingresar.',
    );
    expect(await group.getByRole('radio').count()).toBe(2);
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).resolves.toBe(
      first.slug,
    );
    expect(await group.getByRole('radio', { name: first.name }).isChecked()).toBe(false);
    await page.getByTestId('login-email').filter({ hasText: marta.email }).waitFor();

    // Back to the e-mail: what was typed is still there, and the e-mail has the focus.
    await page.getByRole('button', { name: 'Cambiar correo' }).click();
    await expect(page.getByLabel('Correo electrónico').inputValue()).resolves.toBe(marta.email);
    await expect(page.getByLabel('Contraseña').inputValue()).resolves.toBe(marta.password);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe('email');
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await group.waitFor();

    // By keyboard: the arrow picks the second entity.
    await page.keyboard.press('ArrowDown');
    expect(await group.getByRole('radio', { name: second.name }).isChecked()).toBe(true);
    await screenshot(page, 'console-login-choose-entity');
    await page.getByRole('button', { name: 'Ingresar' }).click();

    // In the second entity: its desks, and its name on the profile.
    await page.getByRole('heading', { name: 'Elija su módulo de atención' }).waitFor();
    await page.goto(`${h.stack.url}/profile`);
    await expect.poll(() => page.locator('input[name="entity"]').inputValue()).toBe(second.name);
    await screenshot(page, 'console-login-entity-profile');
    const me = await page.request.get(`${h.stack.url}/api/auth/me`);
    expect(((await me.json()) as { entityId: number }).entityId).toBe(second.id);

    // Remembered on this device for that e-mail, without the password.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).toContain(second.slug);
    expect(stored).not.toContain(marta.password);

    // Next time (session gone, e-mail typed otherwise): the second entity is preselected and focused.
    await context.clearCookies();
    await page.goto(h.stack.url);
    await page.getByLabel('Correo electrónico').fill(` ${marta.email.toUpperCase()}`);
    await page.getByLabel('Contraseña').fill(marta.password);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await group.waitFor();
    expect(await group.getByRole('radio', { name: second.name }).isChecked()).toBe(true);
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).resolves.toBe(
      second.slug,
    );
    await context.close();
  });
});
