// Issue 16: "a customer's chat text is not on the timeline". A ticket's page in the back office
// shows its video call's conversation under the steps, the customer's words included.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed/demo.js';
import { createAppStack, type AppStack } from '../../tests/support/app-stack.js';
import { axeReport, blocking } from '../../tests/support/axe.js';
import { launchBrowser, screenshot } from '../../tests/support/browser.js';
import { ensureAdminBuilt } from './build.js';

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

describe("issue 16: a ticket's video conversation on its page", () => {
  it("shows what agent and customer wrote, under the ticket's steps", async () => {
    const sup = await app.login('supervisor@andino.demo');
    const centro = await app.db('branches').where({ code: 'CEN' }).first('id');
    const service = await app.db('services').where({ label: 'C', branch_id: centro.id }).first('id');
    const t = (await sup.request('POST', '/api/tickets', { serviceId: service.id })).body;
    const roomId = '00000000-0000-4000-8000-0000000c4a71';
    await app
      .db('video_rooms')
      .insert({ id: roomId, ticket_id: t.id, guest_token_hash: 'y'.repeat(64), opened_at: new Date() });
    const ana = await app.db('users').where({ email: 'ana@andino.demo' }).first('id', 'first_name', 'last_name');
    await app.db('chat_messages').insert([
      { room_id: roomId, sender_type: 'user', sender_id: ana.id, body: '¿Me muestra su documento?' },
      { room_id: roomId, sender_type: 'customer', sender_id: null, body: 'Claro, aquí está' },
    ]);

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'es-CO' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${app.url}/admin/`);
    await page.locator('input[name="username"]').fill('supervisor@andino.demo');
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('monitor').waitFor();
    await page.goto(`${app.url}/admin/#/tickets/${t.id}/show`);
    const chat = page.getByTestId('chat-transcript');
    await chat.getByRole('heading', { name: 'Conversación de la videollamada' }).waitFor();
    expect(await chat.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining(`${ana.first_name} ${ana.last_name}: ¿Me muestra su documento?`),
      expect.stringContaining('Cliente: Claro, aquí está'),
    ]);
    await screenshot(page, 'admin16-ticket-chat-1440');
    expect(blocking((await axeReport(page)).violations)).toEqual([]);
    await context.close();
  });
});
