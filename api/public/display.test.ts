// C9 (issue 16): the branch's display calls the people in the branch. A video customer is called
// through their link, not across the room: their call is neither shown nor read aloud there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type AppStack } from '../../tests/support/app-stack.js';
import { zoneWithRoomToday } from '../../tests/support/today.js';

let app: AppStack;
beforeAll(async () => {
  app = await createAppStack();
  await app.db('branches').update({ timezone: zoneWithRoomToday() }); // "today" is the branch's day
});
afterAll(() => app?.closeAll());

describe('C9 public display', () => {
  it('shows and announces the in-person calls of the day, never a virtual one', async () => {
    const sup = await app.login('supervisor@andino.demo');
    const centro = await app.db('branches').where({ code: 'CEN' }).first('id');
    const service = (label: string) => app.db('services').where({ label, branch_id: centro.id }).first('id');
    const agent = (name: string) =>
      app
        .db('users')
        .where({ email: `${name}@andino.demo` })
        .first('id');
    const desks: number[] = await app.db('desks').where({ branch_id: centro.id }).orderBy('id').pluck('id');
    const inPerson = (await sup.request('POST', '/api/tickets', { serviceId: (await service('C')).id })).body;
    const video = (
      await sup.request('POST', '/api/tickets', {
        serviceId: (await service('V')).id,
        kind: 'virtual',
        customer: { firstName: 'Remota' },
      })
    ).body;
    expect(video.kind).toBe('virtual');
    for (const [t, name, desk] of [
      [inPerson, 'carla', desks[0]],
      [video, 'diego', desks[1]],
    ] as const) {
      const r = await sup.request('POST', `/api/tickets/${t.id}/call`, {
        agentId: (await agent(name)).id,
        deskId: desk,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const view = await fetch(`${app.url}/api/public/branches/${centro.id}/display`).then((r) => r.json());
    const numbers = (list: { number: string }[]) => list.map((c) => c.number);
    expect(numbers(view.calling)).toContain(inPerson.number);
    expect(numbers(view.calling)).not.toContain(video.number);
    for (const t of [inPerson, video]) await sup.request('POST', `/api/tickets/${t.id}/cancel`, {});
    const after = await fetch(`${app.url}/api/public/branches/${centro.id}/display`).then((r) => r.json());
    expect(numbers(after.recent)).toContain(inPerson.number);
    expect(numbers(after.recent)).not.toContain(video.number);
  });
});
