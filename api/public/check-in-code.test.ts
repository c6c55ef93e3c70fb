// Issue 20, the kiosk's check-in by code, over real HTTP on the real stack: every appointment has an
// eight-character code (whatever path inserted it), staff read it on the appointment and its ticket,
// and the kiosk's one field takes it — typed in lower case or with spaces, or scanned from its QR —
// or an ID number, under the same rules as by ID number: only today's, only this branch's, every
// miss the same NoAppointmentToday, nothing personal in the answer, rate-limited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type ApiClient, type AppStack } from '../../tests/support/app-stack.js';
import { inHours, zoneWithRoomToday } from '../../tests/support/today.js';
import { CHECK_IN_CODE_ALPHABET, checkInCodeOf } from '../../domain/check-in.js';

let app: AppStack;
let admin: ApiClient;
let centro: { id: number; serviceId: number };
let norte: { id: number; serviceId: number };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted field by field
type Body = Record<string, any>;
const checkIn = (branchId: number, body: unknown) =>
  fetch(`${app.url}/api/public/branches/${branchId}/check-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as Body }));
const statusOf = async (ticketId: string) =>
  (await app.db('tickets').where({ id: ticketId }).first('status')).status as string;

/** An appointment booked by staff; its ticket's id and the code staff read on it. */
async function appointment(branch: { serviceId: number }, at: string, idNumber: string) {
  const res = await admin.request('POST', '/api/tickets', {
    serviceId: branch.serviceId,
    kind: 'appointment',
    scheduledAt: at,
    customer: { firstName: 'Cita', lastName: 'Código', idNumber },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const ticketId = res.body.id as string;
  const shown = await admin.request('GET', `/api/tickets/${ticketId}`);
  return { ticketId, code: shown.body.appointmentCode as string };
}

beforeAll(async () => {
  app = await createAppStack();
  admin = await app.login('admin@andino.demo');
  await app.db('branches').update({ timezone: zoneWithRoomToday() });
  const cen = await app.db('branches').where({ code: 'CEN' }).first('id');
  const nor = await app.db('branches').where({ code: 'NOR' }).first('id');
  centro = {
    id: cen.id,
    serviceId: (await app.db('services').where({ branch_id: cen.id, label: 'C' }).first('id')).id,
  };
  norte = { id: nor.id, serviceId: (await app.db('services').where({ branch_id: nor.id }).first('id')).id };
});
afterAll(() => app?.closeAll());

describe('issue 20: the check-in code', () => {
  it('every appointment has one, unique in its entity, shown to staff on the appointment and its ticket', async () => {
    const { ticketId, code } = await appointment(centro, inHours(3), '70100200');
    expect(code).toMatch(new RegExp(`^[${CHECK_IN_CODE_ALPHABET}]{8}$`));
    const row = await app
      .db('appointments as a')
      .join('tickets as t', 't.appointment_id', 'a.id')
      .where('t.id', ticketId)
      .first('a.id', 'a.code', 'a.entity_id', 'a.branch_id', 'a.service_id', 'a.customer_id');
    expect(row.code).toBe(code);
    const shown = await admin.request('GET', `/api/appointments/${row.id}`);
    expect(shown.body.code).toBe(code);
    // Rows inserted by any path (here straight into the table, as the demo data and the migration's
    // old rows are) get one from the column's default; all distinct.
    await app.db('appointments').insert({
      entity_id: row.entity_id,
      branch_id: row.branch_id,
      service_id: row.service_id,
      customer_id: row.customer_id,
      scheduled_at: new Date(),
    });
    const codes: string[] = await app.db('appointments').pluck('code');
    expect(codes.length).toBeGreaterThan(1);
    expect(codes.every((c) => checkInCodeOf(c) === c)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("checks in today's appointment by its code, in lower case or with spaces, answering nothing personal", async () => {
    const { ticketId, code } = await appointment(centro, inHours(2), '70300400');
    const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4).toLowerCase()}`;
    const res = await checkIn(centro.id, { entry: typed });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['issuedAt', 'number', 'serviceName', 'statusUrl', 'token']);
    expect(await statusOf(ticketId)).toBe('waiting');
    const again = await checkIn(centro.id, { entry: code });
    expect([again.status, again.body.code]).toEqual([409, 'AlreadyCheckedIn']);
    // The same field takes an ID number.
    const byId = await appointment(centro, inHours(2), '70.500.600');
    expect((await checkIn(centro.id, { entry: '70500600' })).status).toBe(200);
    expect(await statusOf(byId.ticketId)).toBe('waiting');
  });

  it("another branch's code, tomorrow's and an unknown code get one and the same 404, and nothing changes", async () => {
    const elsewhere = await appointment(norte, inHours(2), '70700800');
    const tomorrow = await appointment(centro, inHours(30), '70900100');
    const madeUp = [...'23456789'].reverse().join('');
    expect(await app.db('appointments').where({ code: madeUp }).first('id')).toBeUndefined();
    const unknown = await checkIn(centro.id, { entry: madeUp });
    expect(unknown).toEqual({ status: 404, body: expect.objectContaining({ code: 'NoAppointmentToday', params: {} }) });
    for (const code of [elsewhere.code, tomorrow.code])
      expect(await checkIn(centro.id, { entry: code })).toEqual(unknown);
    expect(await statusOf(elsewhere.ticketId)).toBe('scheduled');
    expect(await statusOf(tomorrow.ticketId)).toBe('scheduled');
    // Its own branch's kiosk takes it.
    expect((await checkIn(norte.id, { entry: elsewhere.code.toLowerCase() })).status).toBe(200);
  });

  it('what is neither a code nor an ID number is a 400 naming the field; both at once too', async () => {
    const bad = await checkIn(centro.id, { entry: 'a b' });
    expect([bad.status, Object.keys(bad.body.fields ?? {})]).toEqual([400, ['entry']]);
    expect((await checkIn(centro.id, { entry: '70300400', idNumber: '70300400' })).status).toBe(400);
    expect((await checkIn(centro.id, {})).status).toBe(400);
  });

  it('is rate-limited per address as before: guessing codes runs into 429', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 32; i++)
      answers.push(
        (
          await checkIn(centro.id, {
            entry: `ZZZZ${String(2222 + i)
              .slice(-4)
              .replace(/[01]/g, '9')}`,
          })
        ).status,
      );
    expect(answers.slice(0, 5).every((s) => s === 404 || s === 429)).toBe(true);
    expect(answers.at(-1)).toBe(429);
  });
});
