// Issue 20, the satisfaction survey in the browser: a finished visit's status page leads to it; one
// tap (here by keyboard) records the score — a 1 raises a low_score alert, told to the branch
// supervisor and to webhooks —
// and an optional comment follows; the page is in Spanish and English, and axe finds nothing
// blocking. A visit not over yet cannot be rated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeReport, blocking } from '../../tests/support/axe.js';
import { issueStatusToken, ticketOfToken } from '../../api/public/tokens.js';
import { ALERT_NOTIFICATION } from '../../domain/alerts.js';
import {
  kioskTicket,
  loggedInPage,
  publicPage,
  screenshot,
  startHarness,
  takeDesk,
  type ConsoleHarness,
} from './support.js';

const PHONE = { width: 390, height: 844 };
let h: ConsoleHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** A kiosk ticket served to the end by Carla (the supervisor steps it through the API). */
async function finishedVisit(): Promise<{ token: string; ticketId: string; number: string }> {
  const { number, statusUrl } = await kioskTicket(h, 'C');
  const token = statusUrl.split('/').pop()!;
  const ticketId = (await ticketOfToken(h.stack.db, token))!;
  const sup = await h.stack.login('supervisor@andino.demo');
  const carla = await h.stack.db('users').where({ email: 'carla@andino.demo' }).first('id');
  const desk = await h.stack
    .db('desks')
    .where({ branch_id: h.branchId })
    .whereNotIn('id', h.stack.db('shifts').whereNull('ended_at').select('desk_id'))
    .first('id');
  for (const [step, body] of [
    ['call', { agentId: carla.id, deskId: desk.id }],
    ['attend', {}],
    ['finish', {}],
  ] as const) {
    const r = await sup.request('POST', `/api/tickets/${ticketId}/${step}`, body);
    expect(r.status, `${step}: ${JSON.stringify(r.body)}`).toBe(200);
  }
  return { token, ticketId, number };
}

describe('issue 20: the satisfaction survey page', () => {
  it('from the status page, a 1 by keyboard is recorded and alerts the supervisor; a comment follows; axe clean', async () => {
    const visit = await finishedVisit();
    // A webhook listening to alerts (its deliveries are only enqueued here).
    await h.stack.db('webhooks').insert({
      entity_id: (await h.stack.db('entities').where({ slug: 'andino' }).first('id')).id,
      url: 'https://hooks.example.org/alerts',
      secret: 's'.repeat(32),
      events: ['alert.raised'],
    });
    const { context, page } = await publicPage(h, `/status/${visit.token}`, PHONE);
    const link = page.getByRole('link', { name: 'Califique su atención' });
    await link.waitFor();
    await page.getByTestId('kiosk-qr').waitFor();
    await screenshot(page, 'status-finished-survey-link');
    await link.click();
    await page.getByRole('heading', { name: '¿Cómo le atendimos?' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/survey/${visit.token}`);
    expect(blocking((await axeReport(page)).violations)).toEqual([]);
    await screenshot(page, 'survey-open');

    await page.getByRole('button', { name: /^1\s*Muy mala$/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('survey-thanks').getByText('¡Gracias!').waitFor();
    expect(await page.getByRole('button', { name: /^1\s*Muy mala$/ }).getAttribute('aria-pressed')).toBe('true');
    expect(await h.stack.db('surveys').where({ ticket_id: visit.ticketId }).first('score', 'comment')).toEqual({
      score: 1,
      comment: null,
    });
    // An open low_score alert the supervisor reads, her notification of it, its webhook delivery.
    const sara = await h.stack.db('users').where({ email: 'supervisor@andino.demo' }).first('id');
    const sup = await h.stack.login('supervisor@andino.demo');
    const open = await sup.request(
      'GET',
      `/api/alerts?filter=${encodeURIComponent(JSON.stringify({ open: true, kind: 'low_score' }))}`,
    );
    const alert = (open.body as { id: number; subject: string; params: Record<string, unknown> }[]).find(
      (a) => a.subject === `survey:${visit.ticketId}`,
    );
    expect(alert?.params).toMatchObject({ number: visit.number, score: 1 });
    const note = await h.stack
      .db('notifications')
      .where({ user_id: sara.id, type: ALERT_NOTIFICATION, dedupe_key: `alert:${alert!.id}` })
      .first('data');
    expect(note?.data).toMatchObject({ kind: 'low_score', params: { number: visit.number } });
    expect(
      await h.stack
        .db('webhook_deliveries')
        .where({ event_key: `alert:${alert!.id}:raised` })
        .pluck('event'),
    ).toEqual(['alert.raised']);

    await page.getByLabel('Comentario (opcional)').fill('Esperé demasiado');
    await page.getByRole('button', { name: 'Enviar comentario' }).click();
    await page.getByText('¡Gracias por su comentario!').waitFor();
    expect(await h.stack.db('surveys').where({ ticket_id: visit.ticketId }).first('score', 'comment')).toEqual({
      score: 1,
      comment: 'Esperé demasiado',
    });
    expect(blocking((await axeReport(page)).violations)).toEqual([]);
    await screenshot(page, 'survey-thanks');
    await context.close();
  });

  it('in English, a 5 by tap; reopening the link shows the answer given', async () => {
    const visit = await finishedVisit();
    const { context, page } = await publicPage(h, `/survey/${visit.token}`, PHONE);
    await page.getByRole('group', { name: 'Idioma' }).getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'How did we do?' }).waitFor();
    await page.getByTestId('survey-score-5').click();
    await page.getByText('Thank you! Your rating is saved.').waitFor();
    expect(blocking((await axeReport(page)).violations)).toEqual([]);
    await screenshot(page, 'survey-en-5');
    await page.reload();
    await page.getByTestId('survey-score-5').waitFor();
    expect(await page.getByTestId('survey-score-5').getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });

  it('a visit not over yet cannot be rated', async () => {
    const { statusUrl } = await kioskTicket(h, 'C');
    const { context, page } = await publicPage(h, statusUrl.replace('/status/', '/survey/'), PHONE);
    await page.getByTestId('survey-closed').getByText('cuando su atención haya terminado').waitFor();
    expect(await page.getByRole('button', { name: /Muy mala/ }).count()).toBe(0);
    await screenshot(page, 'survey-not-finished');
    await context.close();
  });

  it("the desk's customer panel shows her past score and comment", async () => {
    const sup = await h.stack.login('supervisor@andino.demo');
    const customer = await h.stack.db('customers').where({ id_number: '1020304050' }).first('id');
    const c = await h.stack.db('services').where({ branch_id: h.branchId, label: 'C' }).first('id');
    const carla = await h.stack.db('users').where({ email: 'carla@andino.demo' }).first('id');
    const desk3 = await h.stack.db('desks').where({ branch_id: h.branchId, name: 'Módulo 3' }).first('id');
    const past = (await sup.request('POST', '/api/tickets', { serviceId: c.id, customerId: customer.id })).body;
    for (const [path, body] of [
      ['call', { agentId: carla.id, deskId: desk3.id }],
      ['attend', {}],
      ['finish', {}],
    ] as const)
      expect((await sup.request('POST', `/api/tickets/${past.id}/${path}`, body)).status, path).toBe(200);
    await h.stack.db('ticket_status_tokens').where({ ticket_id: past.id }).del();
    const token = await issueStatusToken(h.stack.db, past.id);
    const answered = await fetch(`${h.stack.url}/api/public/tickets/${token}/survey`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ score: 2, comment: 'Faltaba información' }),
    });
    expect(answered.status).toBe(200);

    // Earlier tests left tickets waiting: gone, so the one Bruno serves is hers.
    for (const id of await h.stack.db('tickets').where({ branch_id: h.branchId, status: 'waiting' }).pluck('id'))
      expect((await sup.request('POST', `/api/tickets/${id}/cancel`, {})).status).toBe(200);
    const { context, page } = await loggedInPage(h, 'bruno@andino.demo');
    await takeDesk(page, 'Módulo 2');
    const now = (await sup.request('POST', '/api/tickets', { serviceId: c.id, customerId: customer.id })).body;
    // Online in automatic mode, the ticket may come to Bruno by itself; else he takes it from the list.
    const attention = page.getByTestId('attention');
    const take = page
      .getByTestId('waiting-list')
      .locator(`tr[data-number="${now.number}"]`)
      .getByRole('button', { name: 'Atender' });
    await attention.or(take).first().waitFor();
    if (await take.isVisible()) await take.click();
    await attention.waitFor();
    const visits = page.getByTestId('customer-visits');
    await visits.getByTestId('visit-score').waitFor();
    expect(await visits.getByTestId('visit-score').textContent()).toBe('Calificó 2 de 5Faltaba información');
    expect(await visits.getByTestId('customer-scores').textContent()).toBe('Satisfacción: 2 de 5 (1)');
    await visits.scrollIntoViewIfNeeded();
    await screenshot(page, 'desk20-customer-panel-scores');
    await context.close();
  });
});
