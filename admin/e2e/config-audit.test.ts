// Issue 19 in the back office: a supervisor changes a service's SLA target on its edit page; the
// change appears at once in that record's history beside the form and in "Auditoría"
// with who, when, before and after in Spanish; axe finds nothing blocking; the
// pages fit 1440×900 without sideways scrolling.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type AppStack } from '../../tests/support/app-stack.js';
import { axeReport, blocking } from '../../tests/support/axe.js';
import { launchBrowser, screenshot } from '../../tests/support/browser.js';
import { ensureAdminBuilt } from './build.js';
import { signIn as signInAs } from './sign-in.js';

let app: AppStack;
let browser: Browser;
beforeAll(async () => {
  ensureAdminBuilt();
  [app, browser] = await Promise.all([createAppStack(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.closeAll();
});

const signIn = (email: string): Promise<Page> => signInAs(browser, app.url, email);

const fits = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('issue 19: the configuration audit log', () => {
  it("a supervisor's SLA change shows in the record's history and in the audit log, before and after", async () => {
    const service = await app
      .db('services')
      .join('branches', 'branches.id', 'services.branch_id')
      .where({ 'branches.code': 'CEN', 'services.label': 'C' })
      .first('services.id', 'services.sla_target_seconds as sla');
    const page = await signIn('supervisor@andino.demo');
    const { first_name, last_name } = await app
      .db('users')
      .where({ email: 'supervisor@andino.demo' })
      .first('first_name', 'last_name');
    const who = `${first_name} ${last_name}`;

    await page.goto(`${app.url}/admin/#/services/${service.id}`);
    const history = page.getByTestId('change-history');
    await page.getByText('Sin cambios registrados desde que existe la auditoría.').waitFor();
    const sla = page.getByLabel('Meta de espera SLA (s)');
    await sla.fill(String(service.sla + 120));
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.getByText('Elemento actualizado').waitFor();
    await page.waitForURL(/#\/services$/);

    await page.goto(`${app.url}/admin/#/services/${service.id}`);
    const change = history.getByRole('listitem').first();
    await change.getByText(`${who} · Modificó`).waitFor();
    const row = change.getByRole('row', { name: /Meta de espera SLA/ });
    await expect.poll(() => row.textContent()).toBe(`Meta de espera SLA (s)${service.sla}${service.sla + 120}`);
    expect(await fits(page)).toBe(true);
    await screenshot(page, 'admin19-service-history-1440');
    const onRecord = blocking((await axeReport(page)).violations);

    await page.getByRole('menuitem', { name: 'Auditoría' }).click();
    const entry = page.locator('.RaList-main tbody tr').first();
    await entry.getByText(who).waitFor();
    expect(await entry.textContent()).toMatch(/Modificó.*Servicio C · .*\(#\d+\).*Meta de espera SLA \(s\)/);
    await entry.click(); // the row opens on its before and after
    const detail = page.getByRole('table', { name: 'Campos cambiados' });
    await detail.getByRole('row', { name: /Meta de espera SLA/ }).waitFor();
    expect(await fits(page)).toBe(true);
    await screenshot(page, 'admin19-audit-log-1440');
    expect({ onRecord, onList: blocking((await axeReport(page)).violations) }).toEqual({ onRecord: [], onList: [] });
    await page.context().close();
  });

  it('offers each user only what their role may do: no Create where the API would refuse it, no Delete where nothing is deleted', async () => {
    const sup = await signIn('supervisor@andino.demo'); // a branch supervisor
    for (const entityWide of ['priorities', 'break_caps']) {
      await sup.goto(`${app.url}/admin/#/${entityWide}`);
      await sup.locator('.RaList-main tbody tr').first().waitFor();
      expect(await sup.getByRole('link', { name: 'Crear' }).count(), entityWide).toBe(0);
    }
    // Branch configuration is theirs: Create is offered there.
    await sup.goto(`${app.url}/admin/#/services`);
    await sup.getByRole('link', { name: 'Crear' }).waitFor();
    await sup.context().close();

    const admin = await signIn('admin@andino.demo');
    const entity = await app.db('entities').where({ slug: 'andino' }).first('id');
    await admin.goto(`${app.url}/admin/#/entities/${entity.id}`);
    await admin.getByRole('button', { name: 'Guardar' }).waitFor();
    expect(await admin.getByRole('button', { name: 'Eliminar' }).count()).toBe(0);
    await admin.goto(`${app.url}/admin/#/priorities`);
    await admin.getByRole('link', { name: 'Crear' }).waitFor();
    await admin.context().close();
  });
});
