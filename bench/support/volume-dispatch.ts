// An agent at a desk for the desk figures and the dispatch comparison: a shift opened through the
// API in manual mode (the dispatcher then calls only when asked), tickets waiting in the agent's
// main service, and two timings of "give me my next ticket" — the dispatcher's SQL claim alone
// (rolled back, so it can be repeated on the same queue) and call-next through the API.
import type { Db } from '../../db/knex.js';
import { claimNext, isFree, type ShiftRow } from '../../activities/dispatch/claim.js';
import type { Case } from './volume-measure.js';
import type { Http } from './volume-http.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Desk {
  shiftId: string;
  agent: Http;
}

/** Opens the agent's shift (manual mode, Online) and queues `waiting` tickets in its main service. */
export async function openDesk(
  admin: Http,
  agent: Http,
  a: { deskId: number; main: number },
  waiting: number,
): Promise<Desk> {
  const shift = JSON.parse((await agent.post('/api/shifts', { deskId: a.deskId, state: 'offline' })).text) as {
    id: string;
  };
  await agent.post('/api/shifts/current/manual', { manual: true });
  await agent.post('/api/shifts/current/state', { state: 'online' });
  for (let i = 0; i < waiting; i++) await admin.post('/api/tickets', { serviceId: a.main });
  return { shiftId: shift.id, agent };
}

/** The claim dispatchAgent runs (shift row lock, free check, claimNext), then rolled back. */
export function claimCase(db: Db, desk: Desk, scope: string, targetMs: number): Case {
  return {
    group: 'dispatch',
    name: 'SQL claim (rolled back)',
    scope,
    range: '',
    targetMs,
    run: async () => {
      const trx = await db.transaction();
      try {
        const start = performance.now();
        const shift = (await trx('shifts').where({ id: desk.shiftId }).forUpdate().first()) as ShiftRow;
        if (!(await isFree(trx, shift))) throw new Error(`the ${scope} agent is not free`);
        const claimed = await claimNext(trx, shift, []);
        const ms = performance.now() - start;
        if (!claimed) throw new Error(`nothing to claim in ${scope}`);
        return ms;
      } finally {
        await trx.rollback();
      }
    },
  };
}

/** POST call-next through the API (Temporal included); each run serves the ticket to the end, untimed. */
export function callNextCase(desk: Desk, scope: string, targetMs: number): Case {
  return {
    group: 'dispatch',
    name: 'call-next (HTTP)',
    scope,
    range: '',
    targetMs,
    run: async () => {
      const r = await desk.agent.post('/api/shifts/current/call-next');
      const { ticketId } = JSON.parse(r.text) as { ticketId: string | null };
      if (!ticketId) throw new Error(`call-next in ${scope} called nobody`);
      await desk.agent.post(`/api/tickets/${ticketId}/attend`);
      await desk.agent.post(`/api/tickets/${ticketId}/finish`, {});
      // The shift learns of the end by a signal: wait until it holds nothing before the next call.
      for (let i = 0; i < 200; i++) {
        const s = JSON.parse((await desk.agent.get('/api/shifts/current')).text) as { currentTicketId: string | null };
        if (s.currentTicketId === null) break;
        await sleep(50);
      }
      return r.ms;
    },
  };
}
