// Issue 13: one written rule of who may do what to a ticket, one test per row.
import { describe, expect, it } from 'vitest';
import { refusedAction, refusedPublic, TICKET_RIGHTS_DOC, type TicketAction, type Who } from './ticket-rights.js';
import type { TicketStatus } from './tickets.js';

const agent = (hasOpenShift = true): Who => ({ role: 'agent', userId: 7, hasOpenShift });
const held = (status: TicketStatus, by = 7) => ({ status, agentId: by });
const free = (status: TicketStatus) => ({ status, agentId: null });

describe('ticket rights (A, A12, B7, C, D)', () => {
  it('the holder may recall, attend, finish, set topics, add notes, edit the customer, requeue, transfer, and cancel while calling', () => {
    const cases: [TicketAction, TicketStatus][] = [
      ['recall', 'calling'],
      ['attend', 'calling'],
      ['finish', 'attending'],
      ['topics', 'attending'],
      ['notes', 'attending'],
      ['customer', 'calling'],
      ['requeue', 'attending'],
      ['transfer', 'calling'],
      ['cancel', 'calling'],
    ];
    for (const [action, status] of cases)
      expect(refusedAction(agent(), action, held(status)), `${action} from ${status}`).toBeUndefined();
  });

  it('another agent may do none of it to a ticket someone holds', () => {
    for (const action of ['recall', 'attend', 'notes', 'customer', 'requeue', 'transfer', 'cancel'] as TicketAction[]) {
      expect(refusedAction(agent(), action, held('calling', 9)), action).toBe('TicketHeldByOther');
    }
  });

  it('any agent of the branch with an open shift may call or transfer a waiting ticket, cancel a scheduled or waiting one, check in and confirm appointments', () => {
    const cases: [TicketAction, TicketStatus][] = [
      ['call', 'waiting'],
      ['transfer', 'waiting'],
      ['cancel', 'waiting'],
      ['cancel', 'scheduled'],
      ['check-in', 'scheduled'],
      ['confirm', 'scheduled'],
    ];
    for (const [action, status] of cases) {
      expect(refusedAction(agent(), action, free(status)), `${action} from ${status}`).toBeUndefined();
      expect(refusedAction(agent(false), action, free(status)), `${action} without a shift`).toBe('LoginAtDeskFirst');
    }
  });

  it("no agent annotates or edits the customer of a ticket nobody holds: that is the holder's or a supervisor's", () => {
    expect(refusedAction(agent(), 'notes', free('waiting'))).toBe('HolderOnly');
    expect(refusedAction(agent(), 'customer', free('waiting'))).toBe('HolderOnly');
  });

  it('the holder cannot cancel once attending (finish, requeue or transfer instead)', () => {
    expect(refusedAction(agent(), 'cancel', held('attending'))).toBeUndefined(); // illegal for anyone: the workflow refuses it
    expect(refusedAction(agent(), 'cancel', held('calling'))).toBeUndefined();
  });

  it('supervisors of the branch and admins may do anything', () => {
    for (const role of ['supervisor', 'admin'] as const) {
      expect(refusedAction({ role, userId: 1, hasOpenShift: false }, 'notes', held('calling', 9))).toBeUndefined();
      expect(refusedAction({ role, userId: 1, hasOpenShift: false }, 'cancel', free('waiting'))).toBeUndefined();
    }
  });

  it('the status-page token may leave the queue while scheduled or waiting, and from nothing else', () => {
    expect(refusedPublic('statusToken', 'scheduled')).toBeUndefined();
    expect(refusedPublic('statusToken', 'waiting')).toBeUndefined();
    for (const s of ['calling', 'attending', 'finished', 'no_show'] as TicketStatus[])
      expect(refusedPublic('statusToken', s), s).toBe('TicketNotInStatus');
  });

  it('the kiosk may check in a scheduled appointment, and says only "already checked in" otherwise', () => {
    expect(refusedPublic('kiosk', 'scheduled')).toBeUndefined();
    for (const s of ['waiting', 'calling', 'attending', 'finished'] as TicketStatus[])
      expect(refusedPublic('kiosk', s), s).toBe('AlreadyCheckedIn');
  });

  it('the documentation states both public rows', () => {
    expect(TICKET_RIGHTS_DOC).toContain(
      'status-page token may leave the queue (cancel its own ticket) while it is scheduled or waiting',
    );
    expect(TICKET_RIGHTS_DOC).toContain(
      "kiosk may check in that branch's appointments of today (branch time zone) while scheduled",
    );
  });
});
