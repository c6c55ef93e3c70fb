// G3, G6, G7, B6, B7, H1, H3, H4 end to end: the back office in headless Chromium against the
// real API over Temporal and PostgreSQL with the demo data. Screenshots in .test-artifacts.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type AppStack } from '../../tests/support/app-stack.js';
import { launchBrowser, screenshot } from '../../tests/support/browser.js';
import { DEMO_PASSWORD } from '../../db/seed/demo.js';
import { ensureAdminBuilt } from './build.js';
import { sweepClosedWorkflows } from '../../activities/stuck/sweep.js';
import { createLogger } from '../../platform/logger.js';
import es from '../src/i18n/es.js';

let app: AppStack;
let browser: Browser;

beforeAll(async () => {
  ensureAdminBuilt(); // before the API starts: it serves admin/dist only if it exists
  [app, browser] = await Promise.all([createAppStack(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.closeAll();
});

/** A sentence of the back office's Spanish dictionary, so the tests follow its wording. */
function esText(key: string): string {
  const text = key
    .split('.')
    .reduce<unknown>(
      (node, k) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[k] : undefined),
      es,
    );
  if (typeof text !== 'string') throw new Error(`no Spanish text for ${key}`);
  return text;
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'es-CO',
    timezoneId: 'America/Bogota',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

async function logIn(page: Page, email: string): Promise<void> {
  await page.goto(`${app.url}/admin/`);
  await page.locator('input[name="username"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Ingresar' }).click();
}

/** A full-page screenshot from the top, without a focused element's outline or skip link. */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await screenshot(page, name);
}

/** Opens a MUI select by its label and picks the option whose text contains `option`. */
async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

describe('back office', () => {
  it('G6/issue 12: an agent at her desk is refused by the back office, and keeps her shift and console session', async () => {
    // Elena works in the console: logged in, at a desk, shift open.
    const elenaConsole = await app.login('elena@andino.demo');
    const { branch_id: branchId } = await app.db('users').where({ email: 'elena@andino.demo' }).first('branch_id');
    const deskId = (
      await app
        .db('desks')
        .where({ branch_id: branchId })
        .whereNotIn('id', app.db('shifts').whereNull('ended_at').select('desk_id'))
        .orderBy('id')
        .first('id')
    ).id as number;
    const opened = await elenaConsole.request('POST', '/api/shifts', { deskId });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);

    // She types her credentials into the back office: refused, and no session is opened.
    const page = await newPage();
    await logIn(page, 'elena@andino.demo');
    await page.getByText(esText('errors.BackOfficeStaffOnly')).waitFor();
    await shot(page, 'admin-01-agent-refused');
    expect(await page.getByRole('button', { name: 'Ingresar' }).isVisible()).toBe(true);
    expect((await page.request.get(`${app.url}/api/auth/me`)).status()).toBe(401);

    // In the browser that holds her console's cookie: refused too, on opening and on logging in.
    const [name, value] = elenaConsole.cookie.split('=') as [string, string];
    await page.context().addCookies([{ name, value, url: app.url }]);
    await page.goto(`${app.url}/admin/#/tickets`);
    await page.getByText(esText('errors.BackOfficeStaffOnly')).waitFor();
    await page.getByRole('button', { name: 'Ingresar' }).waitFor();
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/auth/login')),
      logIn(page, 'elena@andino.demo'),
    ]);
    expect(refused.status()).toBe(403);
    await page.getByText(esText('errors.BackOfficeStaffOnly')).waitFor();
    expect((await page.context().cookies(app.url)).find((c) => c.name === name)?.value).toBe(value);

    // Her shift is open at the same desk, and her console session works.
    expect(await app.db('shifts').where({ id: opened.body.id }).first('ended_at', 'desk_id')).toEqual({
      ended_at: null,
      desk_id: deskId,
    });
    expect((await elenaConsole.request('GET', '/api/auth/me')).status).toBe(200);
    expect((await elenaConsole.request('GET', '/api/shifts/current')).body).toMatchObject({ id: opened.body.id });
    await page.context().close();
    expect((await elenaConsole.request('POST', '/api/shifts/current/end', {})).status).toBe(200); // free the desk for the tests below
  });

  it('issue 12: an edit changes only what it names (user, service, branch, webhook)', async () => {
    const page = await newPage();
    await logIn(page, 'admin@andino.demo');
    await page.getByTestId('monitor').waitFor();
    const entityId = (await app.db('entities').where({ slug: 'andino' }).first('id')).id as number;
    const nor = (await app.db('branches').where({ code: 'NOR' }).first('id')).id as number;
    /** Opens a record's edit page, types into one input, saves, and waits for the row to change. */
    const editOne = async (
      resource: string,
      id: number,
      input: string,
      value: string,
      stored: () => Promise<unknown>,
    ) => {
      await page.goto(`${app.url}/admin/#/${resource}/${id}`);
      const field = page.locator(`input[name="${input}"]`);
      await expect.poll(() => field.inputValue()).not.toBe('');
      await field.fill(value);
      await page.getByRole('button', { name: 'Guardar' }).click();
      await expect.poll(stored).toBe(value);
      // The row is stored before the browser reads the answer: wait for the save's redirect to the
      // list, or it lands after the next goto and takes the page away from the next edit.
      await page.waitForURL((u) => u.hash === `#/${resource}`);
    };

    // A deactivated supervisor's phone: she stays a supervisor, and inactive.
    const [paz] = await app
      .db('users')
      .insert({
        entity_id: entityId,
        branch_id: nor,
        email: 'paz@andino.demo',
        password_hash: 'not-a-login',
        role: 'supervisor',
        first_name: 'Paz',
        last_name: 'Inactiva',
        phone: '+57 300 000 0001',
        active: false,
      })
      .returning('id');
    await editOne(
      'users',
      paz.id,
      'phone',
      '+57 300 999 8877',
      async () => (await app.db('users').where({ id: paz.id }).first('phone')).phone,
    );
    expect(await app.db('users').where({ id: paz.id }).first('role', 'active', 'branch_id')).toEqual({
      role: 'supervisor',
      active: false,
      branch_id: nor,
    });

    // A renamed service keeps its call time-out, SLA and auto-requeue limit.
    const service = await app.db('services').where({ branch_id: nor, label: 'A' }).first('id');
    await app
      .db('services')
      .where({ id: service.id })
      .update({ call_timeout_seconds: 300, sla_target_seconds: 1200, max_auto_requeues: 3 });
    await editOne(
      'services',
      service.id,
      'name',
      'Cuentas y certificados',
      async () => (await app.db('services').where({ id: service.id }).first('name')).name,
    );
    expect(
      await app
        .db('services')
        .where({ id: service.id })
        .first('call_timeout_seconds', 'sla_target_seconds', 'max_auto_requeues'),
    ).toEqual({ call_timeout_seconds: 300, sla_target_seconds: 1200, max_auto_requeues: 3 });
    await app.db('services').where({ id: service.id }).update({ name: 'Cuentas' });

    // A renamed branch keeps its queue policy.
    await app.db('branches').where({ id: nor }).update({
      ordering_policy: 'age_boost',
      age_boost_minutes: 25,
      check_in_window_minutes: 30,
      timezone: 'America/Lima',
    });
    await editOne(
      'branches',
      nor,
      'name',
      'Sucursal Norte Renovada',
      async () => (await app.db('branches').where({ id: nor }).first('name')).name,
    );
    expect(
      await app
        .db('branches')
        .where({ id: nor })
        .first('ordering_policy', 'age_boost_minutes', 'check_in_window_minutes', 'timezone'),
    ).toEqual({
      ordering_policy: 'age_boost',
      age_boost_minutes: 25,
      check_in_window_minutes: 30,
      timezone: 'America/Lima',
    });

    // A webhook's new URL keeps its event filter, activity and secret.
    const [hook] = await app
      .db('webhooks')
      .insert({
        entity_id: entityId,
        url: 'https://hooks.example.com/old',
        secret: 'a-secret-that-stays',
        events: ['ticket.created', 'ticket.called'],
        active: false,
      })
      .returning('id');
    await editOne(
      'webhooks',
      hook.id,
      'url',
      'https://hooks.example.com/new',
      async () => (await app.db('webhooks').where({ id: hook.id }).first('url')).url,
    );
    expect(await app.db('webhooks').where({ id: hook.id }).first('events', 'active', 'secret')).toEqual({
      events: ['ticket.created', 'ticket.called'],
      active: false,
      secret: 'a-secret-that-stays',
    });
    await app.db('webhooks').where({ id: hook.id }).delete(); // the webhook test below reads the first one

    // A refused edit shows the API's field error under the input, in the user's language.
    await page.goto(`${app.url}/admin/#/branches/${nor}`);
    await page.locator('input[name="timezone"]').fill('US/Pacific-New');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.getByText(esText('errors.invalid_timezone')).waitFor();
    await shot(page, 'admin-32-branch-invalid-timezone');
    expect((await app.db('branches').where({ id: nor }).first('timezone')).timezone).toBe('America/Lima');
    await app
      .db('branches')
      .where({ id: nor })
      .update({ name: 'Sucursal Norte', timezone: 'America/Bogota', ordering_policy: 'priority' });
    await page.context().close();
  });

  describe('a supervisor', () => {
    let page: Page;
    let service: { id: number };
    let ana: { id: number };
    let desk: { id: number };
    let ticket: { id: string };
    beforeAll(async () => {
      page = await newPage();
      ana = await app.db('users').where({ email: 'ana@andino.demo' }).first('id');
      desk = await app
        .db('desks')
        .join('branches', 'branches.id', 'desks.branch_id')
        .where('branches.code', 'CEN')
        .orderBy('desks.id')
        .first('desks.id');
    });
    afterAll(() => page?.context().close());

    it('G6: logs in and lands on the live monitor', async () => {
      await logIn(page, 'supervisor@andino.demo');
      await page.getByTestId('monitor').waitFor();
      await page.getByTestId('service-C').waitFor();
      await shot(page, 'admin-02-monitor-empty');
    });

    it('G6/H1/C8: creates a service with its label, SLA target and topics', async () => {
      await page.goto(`${app.url}/admin/#/services/create`);
      await pick(page, 'Departamento', 'Sucursal Centro › Asesoría');
      await page.getByLabel('Nombre').first().fill('Trámites');
      await page.getByLabel('Prefijo').fill('T');
      await page.getByLabel('Meta de espera SLA (s)').fill('600');
      for (const [i, topic] of ['Certificado', 'Paz y salvo'].entries()) {
        await page.getByRole('button', { name: 'Agregar' }).click();
        await page.locator(`input[name="topics.${i}.name"]`).fill(topic);
      }
      await shot(page, 'admin-03-service-create');
      await page.getByRole('button', { name: 'Guardar' }).click();
      await page.getByTestId('service-topics').getByText('Paz y salvo').waitFor();
      await shot(page, 'admin-04-service-edit-topics');
      const row = await app.db('services').where({ label: 'T' }).first('id', 'sla_target_seconds');
      expect(row.sla_target_seconds).toBe(600);
      service = row;
      expect(await app.db('topics').where({ service_id: service.id }).orderBy('name').pluck('name')).toEqual([
        'Certificado',
        'Paz y salvo',
      ]);
    });

    it('A5: assigns it to an agent as a main service', async () => {
      await page.goto(`${app.url}/admin/#/users/${ana.id}`);
      const assignments = page.getByTestId('user-assignments');
      await assignments.getByText('C · Depósitos y retiros').waitFor();
      await pick(page, 'Servicio', 'T · Trámites');
      await assignments.getByRole('button', { name: 'Agregar' }).click();
      await assignments.getByText('T · Trámites').waitFor();
      await shot(page, 'admin-05-user-assignments');
      expect(
        await app.db('service_assignments').where({ user_id: ana.id, service_id: service.id }).first('kind'),
      ).toEqual({ kind: 'main' });
    });

    it('B6: generates a ticket for a new customer', async () => {
      await page.goto(`${app.url}/admin/#/tickets/create`);
      await pick(page, 'Servicio', 'T · Trámites');
      await page.getByLabel('Nombre').fill('Rosa');
      await page.getByLabel('Apellido').fill('Elvira Cárdenas');
      await page.getByLabel('Documento').fill('52123456');
      await shot(page, 'admin-06-ticket-generate');
      await page.getByRole('button', { name: 'Guardar' }).click();
      await page.getByTestId('ticket-number').getByText('T-001').waitFor();
      const row = await app.db('tickets').where({ service_id: service.id }).first('id', 'status');
      expect(row.status).toBe('waiting');
      ticket = row;
    });

    it('H4: sees it in the live monitor, which follows a call made elsewhere without a reload', async () => {
      await page.goto(`${app.url}/admin/#/monitor`);
      await page.getByTestId('live-status').getByText('En vivo').waitFor();
      await page.getByTestId('monitor-queue').getByText('T-001').waitFor();
      expect(await page.getByTestId('service-T').locator('td').nth(1).innerText()).toBe('1');
      await page
        .getByTestId('service-T')
        .getByTestId('why-next')
        .getByText(/T-001 llegó primero/)
        .waitFor(); // H1
      await shot(page, 'admin-07-monitor-waiting');
      const sup = await app.login('supervisor@andino.demo');
      expect(
        (await sup.request('POST', `/api/tickets/${ticket.id}/call`, { agentId: ana.id, deskId: desk.id })).status,
      ).toBe(200);
      await page.getByTestId('monitor-queue').getByText('Llamando').waitFor();
      await shot(page, 'admin-08-monitor-calling');
    });

    it('B7/G7: opens its timeline (no Temporal link: that UI is for operators), requeues and cancels it, each confirmed', async () => {
      await page.getByTestId('monitor-queue').getByRole('link', { name: 'T-001' }).click();
      await page.getByTestId('event-called').waitFor();
      expect(await page.getByTestId('temporal-link').count()).toBe(0);
      await shot(page, 'admin-09-ticket-timeline');
      await page.getByTestId('ticket-requeue').click();
      await page.getByRole('dialog').getByRole('button', { name: 'Sí, reencolar' }).click();
      await page.getByTestId('event-requeued').waitFor();
      await page.getByTestId('ticket-cancel').click();
      // Its buttons say what they do (issue 19: "CANCELAR" and "CONFIRMAR" under "¿Cancelar el turno?").
      await page.getByRole('dialog').getByRole('button', { name: 'No, mantener el turno' }).waitFor();
      await page.getByRole('dialog').getByRole('button', { name: 'Sí, cancelar el turno' }).click();
      await page.getByTestId('event-cancelled').waitFor();
      await shot(page, 'admin-10-ticket-cancelled');
      const events = await app.db('ticket_events').where({ ticket_id: ticket.id }).orderBy('seq').pluck('type');
      expect(events).toEqual(['created', 'called', 'requeued', 'cancelled']);
    });

    it('issue 12: a ticket whose workflow was terminated shows as stuck work, and the supervisor sends it back to the queue', async () => {
      const sup = await app.login('supervisor@andino.demo');
      // A demo service, so the reports below count only the T ticket.
      const other = await app.db('services').where({ label: 'C' }).first('id');
      const stuck = (await sup.request('POST', '/api/tickets', { serviceId: other.id })).body as {
        id: string;
        number: string;
      };
      await app.client.workflow.getHandle(`ticket-${stuck.id}`).terminate('e2e: ops terminated it');
      // Visibility learns of the termination a moment later: sweep until the ticket is settled.
      const log = createLogger('e2e', 'silent');
      await expect
        .poll(
          async () =>
            (await sweepClosedWorkflows({ db: app.db, temporal: app.client, log }, new Date(Date.now() - 60_000)))
              .tickets,
          { timeout: 20_000 },
        )
        .toBeGreaterThan(0);
      await page.goto(`${app.url}/admin/#/monitor`);
      const row = page.getByTestId(`stuck-${stuck.id}`);
      await row.getByText(esText('ventanilla.monitor.stuck.reasons.workflow_closed')).waitFor();
      await shot(page, 'admin-10b-monitor-stuck');
      await row.getByRole('button', { name: esText('ventanilla.monitor.stuck.release.requeue') }).click();
      await page.getByTestId('monitor-stuck').waitFor({ state: 'detached' });
      expect((await app.client.workflow.getHandle(`ticket-${stuck.id}`).describe()).status.name).toBe('RUNNING');
      expect((await sup.request('POST', `/api/tickets/${stuck.id}/cancel`, {})).body.status).toBe('cancelled');
    });

    it("B1–B5: lists today's tickets, and every configuration screen renders", async () => {
      await page.goto(`${app.url}/admin/#/tickets`);
      await page.getByText('Rosa Elvira Cárdenas').waitFor();
      await shot(page, 'admin-11-ticket-list');

      const screens: [string, string][] = [
        ['branches', 'Sucursal Centro'],
        ['departments', 'Asesoría'],
        ['services', 'Trámites'],
        ['users', 'Restrepo'],
        ['desks', 'Módulo 1'],
        ['priorities', 'Adulto mayor'],
        ['break_caps', 'Almuerzo'],
        ['service_assignments', 'Apoyo'],
        ['customers', 'Valderrama'],
      ];
      for (const [i, [resource, text]] of screens.entries()) {
        await page.goto(`${app.url}/admin/#/${resource}`);
        await page.locator('.RaList-main').getByText(text).first().waitFor();
        await shot(page, `admin-2${i}-${resource}`);
      }
    });

    it('H3: reads the reports with charts and exports them as CSV', async () => {
      await page.goto(`${app.url}/admin/#/reports`);
      await page.getByTestId('report-table').getByText('T · Trámites').waitFor();
      await page.getByTestId('report-charts').locator('.recharts-bar-rectangle').first().waitFor();
      await shot(page, 'admin-12-reports');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
      expect(download.suggestedFilename()).toMatch(/^ventanilla-service-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = fs.readFileSync((await download.path())!, 'utf8');
      expect(csv).toContain(`${service.id};T · Trámites;1;0;`); // issue 19: Spanish CSV (semicolons, decimal comma)
    });

    it('B6/H6: books an appointment for an existing customer picked by name', async () => {
      await page.goto(`${app.url}/admin/#/tickets/create`);
      await pick(page, 'Servicio', 'T · Trámites');
      await page.getByLabel('Cita').check();
      const inTwoHours = new Date(Date.now() + 2 * 3600_000)
        .toLocaleString('sv-SE', { timeZone: 'America/Bogota' })
        .replace(' ', 'T')
        .slice(0, 16);
      await page.getByLabel('Fecha de la cita').fill(inTwoHours);
      await page.getByLabel('Cliente existente').check();
      await page.getByRole('combobox', { name: 'Cliente' }).fill('Valder');
      await page.getByRole('option', { name: /Sofía Valderrama/ }).click();
      await shot(page, 'admin-16-appointment-generate');
      await page.getByRole('button', { name: 'Guardar' }).click();
      await page.getByTestId('event-created').getByText('Agendado').waitFor();
      await shot(page, 'admin-17-appointment-show');
      const appointment = await app
        .db('tickets')
        .where({ service_id: service.id, kind: 'appointment' })
        .first('status', 'customer_id', 'scheduled_at');
      expect(appointment.status).toBe('scheduled');
      expect(appointment.scheduled_at.toISOString().slice(0, 16)).toBe(
        new Date(`${inTwoHours}:00-05:00`).toISOString().slice(0, 16),
      );
      // Issue 16: the service waits for the customer's check-in; staff check them in on arrival.
      await page.getByTestId('ticket-check-in').click();
      await page.getByRole('dialog').getByRole('button', { name: 'Sí, registrar la llegada' }).click();
      await page.getByTestId('event-queued').waitFor();
      await shot(page, 'admin-17b-appointment-checked-in');
      expect(
        (await app.db('tickets').where({ service_id: service.id, kind: 'appointment' }).first('status')).status,
      ).toBe('waiting');
      // Out of the queue again, so that no agent logging in below is given it.
      await page.getByTestId('ticket-cancel').click();
      await page.getByRole('dialog').getByRole('button', { name: 'Sí, cancelar el turno' }).click();
      await page.getByTestId('event-cancelled').waitFor();
    });

    it('H4/G2/G7: sees an agent log in live, and no link to her shift workflow (operators only)', async () => {
      const anaApi = await app.login('ana@andino.demo');
      const opened = await anaApi.request('POST', '/api/shifts', { deskId: desk.id });
      expect(opened.status).toBe(201);
      await page.goto(`${app.url}/admin/#/monitor`);
      // Issue 19: an agent online shows what she does — free, or with the customer dispatch gave her.
      await page
        .getByTestId('monitor-agents')
        .getByTestId('agent-activity')
        .filter({ hasText: /^(Disponible|Llamando a .+|Atendiendo .+)$/ })
        .first()
        .waitFor();
      await shot(page, 'admin-14-monitor-agent-online');
      await page.goto(`${app.url}/admin/#/shifts`);
      await page.locator('.RaList-main').getByText('Ana Restrepo').waitFor();
      expect(opened.body.workflowId).toBeTruthy();
      expect(await page.locator('.RaList-main').getByTestId('temporal-link').count()).toBe(0);
      await shot(page, 'admin-15-shifts');
    });

    it('H1: reads the branch ordering policy, in English this time', async () => {
      await page.goto(`${app.url}/admin/#/branches`);
      await page.getByRole('button', { name: /Español/i }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.getByText('Sucursal Centro').click();
      await page.getByText('After N priority tickets in a row, one normal ticket goes.').waitFor();
      await shot(page, 'admin-13-branch-policy-en');
    });
  });

  it('an edit page keeps what the user typed when the fresh copy of the record arrives', async () => {
    const page = await newPage();
    await logIn(page, 'admin@andino.demo');
    await page.getByTestId('monitor').waitFor();
    const topic = await app.db('topics').orderBy('id').first('id', 'name');
    // The list caches the record; the edit page shows that copy at once and refetches it. The
    // refetch is held until the user has typed, then answers with a row changed meanwhile.
    await page.goto(`${app.url}/admin/#/topics`);
    await page.getByText(topic.name, { exact: true }).first().waitFor();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/api/topics/${topic.id}`, async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      await held;
      await route.continue();
    });
    await page.goto(`${app.url}/admin/#/topics/${topic.id}`);
    const field = page.locator('input[name="name"]');
    await expect.poll(() => field.inputValue()).toBe(topic.name);
    await field.fill('Tema escrito por la supervisora');
    await app.db('topics').where({ id: topic.id }).update({ name: 'Cambiado en otra sesión' });
    release();
    await page.waitForResponse((r) => r.url().endsWith(`/api/topics/${topic.id}`) && r.request().method() === 'GET');
    await page.waitForTimeout(300); // the form resets (or not) on the render after the answer
    expect(await field.inputValue()).toBe('Tema escrito por la supervisora');
    expect(await page.getByRole('button', { name: 'Guardar' }).isEnabled()).toBe(true);
    await page.unrouteAll({ behavior: 'wait' });
    await app.db('topics').where({ id: topic.id }).update({ name: topic.name });
    await page.context().close();
  });

  it('H8/H7: an administrator registers a webhook and sees the entity', async () => {
    const page = await newPage();
    await logIn(page, 'admin@andino.demo');
    await page.getByTestId('monitor').waitFor();
    await page.goto(`${app.url}/admin/#/webhooks/create`);
    await page.getByLabel('URL').fill('https://hooks.example.com/ventanilla?a=1');
    await page.getByLabel('Secreto (firma HMAC)').fill('s3cret-s3cret-s3cret');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.locator('.RaList-main').getByText('https://hooks.example.com/ventanilla?a=1').waitFor();
    await shot(page, 'admin-30-webhooks');
    const hook = await app
      .db('webhooks')
      .where({ url: 'https://hooks.example.com/ventanilla?a=1' })
      .first('url', 'secret');
    expect(hook).toBeDefined();
    await page.goto(`${app.url}/admin/#/entities`);
    await page.locator('.RaList-main').getByText('Banco Andino').waitFor();
    await shot(page, 'admin-31-entities');
    await page.context().close();
  });

  it('G7/issue 13: the Temporal Web UI is linked for an operator only, never for an entity admin, whose user form offers no operator role', async () => {
    const sup = await app.login('supervisor@andino.demo');
    const service = await app.db('services').where({ label: 'C' }).first('id');
    const made = (await sup.request('POST', '/api/tickets', { serviceId: service.id })).body as { id: string };
    const admin = await newPage();
    await logIn(admin, 'admin@andino.demo');
    await admin.getByTestId('monitor').waitFor();
    await admin.getByTestId('live-status').waitFor();
    expect(await admin.getByTestId('temporal-lists').count()).toBe(0);
    await admin.goto(`${app.url}/admin/#/tickets/${made.id}/show`);
    await admin.getByTestId('event-created').waitFor();
    expect(await admin.getByTestId('temporal-link').count()).toBe(0);
    await admin.goto(`${app.url}/admin/#/users/create`);
    await admin
      .getByRole('combobox', { name: esText('resources.users.fields.role') })
      .first()
      .click();
    await admin.getByRole('option', { name: esText('ventanilla.role.admin') }).waitFor();
    expect(await admin.getByRole('option', { name: esText('ventanilla.role.operator') }).count()).toBe(0);
    await admin.context().close();

    const operator = await newPage();
    await logIn(operator, 'operator@ventanilla.demo');
    await operator.getByTestId('monitor').waitFor();
    // Issue 19: the monitor's saved lists of the branch's open work in the Web UI.
    const lists = operator.getByTestId('temporal-lists');
    const waiting = lists.getByRole('link', { name: esText('ventanilla.monitor.temporal_list.waitingTickets') });
    const href = new URL((await waiting.getAttribute('href')) ?? '');
    expect(href.pathname).toBe(`/namespaces/${app.namespace}/workflows`);
    expect(href.searchParams.get('query')).toMatch(
      /^WorkflowType = 'ticketWorkflow' AND VtBranch = '\d+' AND VtStatus = 'waiting' AND ExecutionStatus = 'Running'$/,
    );
    expect(await lists.getByRole('link').count()).toBe(4);
    await operator.goto(`${app.url}/admin/#/tickets/${made.id}/show`);
    await operator.getByTestId('event-created').waitFor();
    expect(await operator.getByTestId('temporal-link').getAttribute('href')).toBe(
      `http://localhost:8233/namespaces/${app.namespace}/workflows/ticket-${made.id}`,
    );
    await shot(operator, 'admin-32-operator-temporal-link');
    await operator.context().close();
  });
});
