// G1/H2/H6: the ticket state machine without Temporal — every legal step and every refusal.
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import type { TicketView } from '../../domain/ticket-messages.js';
import type { Actor, TicketStatus } from '../../domain/tickets.js';
import { missedAt, type Step } from '../../domain/ticket-steps.js';
import { TicketMachine } from './state.js';

const T = '2026-11-24T10:00:00.000Z';
const agent: Actor = { type: 'user', id: 7, role: 'agent', name: 'Ana' };
const otherAgent: Actor = { type: 'user', id: 8, role: 'agent', name: 'Bruno' };
const supervisor: Actor = { type: 'user', id: 1, role: 'supervisor', name: 'Sara' };

function machine(status: TicketStatus, over: Partial<TicketView> = {}, rules = { maxAutoRequeues: 1 }): TicketMachine {
  const held = status === 'calling' || status === 'attending';
  return new TicketMachine({
    view: {
      id: 't1',
      number: 'A-001',
      kind: 'turn',
      status,
      branchId: 1,
      serviceId: 10,
      customerId: null,
      priority: 0,
      arrivalAt: T,
      scheduledAt: null,
      statusSince: T,
      agentId: held ? 7 : null,
      deskId: held ? 3 : null,
      preferredAgentId: null,
      recallCount: 0,
      requeueCount: 0,
      noAnswerCount: 0,
      topicIds: [],
      ...over,
    },
    rules: {
      callTimeoutSeconds: 60,
      maxAutoRequeues: rules.maxAutoRequeues,
      checkInWindowMinutes: 15,
      topicIds: [100, 101],
    },
    seq: 4,
    callRound: 0,
    callDeadline: null,
    checkInAt: null,
  });
}

const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    // Refusals carry a stable code (domain/errors.ts), which the API and the UIs use.
    expect(e).toBeInstanceOf(ApplicationFailure);
    expect((e as ApplicationFailure).nonRetryable).toBe(true);
    return (e as ApplicationFailure).type as string;
  }
  throw new Error('expected a refusal');
};

type Plan = (m: TicketMachine) => Step;
const steps: Record<string, Plan> = {
  call: (m) => m.planCall({ actor: agent, agentId: 7, deskId: 3 }, T),
  recall: (m) => m.planRecall({ actor: agent }, T),
  attend: (m) => m.planAttend({ actor: agent }, T),
  finish: (m) => m.planFinish({ actor: agent }, T),
  requeue: (m) => m.planRequeue({ actor: agent }, T),
  cancel: (m) => m.planCancel({ actor: agent }, T),
  noShow: (m) => m.planNoShow({ actor: agent, reason: 'no vino' }, T),
  transfer: (m) => m.planTransfer({ actor: agent, agentId: 8 }, T),
  topics: (m) => m.planTopics({ actor: agent, topicIds: [100] }, T),
  confirm: (m) => m.planConfirm({ actor: supervisor }, T),
  checkIn: (m) => m.planCheckIn(supervisor, T),
  timeout: (m) => m.planCallTimeout(T),
};
// Which step is legal from which status (the state diagram of the README).
const legal: Record<string, TicketStatus[]> = {
  call: ['waiting'],
  recall: ['calling'],
  attend: ['calling'],
  finish: ['attending'],
  requeue: ['calling', 'attending'],
  cancel: ['scheduled', 'waiting', 'calling'],
  noShow: ['calling'],
  transfer: ['waiting', 'calling', 'attending'],
  topics: ['attending'],
  confirm: ['scheduled'],
  checkIn: ['scheduled'],
  timeout: ['calling'],
};
const ALL: TicketStatus[] = ['scheduled', 'waiting', 'calling', 'attending', 'finished', 'cancelled', 'no_show'];
const TARGET: Record<string, TicketStatus | 'same'> = {
  call: 'calling',
  recall: 'calling',
  attend: 'attending',
  finish: 'finished',
  requeue: 'waiting',
  cancel: 'cancelled',
  noShow: 'no_show',
  transfer: 'waiting',
  topics: 'attending',
  confirm: 'scheduled',
  checkIn: 'waiting',
  timeout: 'waiting',
};

describe('G1 ticket transitions', () => {
  for (const [name, plan] of Object.entries(steps)) {
    for (const status of ALL) {
      const kind = name === 'confirm' ? 'appointment' : 'turn';
      if (legal[name]!.includes(status)) {
        it(`${name} from ${status} → ${TARGET[name]}, next seq`, () => {
          const m = machine(status, { kind });
          const step = plan(m);
          expect(step).toMatchObject({ from: status, to: TARGET[name], seq: 5 });
          m.apply(step);
          expect(m.status).toBe(TARGET[name]);
          expect(m.data.seq).toBe(5);
        });
      } else {
        it(`${name} from ${status} is refused with a reason`, () => {
          expect(refusal(() => plan(machine(status, { kind })))).toBe('TicketNotInStatus');
        });
      }
    }
  }

  it('an agent cannot act on a ticket another agent holds; a supervisor can', () => {
    expect(refusal(() => machine('calling').planAttend({ actor: otherAgent }, T))).toBe('TicketHeldByOther');
    expect(machine('calling').planRequeue({ actor: supervisor }, T).to).toBe('waiting');
  });

  it('issue 13: a customer leaving cancels only a scheduled or waiting ticket, whoever called it meanwhile', () => {
    const customer: Actor = { type: 'customer', name: 'status page' };
    for (const s of ['scheduled', 'waiting'] as TicketStatus[])
      expect(machine(s).planCancel({ actor: customer, reason: 'left_queue' }, T).to).toBe('cancelled');
    expect(refusal(() => machine('calling').planCancel({ actor: customer }, T))).toBe('TicketNotInStatus');
    expect(refusal(() => machine('attending').planCancel({ actor: customer }, T))).toBe('TicketNotInStatus');
  });

  it('an agent can only call to their own desk', () => {
    expect(refusal(() => machine('waiting').planCall({ actor: otherAgent, agentId: 7, deskId: 3 }, T))).toBe(
      'OwnDeskOnly',
    );
  });

  it('C8: topics must belong to the service', () => {
    expect(refusal(() => machine('attending').planTopics({ actor: agent, topicIds: [999] }, T))).toBe(
      'TopicsNotConfigured',
    );
    expect(refusal(() => machine('attending').planFinish({ actor: agent, topicIds: [5] }, T))).toBe(
      'TopicsNotConfigured',
    );
  });

  it('H2: requeue keeps the original arrival time unless told otherwise', () => {
    const keep = machine('calling').planRequeue({ actor: agent }, '2026-11-24T10:30:00.000Z');
    expect(keep.patch.arrivalAt).toBe(T);
    const reset = machine('calling').planRequeue({ actor: agent, keepArrival: false }, '2026-11-24T10:30:00.000Z');
    expect(reset.patch.arrivalAt).toBe('2026-11-24T10:30:00.000Z');
  });

  it('H2: a call time-out requeues up to the limit, then marks no-show', () => {
    const m = machine('calling', {}, { maxAutoRequeues: 1 });
    const first = m.planCallTimeout(T);
    expect(first).toMatchObject({ type: 'requeued', to: 'waiting', details: { reason: 'no_answer' } });
    expect(first.patch.arrivalAt).toBeUndefined(); // arrival is kept
    m.apply(first);
    m.apply(m.planCall({ actor: agent, agentId: 7, deskId: 3 }, T));
    expect(m.planCallTimeout(T)).toMatchObject({ type: 'no_show', to: 'no_show' });
  });

  it('recall restarts the call time-out', () => {
    const m = machine('waiting');
    m.apply(m.planCall({ actor: agent, agentId: 7, deskId: 3 }, T));
    expect(m.data.callDeadline).toBe('2026-11-24T10:01:00.000Z');
    m.apply(m.planRecall({ actor: agent }, '2026-11-24T10:00:40.000Z'));
    expect(m.data.callDeadline).toBe('2026-11-24T10:01:40.000Z');
    expect(m.data.callRound).toBe(2);
  });

  it('issue 17: "on my way" waits one more call time-out from now, once per call; a recall allows it again', () => {
    const customer: Actor = { type: 'customer', name: 'status page' };
    expect(refusal(() => machine('waiting').planOnMyWay({ actor: customer }, T))).toBe('TicketNotInStatus');
    const m = machine('waiting');
    m.apply(m.planCall({ actor: agent, agentId: 7, deskId: 3 }, T));
    const step = m.planOnMyWay({ actor: customer }, '2026-11-24T10:00:50.000Z');
    expect(step).toMatchObject({ type: 'on_my_way', from: 'calling', to: 'calling', actor: customer });
    m.apply(step);
    expect(m.data.callDeadline).toBe('2026-11-24T10:01:50.000Z');
    expect(m.status).toBe('calling');
    expect(refusal(() => m.planOnMyWay({ actor: customer }, '2026-11-24T10:01:00.000Z'))).toBe('AlreadyOnTheWay');
    m.apply(m.planRecall({ actor: agent }, '2026-11-24T10:01:10.000Z'));
    expect(m.planOnMyWay({ actor: customer }, '2026-11-24T10:01:20.000Z').type).toBe('on_my_way');
  });

  it('H6: check-in queues an appointment with at least appointment priority', () => {
    const step = machine('scheduled', { kind: 'appointment' }).planCheckIn(supervisor, T);
    expect(step.patch).toMatchObject({ status: 'waiting', priority: 1, arrivalAt: T });
  });

  it('a transfer needs a target and clears the desk', () => {
    expect(refusal(() => machine('waiting').planTransfer({ actor: agent }, T))).toBe('TransferTargetNeeded');
    expect(refusal(() => machine('waiting').planTransfer({ actor: agent, serviceId: 10 }, T))).toBe('AlreadyInService');
    const step = machine('attending').planTransfer({ actor: agent, agentId: 8 }, T);
    expect(step.patch).toMatchObject({ status: 'waiting', agentId: null, deskId: null, preferredAgentId: 8 });
  });

  it('notes are bounded and allowed in any live state', () => {
    expect(refusal(() => machine('waiting').planNote({ actor: agent, text: '   ' }, T))).toBe('Validation');
    expect(machine('scheduled').planNote({ actor: agent, text: 'Llamar antes' }, T).details).toEqual({
      text: 'Llamar antes',
    });
  });
});

describe('D* call events', () => {
  it('are recorded on a virtual ticket being served, and refused otherwise', () => {
    const m = machine('attending', { kind: 'virtual' });
    const step = m.planCallEvent(
      { actor: agent, type: 'tag', details: { offsetMs: 61000, text: 'Cliente muestra cédula' } },
      T,
    );
    expect(step).toMatchObject({ type: 'tag', from: 'attending', to: 'attending', details: { offsetMs: 61000 } });
    expect(refusal(() => machine('attending').planCallEvent({ actor: agent, type: 'tag', details: {} }, T))).toBe(
      'NotVirtual',
    );
    expect(
      refusal(() =>
        machine('waiting', { kind: 'virtual' }).planCallEvent({ actor: agent, type: 'video_joined', details: {} }, T),
      ),
    ).toBe('TicketNotInStatus');
    expect(refusal(() => m.planCallEvent({ actor: agent, type: 'tag', details: { text: 'x'.repeat(3000) } }, T))).toBe(
      'CallDetailsTooLarge',
    );
  });
});

describe('H2 no-show by hand (issue 16)', () => {
  it('the holder ends an unanswered call as a no-show with a reason; another agent may not, a supervisor may', () => {
    const step = machine('calling').planNoShow({ actor: agent, reason: 'No respondió' }, T);
    expect(step).toMatchObject({ type: 'no_show', to: 'no_show', actor: agent, details: { reason: 'No respondió' } });
    expect(step.patch).toMatchObject({ status: 'no_show', endedAt: T });
    expect(refusal(() => machine('calling').planNoShow({ actor: otherAgent }, T))).toBe('TicketHeldByOther');
    expect(machine('calling').planNoShow({ actor: supervisor }, T).to).toBe('no_show');
    expect(refusal(() => machine('attending').planNoShow({ actor: agent }, T))).toBe('TicketNotInStatus');
  });
});

describe('issue 16: an appointment never checked in', () => {
  it('is given up by the system as a no-show, "not checked in", only while scheduled', () => {
    const step = machine('scheduled', { kind: 'appointment', scheduledAt: T }).planMissed(T);
    expect(step).toMatchObject({
      type: 'no_show',
      from: 'scheduled',
      to: 'no_show',
      actor: { type: 'system' },
      details: { reason: 'not_checked_in' },
    });
    expect(refusal(() => machine('waiting').planMissed(T))).toBe('TicketNotInStatus');
  });

  it('is given up at its time plus the grace, only when it waits for a check-in and the rules carry a grace', () => {
    const rules = { callTimeoutSeconds: 60, maxAutoRequeues: 1, checkInWindowMinutes: 15, topicIds: [] };
    expect(missedAt(T, { ...rules, appointmentEntry: 'check_in', appointmentGraceMinutes: 90 })).toBe(
      '2026-11-24T11:30:00.000Z',
    );
    expect(missedAt(T, { ...rules, appointmentEntry: 'window', appointmentGraceMinutes: 90 })).toBeNull();
    expect(missedAt(T, { ...rules, appointmentEntry: 'check_in' })).toBeNull();
  });
});
