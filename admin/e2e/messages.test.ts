// Issue 20 end to end: messages a ticket sends reach a real SMTP receiver, through the real
// API, worker and workflows; the links they carry work without a login (opt-out, one-tap
// confirm); templates are configuration; and the back office's outbox shows what was sent.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type AppStack, type ApiClient } from '../../tests/support/app-stack.js';
import { launchBrowser, screenshot } from '../../tests/support/browser.js';
import { axeReport, blocking } from '../../tests/support/axe.js';
import { bodyOf, createTestMailbox, TEST_SECRET, type TestMailbox } from '../../tests/support/mail.js';
import { ensureAdminBuilt } from './build.js';
import { signIn } from './sign-in.js';

let app: AppStack;
let browser: Browser;
let mail: TestMailbox;
let sup: ApiClient;
let serviceId: number;

beforeAll(async () => {
  ensureAdminBuilt();
  mail = await createTestMailbox();
  [app, browser] = await Promise.all([
    createAppStack({ config: { SESSION_SECRET: TEST_SECRET }, messaging: mail.messaging() }),
    launchBrowser(),
  ]);
  sup = await app.login('supervisor@andino.demo');
  const branch = await app.db('branches').where({ name: 'Sucursal Centro' }).first('id');
  serviceId = (await app.db('services').where({ branch_id: branch.id, active: true }).orderBy('id').first('id')).id;
});
afterAll(async () => {
  await browser?.close();
  await app?.closeAll();
  await mail?.close();
});

async function until<T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false): Promise<T> {
  const end = Date.now() + 20_000;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The links of a message, with the test's public URL replaced by the test API's. */
const linkOf = (body: string, purpose: string): string => {
  const m = new RegExp(`http://localhost:3000(/api/public/messages/[^\\s]+/${purpose})`).exec(body);
  if (!m) throw new Error(`no ${purpose} link in ${body}`);
  return app.url + m[1];
};

describe('issue 20: customer messages through the API', () => {
  it('the desk takes an e-mail with consent: "issued" is sent, and its opt-out link clears the consent', async () => {
    const email = 'marta.issued@example.test';
    const made = await sup.request('POST', '/api/tickets', {
      serviceId,
      customer: { firstName: 'Marta', lastName: 'Ruiz', email, notifyEmail: true, lang: 'en' },
    });
    expect(made.status).toBe(201);
    const issued = await until('issued', () => mail.ofKind('issued').find((m) => m.to[0] === email));
    expect(issued.headers.subject).toMatch(/^Your ticket [A-Z]+-\d{3}$/);
    const optOut = linkOf(bodyOf(issued), 'opt-out');
    // A GET (a mail scanner opening the link) asks, and changes nothing.
    const asked = await fetch(optOut);
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain('Stop sending me messages');
    const customer = () => app.db('customers').where({ email }).first('notify_email');
    expect(await customer()).toEqual({ notify_email: true });
    // On her phone: a page she can read and a button she can hit, in her language; axe finds nothing.
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(optOut);
    const stop = page.getByRole('button');
    expect((await stop.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(blocking((await axeReport(page)).violations)).toEqual([]);
    await screenshot(page, 'message-opt-out-phone');
    await stop.click();
    await page.waitForLoadState();
    expect(await page.locator('h1').count()).toBe(1);
    await screenshot(page, 'message-opt-out-done-phone');
    await page.close();
    expect(await customer()).toEqual({ notify_email: false });
    // A forged link is refused.
    expect(
      (await fetch(optOut.replace(/\.[A-Za-z0-9_-]{32}\//, '.' + 'x'.repeat(32) + '/'), { method: 'POST' })).status,
    ).toBe(404);
  });

  it("an appointment gets its .ics, and the one-tap confirm is the customer's step and tells the agents (A2)", async () => {
    const email = 'jorge.booked@example.test';
    const scheduledAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const made = await sup.request('POST', '/api/tickets', {
      serviceId,
      kind: 'appointment',
      scheduledAt,
      customer: { firstName: 'Jorge', email, notifyEmail: true },
    });
    expect(made.status).toBe(201);
    const ticketId = made.body.id as string;
    const booked = await until('booked', () => mail.ofKind('booked').find((m) => m.to[0] === email));
    expect(booked.raw).toMatch(/Content-Type: text\/calendar; method=PUBLISH; charset=utf-8; name=cita\.ics/i);
    const ics = /name=cita\.ics[\s\S]*?\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(booked.raw)![1]!;
    const calendar = Buffer.from(ics.replace(/\s/g, ''), 'base64').toString('utf8');
    expect(calendar).toContain('BEGIN:VEVENT');
    expect(calendar).toContain(`DTSTART:${scheduledAt.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
    // Her check-in code, to type at the kiosk, and its QR for the kiosk's scanner.
    const { code } = await app
      .db('appointments')
      .where({ id: made.body.appointmentId ?? null })
      .orWhere('id', app.db('tickets').where({ id: made.body.id }).select('appointment_id'))
      .first('code');
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(bodyOf(booked)).toContain(`su código ${code as string}`);
    expect(booked.raw).toMatch(new RegExp(`Content-Type: image/png; name=codigo-${code as string}\\.png`, 'i'));
    const confirm = linkOf(bodyOf(booked), 'confirm');
    expect((await fetch(confirm)).status).toBe(200);
    const before = Number((await app.db('notifications').count({ n: '*' }))[0]!.n);
    const done = await fetch(confirm, { method: 'POST' });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Su cita está confirmada');
    const step = await app.db('ticket_events').where({ ticket_id: ticketId, type: 'confirmed' }).first();
    expect(step).toMatchObject({ actor_type: 'customer', to_status: 'scheduled' });
    expect(Number((await app.db('notifications').count({ n: '*' }))[0]!.n)).toBeGreaterThan(before);
    // A second tap says the same and adds nothing.
    expect((await fetch(confirm, { method: 'POST' })).status).toBe(200);
    expect(await app.db('ticket_events').where({ ticket_id: ticketId, type: 'confirmed' })).toHaveLength(1);
  });

  it("an entity's template is configuration: refused with an unknown placeholder, audited, and used", async () => {
    const admin = await app.login('admin@andino.demo');
    const bad = await admin.request('POST', '/api/message_templates', {
      kind: 'issued',
      lang: 'es',
      subject: 'Turno {numero}',
      body: 'Hola',
    });
    expect(bad.status).toBe(400);
    const ok = await admin.request('POST', '/api/message_templates', {
      kind: 'issued',
      lang: 'es',
      subject: 'Andino: su turno {number}',
      body: 'Hola {name}, su turno es {number}.',
    });
    expect(ok.status).toBe(201);
    expect(await app.db('config_audit').where({ resource: 'message_templates', record_id: ok.body.id })).toHaveLength(
      1,
    );
    const email = 'sofia.template@example.test';
    await sup.request('POST', '/api/tickets', {
      serviceId,
      customer: { firstName: 'Sofía', email, notifyEmail: true },
    });
    const issued = await until('issued', () => mail.ofKind('issued').find((m) => m.to[0] === email));
    expect(bodyOf(issued)).toMatch(/^Hola Sofía, su turno es [A-Z]+-\d{3}\.\r?\n\r?\nPara no recibir más mensajes/);
  });

  it('the outbox shows what was sent, with its status, channel, kind and ticket (es, 1440×900, axe)', async () => {
    const page = await signIn(browser, app.url, 'admin@andino.demo');
    await page.goto(`${app.url}/admin/#/messages`);
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(
      await app
        .db('messages')
        .count({ n: '*' })
        .then((r) => Number(r[0]!.n)),
    );
    await page.getByText('Cita agendada').first().waitFor();
    await page.getByText('Turno emitido').first().waitFor();
    await page.getByText('Enviado').first().waitFor();
    await page.getByText('jorge.booked@example.test').click(); // a row opens to its text
    await page.getByText(/Confírmela con un toque/).waitFor();
    await screenshot(page, 'admin-outbox-1440');
    expect(blocking((await axeReport(page)).violations)).toEqual([]);
    // A branch's agent reads no outbox.
    const agent = await app.login('ana@andino.demo');
    expect((await agent.request('GET', '/api/messages')).status).toBe(403);
  });
});
