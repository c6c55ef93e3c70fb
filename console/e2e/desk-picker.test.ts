// Issue 16: the desk picker marks the desks other agents hold — who has each, in words a screen
// reader reads too (its description, aria-disabled), not colour only — and a taken desk cannot be
// chosen: choosing it says whose it is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeReport, blocking } from '../../tests/support/axe.js';
import { loggedInPage, screenshot, startHarness, type ConsoleHarness } from './support.js';

let h: ConsoleHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('issue 16: the desk picker', () => {
  it('shows a desk held by another agent as taken, by whom, and does not let it be chosen', async () => {
    const carla = await h.stack.login('carla@andino.demo');
    const holder = await h.stack.db('users').where({ email: 'carla@andino.demo' }).first('first_name', 'last_name');
    const name = `${holder.first_name} ${holder.last_name}`;
    const desks = await h.stack.db('desks').where({ branch_id: h.branchId }).orderBy('id').select('id', 'name');
    const [taken, free] = desks.slice(1) as [{ id: number; name: string }, { id: number; name: string }];
    expect((await carla.request('POST', '/api/shifts', { deskId: taken.id })).status).toBe(201);

    const { page } = await loggedInPage(h, 'bruno@andino.demo');
    await page.getByRole('heading', { name: 'Elija su módulo de atención' }).waitFor();
    const tile = page.getByRole('radio', { name: taken.name, exact: true });
    await expect.poll(() => tile.getAttribute('aria-disabled')).toBe('true');
    // Its state in words, as its accessible description.
    const describedBy = (await tile.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(`Ocupado por ${name}`);
    const open = page.getByRole('radio', { name: free.name, exact: true });
    expect(await open.getAttribute('aria-disabled')).toBeNull();
    expect(await page.locator(`[id="${await open.getAttribute('aria-describedby')}"]`).textContent()).toBe('Libre');

    const enter = page.getByRole('button', { name: 'Ingresar al módulo' });
    // Not a disabled button (it stays focusable and says why): pressed from the keyboard.
    await tile.focus();
    await page.keyboard.press('Enter');
    await page.getByText(`El ${taken.name} lo tiene ${name}.`).waitFor();
    expect(await tile.getAttribute('aria-checked')).toBe('false');
    expect(await enter.isDisabled()).toBe(true);

    for (const size of [
      { width: 1280, height: 720 },
      { width: 1440, height: 900 },
    ]) {
      await page.setViewportSize(size);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(blocking((await axeReport(page)).violations)).toEqual([]);
      await screenshot(page, `desk-picker-taken-${size.width}x${size.height}`);
    }

    await open.click();
    expect(await open.getAttribute('aria-checked')).toBe('true');
    expect(await enter.isEnabled()).toBe(true);
    expect(await page.getByText(`El ${taken.name} lo tiene ${name}.`).count()).toBe(0);
    expect((await carla.request('POST', '/api/shifts/current/end', {})).status).toBe(200);
  });
});
