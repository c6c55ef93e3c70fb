// A real survey address for the survey page's measurement: a kiosk ticket served to the end (a
// supervisor calls it to an agent, who attends and finishes), then its status token's /survey/
// address — the one the satisfaction message and the status page's QR lead to.
import type { Db } from '../../db/knex.js';
import { DEMO_PASSWORD } from '../../db/seed/demo.js';

export async function surveyPath(db: Db, apiUrl: string, branchId: number, serviceId: number): Promise<string> {
  const taken = await fetch(`${apiUrl}/api/public/branches/${branchId}/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceId }),
  });
  if (taken.status !== 201) throw new Error(`kiosk ticket: ${taken.status} ${await taken.text()}`);
  const { token, number } = (await taken.json()) as { token: string; number: string };
  const login = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'supervisor@andino.demo', password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`log in as the supervisor: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const act = async (path: string, body: object = {}) => {
    const r = await fetch(apiUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: apiUrl },
      body: JSON.stringify(body),
    });
    if (r.status >= 300) throw new Error(`POST ${path}: ${r.status} ${await r.text()}`);
  };
  const ticket = await db('tickets').where({ branch_id: branchId, number }).orderBy('arrival_at', 'desc').first('id');
  const agent = await db('users').where({ email: 'carla@andino.demo' }).first('id');
  const desk = await db('desks')
    .where({ branch_id: branchId })
    .whereNotIn('id', db('shifts').whereNull('ended_at').select('desk_id'))
    .orderBy('id')
    .first('id');
  await act(`/api/tickets/${ticket.id}/call`, { agentId: agent.id, deskId: desk.id });
  await act(`/api/tickets/${ticket.id}/attend`);
  await act(`/api/tickets/${ticket.id}/finish`);
  return `/survey/${token}`;
}
