// G2/A3/A4/A12/F2: the shift state machine without Temporal.
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { AGENT_STATES } from '../../domain/agents.js';
import type { ShiftStep } from '../../domain/shift-steps.js';
import { isAvailable, ShiftMachine } from './state.js';

/** A refusal's stable code and params (domain/errors.ts): what the API sends and the UIs translate. */
const refusal = (fn: () => unknown): { code: string; params: unknown } => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ApplicationFailure);
    return { code: (e as ApplicationFailure).type as string, params: (e as ApplicationFailure).details?.[0] };
  }
  throw new Error('expected a refusal');
};

const t0 = '2026-11-24T10:00:00.000Z';
const fresh = () => {
  const m = new ShiftMachine({
    status: {
      id: 's1',
      userId: 7,
      entityId: 1,
      branchId: 2,
      deskId: 3,
      state: 'offline',
      stateSince: t0,
      nextState: null,
      manualMode: false,
      currentTicketId: null,
      currentTicketNumber: null,
      endedAt: null,
    },
    stepSeq: 0,
    periodSeq: 0,
    caps: { lunch: 60 },
    minuteMs: 60_000,
    capDeadline: null,
    dispatchPending: false,
    skipTicketId: null,
  });
  m.apply(m.planOpen('online', t0));
  return m;
};
const run = (m: ShiftMachine, s: ShiftStep | null) => {
  if (s) m.apply(s);
  return s;
};

describe('G2 shift state machine', () => {
  it('A3: every state can be entered, each opening a numbered period; only Online is available', () => {
    const m = fresh();
    expect(m.data.dispatchPending).toBe(true); // opened Online: dispatch runs once
    for (const state of AGENT_STATES.filter((s) => s !== 'online')) {
      const step = run(m, m.planState(state, t0))!;
      expect(step.period).toEqual({ seq: m.data.periodSeq, state });
      expect(isAvailable(m.status)).toBe(false);
    }
    expect(refusal(() => m.planState('documenting', t0))).toEqual({
      code: 'AlreadyInState',
      params: { state: 'documenting' },
    });
    run(m, m.planState('online', t0));
    expect(isAvailable(m.status)).toBe(true);
    expect(m.data.periodSeq).toBe(6);
  });

  it('A4: the next state applies when the current attention ends, and is cleared', () => {
    const m = fresh();
    run(m, m.planStarted('t1', 'A-001', t0));
    run(m, m.planNextState('lunch', t0));
    const ended = run(m, m.planEnded('t1', '2026-11-24T10:05:00.000Z'))!;
    expect(ended.period?.state).toBe('lunch');
    expect(m.status).toMatchObject({
      state: 'lunch',
      nextState: null,
      currentTicketId: null,
      stateSince: '2026-11-24T10:05:00.000Z',
    });
    expect(m.data.capDeadline).toBe('2026-11-24T11:05:00.000Z'); // lunch cap 60 min, from the period start
    expect(m.data.dispatchPending).toBe(false);
  });

  it('A4: without a next state the agent stays Online and is dispatched again, skipping the released ticket', () => {
    const m = fresh();
    m.assigned({ ticketId: 't1', number: 'A-001' });
    run(m, m.planEnded('t1', t0));
    expect(m.data).toMatchObject({ dispatchPending: true, skipTicketId: 't1' });
    expect(m.planEnded('t-other', t0)).not.toBeNull(); // nothing current: an end is still honoured
    m.assigned({ ticketId: 't2', number: 'A-002' });
    expect(m.planEnded('t-stale', t0)).toBeNull(); // another ticket is current: a stale end changes nothing
  });

  it('A12: manual mode stops automatic dispatch; back to automatic dispatches', () => {
    const m = fresh();
    m.assigned(null);
    run(m, m.planManual(true, t0));
    expect(isAvailable(m.status)).toBe(false);
    expect(refusal(() => m.planManual(true, t0))).toEqual({ code: 'ModeAlreadySet', params: { manual: true } });
    run(m, m.planManual(false, t0));
    expect(m.data.dispatchPending).toBe(true);
  });

  it('F2: no log-out and no break while calling or attending; the refusal names the ticket', () => {
    const m = fresh();
    run(m, m.planStarted('t1', 'C-007', t0));
    expect(refusal(() => m.planEnd(t0))).toMatchObject({ code: 'BusyCannotLogOut', params: { number: 'C-007' } });
    expect(refusal(() => m.planState('resting', t0))).toMatchObject({
      code: 'BusyFinishFirst',
      params: { number: 'C-007', state: 'resting' },
    });
    run(m, m.planEnded('t1', t0));
    const end = run(m, m.planEnd(t0))!;
    expect(end.requireFree).toBe(true);
    expect(m.status).toMatchObject({ state: 'offline', endedAt: t0 });
    expect(refusal(() => m.planState('online', t0))).toMatchObject({ code: 'ShiftEnded' });
  });
});
