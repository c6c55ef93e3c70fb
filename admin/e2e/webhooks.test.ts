// Issue 13 end to end: an administrator sees a webhook's deliveries on its page, sends a test
// and resends a failed delivery, in headless Chromium against the real API. The receiver is on
// loopback, so the operator allow-list names its port; a loopback URL typed into the form is
// refused under the URL field.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type AppStack } from '../../tests/support/app-stack.js';
import { launchBrowser, screenshot } from '../../tests/support/browser.js';
import { DEMO_PASSWORD } from '../../db/seed/demo.js';
import { parseAllowList } from '../../platform/outbound/index.js';
import { ensureAdminBuilt } from './build.js';
import es from '../src/i18n/es.js';

let app: AppStack;
let browser: Browser;
let receiver: http.Server;
let port: number;
/** The receiver answers 503 while this is positive. */
let failNext = 0;
const received: string[] = [];

beforeAll(async () => {
  ensureAdminBuilt();
  receiver = http.createServer((req, res) => {
    received.push(String(req.headers['x-ventanilla-event']));
    res.writeHead(failNext-- > 0 ? 503 : 200).end();
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  port = (receiver.address() as AddressInfo).port;
  [app, browser] = await Promise.all([
    createAppStack({ config: { OUTBOUND_ALLOW: parseAllowList(`127.0.0.1:${port}`) } }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await app?.closeAll();
  await new Promise((r) => receiver?.close(r));
});

const esText = (key: string): string => {
  const text = key
    .split('.')
    .reduce<unknown>(
      (node, k) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[k] : undefined),
      es,
    );
  if (typeof text !== 'string') throw new Error(`no Spanish text for ${key}`);
  return text;
};

async function adminPage(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'es-CO',
    timezoneId: 'America/Bogota',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${app.url}/admin/`);
  await page.locator('input[name="username"]').fill('admin@andino.demo');
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await page.getByTestId('monitor').waitFor();
  return page;
}

describe('issue 13: webhook deliveries in the back office', () => {
  it('refuses a loopback URL under the field, then shows deliveries with send test and resend', async () => {
    const page = await adminPage();
    await page.goto(`${app.url}/admin/#/webhooks/create`);
    await page.getByLabel('URL').fill('http://127.0.0.1:5488/');
    await page.getByLabel('Secreto (firma HMAC)').fill('s3cret-s3cret-s3cret');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.getByText(esText('errors.private_address')).waitFor();
    expect(await app.db('webhooks').count({ n: '*' })).toEqual([{ n: 0 }]);

    const [hook] = await app
      .db('webhooks')
      .insert({
        entity_id: (await app.db('entities').where({ slug: 'andino' }).first('id')).id,
        url: `http://127.0.0.1:${port}/hooks`,
        secret: 's3cret-s3cret-s3cret',
        events: ['ticket.no_show'],
      })
      .returning('id');
    await page.goto(`${app.url}/admin/#/webhooks/${hook.id}`);
    const panel = page.getByTestId('webhook-deliveries');
    await panel.getByText(esText('ventanilla.webhooks.none')).waitFor();

    failNext = 1;
    await page.getByTestId('webhook-send-test').click();
    await page.getByText(esText('ventanilla.webhooks.not_delivered').replace('%{error}', 'HTTP 503')).waitFor();
    const row = panel.locator('tbody tr').first();
    await row.getByText(esText('ventanilla.webhooks.state.failed')).waitFor();
    await row.getByText('HTTP 503').waitFor();

    await row.getByRole('button', { name: esText('ventanilla.webhooks.resend') }).click();
    await page.getByText(esText('ventanilla.webhooks.resent')).waitFor();
    await row.getByText(esText('ventanilla.webhooks.state.delivered')).waitFor();
    await page.getByTestId('webhook-send-test').click();
    await page.getByText(esText('ventanilla.webhooks.test_delivered')).waitFor();
    await expect.poll(() => panel.locator('tbody tr').count()).toBe(2);
    await screenshot(page, 'admin-32-webhook-deliveries');
    expect(received).toEqual(['webhook.test', 'webhook.test', 'webhook.test']);
    await page.context().close();
  });
});
