// Issue 20 in the back office, in a real Chromium: an entity's wording of a message (the form
// offers the default text of the kind and language chosen, saves placeholders, and the change is
// on the record's audited history) and its SMS/WhatsApp provider (a URL the outbound policy refuses
// is a field error; once saved, the token is never shown again). Both at 1440×900, axe clean.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../domain/messages-templates.js';
import { parseAllowList } from '../../platform/outbound/index.js';
import { createAppStack, type AppStack } from '../../tests/support/app-stack.js';
import { axeReport, blocking } from '../../tests/support/axe.js';
import { launchBrowser, screenshot } from '../../tests/support/browser.js';
import { ensureAdminBuilt } from './build.js';
import { signIn } from './sign-in.js';

const TOKEN = 'e2e-provider-token-0123456789';
let app: AppStack;
let browser: Browser;
let page: Page;
let receiver: http.Server;
let providerUrl: string;

beforeAll(async () => {
  ensureAdminBuilt();
  receiver = http.createServer((req, res) => req.resume().on('end', () => res.writeHead(202).end('{"id":"x"}')));
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const port = (receiver.address() as AddressInfo).port;
  providerUrl = `http://127.0.0.1:${port}/v1/messages`;
  [app, browser] = await Promise.all([
    createAppStack({ config: { OUTBOUND_ALLOW: parseAllowList(`127.0.0.1:${port}`) } }),
    launchBrowser(),
  ]);
  page = await signIn(browser, app.url, 'admin@andino.demo');
});
afterAll(async () => {
  await browser?.close();
  await app?.closeAll();
  await new Promise((r) => receiver?.close(r));
});

/** axe on a page whose notification is still fading in would judge a half-transparent text. */
async function axeClean(): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.MuiSnackbarContent-root')].every((e) => getComputedStyle(e).opacity === '1'),
  );
  expect(blocking((await axeReport(page)).violations).flatMap((v) => v.nodes)).toEqual([]);
}

async function choose(label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

describe('issue 20: message templates and the provider in the back office', () => {
  it('a Spanish "called" override: the form offers the default text, saves placeholders, and is audited', async () => {
    await page.goto(`${app.url}/admin/#/message_templates/create`);
    await choose('Mensaje', 'Llamado al módulo');
    await choose('Idioma', 'Español');
    const subject = page.getByLabel('Asunto');
    const body = page.getByLabel('Texto');
    const d = DEFAULT_TEMPLATES.es.called;
    await expect.poll(() => subject.inputValue()).toBe(d.subject);
    expect(await body.inputValue()).toBe(d.body);
    await page.getByText('Marcadores disponibles:').waitFor();
    await axeClean();
    await screenshot(page, 'admin20-template-create-1440');

    const wording = 'Hola {name}: su turno {number} le espera en {desk}. Gracias por su paciencia.';
    await body.fill(wording);
    await page.getByRole('button', { name: 'Guardar' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/message_templates$/);
    const row = await app.db('message_templates').where({ kind: 'called', lang: 'es' }).first();
    expect(row).toMatchObject({ subject: d.subject, body: wording });
    const audit = await app.db('config_audit').where({ resource: 'message_templates', record_id: row.id });
    expect(audit).toMatchObject([{ action: 'create' }]);
    expect(audit[0].after).toMatchObject({ kind: 'called', lang: 'es', body: wording });

    // Its edit page shows the saved text and, beside it, its history: created by the admin.
    await page.goto(`${app.url}/admin/#/message_templates/${row.id}`);
    await expect.poll(() => page.getByLabel('Texto').inputValue()).toBe(wording);
    const history = page.getByTestId('change-history');
    await history.getByText('Creó').waitFor();
    await axeClean();
    await screenshot(page, 'admin20-template-edit-history-1440');
  });

  it('the provider: a private address is refused on the field; once saved the token is never shown', async () => {
    await page.goto(`${app.url}/admin/#/message_providers/create`);
    await page.getByLabel('URL del proveedor').fill('http://10.1.2.3/sms');
    await page.getByLabel('Token (Bearer)').fill(TOKEN);
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.getByText('No se admiten direcciones privadas o locales.').waitFor();
    expect(await app.db('message_providers')).toEqual([]);
    await screenshot(page, 'admin20-provider-refused-1440');

    await page.getByLabel('URL del proveedor').fill(providerUrl);
    await page.getByRole('button', { name: 'Guardar' }).click();
    // Saved: the page is its edit page now, with its history, and the token field is empty.
    await page.waitForURL(/#\/message_providers\/\d+$/);
    const stored = await app.db('message_providers').first();
    expect(stored).toMatchObject({ url: providerUrl, token: TOKEN });
    await page.getByTestId('change-history').getByText('Creó').waitFor();
    await page.getByText('Guardado; no se muestra. Escriba uno nuevo solo para cambiarlo.').waitFor();
    expect(await page.getByLabel('Token (Bearer)').inputValue()).toBe('');
    expect(await page.content()).not.toContain(TOKEN);
    await axeClean();
    await screenshot(page, 'admin20-provider-edit-1440');

    // The list: its URL and that a token is set, not the token; the menu names it.
    await page.goto(`${app.url}/admin/#/message_providers`);
    await page.getByRole('cell', { name: providerUrl }).waitFor();
    await page.getByRole('cell', { name: 'Configurado' }).waitFor();
    await page.getByRole('menuitem', { name: 'SMS y WhatsApp' }).waitFor();
    expect(await page.content()).not.toContain(TOKEN);
    await axeClean();
    await screenshot(page, 'admin20-provider-list-1440');
  });
});
