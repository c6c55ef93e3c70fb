// A real guest link for the guest page's measurement: since issue 16 a made-up link shows "the
// call has ended" at once, so the page's device check is only reached through a call. As an agent
// would: log in, take a free desk Online in manual mode, call a virtual ticket, open its call.
import type { Db } from '../../db/knex.js';
import { DEMO_PASSWORD } from '../../db/seed/demo.js';

async function session(apiUrl: string, email: string) {
  const res = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`log in as ${email}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(apiUrl + path, {
      method,
      headers: { 'content-type': 'application/json', cookie, origin: apiUrl },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
}

/** The path of a guest link (`/join/…`) to a virtual ticket of `branchId` called by `email`. */
export async function guestLinkPath(db: Db, apiUrl: string, branchId: number, email: string): Promise<string> {
  const api = await session(apiUrl, email);
  const desk = await db('desks')
    .where({ branch_id: branchId })
    .whereNotIn('id', db('shifts').whereNull('ended_at').select('desk_id'))
    .orderBy('id')
    .first('id');
  await api('POST', '/api/shifts', { deskId: desk.id, state: 'offline' });
  await api('POST', '/api/shifts/current/manual', { manual: true });
  await api('POST', '/api/shifts/current/state', { state: 'online' });
  const service = await db('services').where({ branch_id: branchId, virtual_enabled: true }).first('id');
  const ticket = await api<{ id: string }>('POST', '/api/tickets', {
    serviceId: service.id,
    kind: 'virtual',
    customer: { firstName: 'Marta', lastName: 'Lucía Pardo', idNumber: '52000111' },
  });
  await api('POST', `/api/tickets/${ticket.id}/call`, {});
  const grant = await api<{ guestUrl: string }>('POST', `/api/video/tickets/${ticket.id}/join`);
  return new URL(grant.guestUrl).pathname;
}
