// One workflow per ticket, from creation to its end (G1). It owns the ticket's state; the
// database is its read model, written by idempotent activities. Handlers are one line each:
// the rules live in TicketMachine (state.ts).
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { ActivityOptions, SearchAttributeUpdatePair, UpdateDefinition } from '@temporalio/common';
import type { DispatchActivities, TicketEffect } from '../../domain/dispatch-activities.js';
import type { StepEffects, TicketActivities } from '../../domain/ticket-activities.js';
import * as msg from '../../domain/ticket-messages.js';
import type { TicketInput, TicketView } from '../../domain/ticket-messages.js';
import { reportStuck } from '../../domain/stuck.js';
import { isEnded, SYSTEM } from '../../domain/tickets.js';
import { createLock } from './lock.js';
import { ticketSearchAttributes } from './search.js';
import { missedAt, selfQueueAt, type ServiceRules, type Step } from '../../domain/ticket-steps.js';
import { illegal, TicketMachine, type TicketData } from './state.js';
import { effectsOf } from '../shifts/ticket-effects.js';
import { createStuckFlag } from '../stuck.js';
import { createSearchChanges } from '../search-changes.js';
import { refusalOf } from '../refusal.js';
import { positionReached } from '../../domain/message-signals.js';
import {
  MESSAGE_RETRY,
  messageOfStep,
  type MessageActivities,
  type SendOutcome,
  type SendRequest,
} from '../../domain/messages.js';

const stepOptions = {
  startToCloseTimeout: '20s',
  // Database blips are retried for ever (the step is idempotent); domain refusals are not.
  retry: {
    initialInterval: '200ms',
    maximumInterval: '10s',
    nonRetryableErrorTypes: ['IllegalTransition', 'NotFound', 'Conflict', 'Validation'],
  },
} satisfies ActivityOptions;
// Effects signal shifts, so they get longer than a DB write — but not much: an attempt lost with
// a crashed worker is only retried after this time-out, and retries are safe (signals only wake).
const effectOptions: ActivityOptions = {
  startToCloseTimeout: '30s',
  retry: { initialInterval: '200ms', maximumInterval: '10s' },
};
const remote = {
  steps: proxyActivities<TicketActivities>(stepOptions),
  effects: proxyActivities<DispatchActivities>(effectOptions),
};
/**
 * Issue 20: a message is sent by an activity of its ticket's workflow, retried with back-off for
 * hours (a relay that is down delays messages, nothing else); its last attempt records the
 * message as given up instead of failing. Never local: a send is slow I/O, not a DB step.
 */
const messageActs = proxyActivities<MessageActivities>({ startToCloseTimeout: '1m', retry: MESSAGE_RETRY });
/** Past this, a failing step's retries wait on timers, so the workflow task is not held open meanwhile. */
const LOCAL_RETRY = '10s';
/**
 * Every step is a short, idempotent database write: it runs in the worker that holds the
 * workflow task, so an Update is answered in that one task (no activity task round trip through
 * the server, issue 15). Runs started before this change keep scheduling activity tasks, so
 * their histories replay.
 */
const local = {
  steps: proxyLocalActivities<TicketActivities>({ ...stepOptions, localRetryThreshold: LOCAL_RETRY }),
  effects: proxyLocalActivities<DispatchActivities>({ ...effectOptions, localRetryThreshold: LOCAL_RETRY }),
};

export interface TicketWorkflowArgs {
  input: TicketInput;
  /** State carried over by continue-as-new. */
  carried?: TicketData;
  /** History length after which the workflow continues as new, so notes and recalls are unbounded. */
  maxHistoryEvents?: number;
  /** A new run started by a supervisor's release after the previous run was gone: offer the ticket again. */
  revived?: boolean;
  /**
   * The service's rules when the API issued the ticket (issue 15: it stores the ticket itself, so
   * this run's first step may run after an edit of the service). The step uses them instead of
   * reading the service again; absent, it reads them.
   */
  rules?: ServiceRules;
}

const now = (): string => new Date().toISOString(); // workflow time: deterministic on replay

/**
 * Issue 16: a scheduled appointment that waits for its customer's check-in gets a timer to its
 * grace time. Runs recorded before it waited on no timer; the patch keeps them replaying.
 */
const missedDeadline = (m: TicketMachine): string | null =>
  m.data.missedAt && patched('appointment-missed') ? m.data.missedAt : null;

/** What a deadline does: an appointment queues at its window or is given up; a call times out. */
const timedStep = (m: TicketMachine, at: string): Step =>
  m.status !== 'scheduled' ? m.planCallTimeout(at) : m.data.checkInAt ? m.planCheckIn(SYSTEM, at) : m.planMissed(at);

export async function ticketWorkflow(args: TicketWorkflowArgs): Promise<TicketView> {
  const { input } = args;
  let machine: TicketMachine | undefined = args.carried ? new TicketMachine(args.carried) : undefined;
  const lock = createLock();
  const localSteps = patched('local-steps');
  const { steps: acts, effects: dispatchActs } = localSteps ? local : remote;
  // Runs before local steps upserted every key on every step; theirs replay unchanged.
  const onlyChanged = localSteps ? createSearchChanges() : (pairs: SearchAttributeUpdatePair[]) => pairs;
  // Shift news and dispatch triggers of persisted steps (ticket-effects.ts), run by the main
  // loop outside the lock: dispatch may call this very ticket, which needs the lock.
  const pending: TicketEffect[] = [];
  const stuck = createStuckFlag();
  /** A flag about a status the ticket has left is cleared (no command unless one was shown). */
  const clearOverdue = (m: TicketMachine) => {
    if (m.status !== 'attending') stuck.clear('attention_overdue');
    if (m.status !== 'calling') stuck.clear('call_overdue');
  };
  const runEffect = async (e: TicketEffect) => {
    if (!patched('shift-dispatch')) return; // histories recorded before dispatch existed replay without it
    try {
      await stuck.watch(dispatchActs.ticketEffect(e));
    } catch (err) {
      // A refused effect (e.g. a bug in a query) must not fail the ticket: the step it follows is
      // stored; the shift learns the same fact from the sweeper or the agent's next action.
      log.error('ticket effect refused', { effect: e.kind, error: (err as Error).message });
    }
  };
  const drainEffects = async () => {
    for (let e = pending.shift(); e; e = pending.shift()) await runEffect(e);
  };

  const ready = async (): Promise<TicketMachine> => {
    await condition(() => machine !== undefined);
    return machine as TicketMachine;
  };
  const publish = (m: TicketMachine, customerName?: string | null) => {
    const pairs = onlyChanged(ticketSearchAttributes(m.data.view, m.data.rules));
    if (pairs.length) upsertSearchAttributes(pairs);
    if (customerName !== undefined) upsertMemo({ number: m.data.view.number, customer: customerName ?? '' });
  };
  // Issue 20: messages in flight. Each runs beside the main loop (a slow relay holds up no step)
  // and is awaited before the run ends or continues as new.
  const sends: Promise<void>[] = [];
  const deliver = async (m: TicketMachine, req: SendRequest) => {
    let outcomes: SendOutcome[];
    try {
      outcomes = await messageActs.sendTicketMessage(req);
    } catch (err) {
      // Only a last attempt that timed out gets here (a failing one records its message as given up).
      outcomes = [{ channel: 'email', status: 'failed', error: (err as Error).message }];
    }
    for (const o of outcomes.filter((x) => x.status !== 'skipped')) {
      try {
        await lock.run(() => persist(m, m.planMessage(req.kind, o, now())));
      } catch (err) {
        log.error('message step refused', { kind: req.kind, error: (err as Error).message });
      }
    }
  };
  /** Sends only for a customer who can be told anything: the others cost no command at all (issue 15). */
  const send = (m: TicketMachine, req: Omit<SendRequest, 'ticketId'>) => {
    if (!m.data.notify || !patched('messages')) return;
    sends.push(deliver(m, { ...req, ticketId: m.data.view.id }));
  };
  const drainSends = async () => {
    for (let p = sends.shift(); p; p = sends.shift()) await p;
  };
  const persist = async (m: TicketMachine, step: Step, effects?: StepEffects, rules?: ServiceRules) => {
    // A refused step (non-retryable failure) throws here, before `apply`: the update is
    // rejected with the refusal's code and the ticket stays as it was.
    const result = await stuck.watch(acts.applyTicketStep(step, effects)).catch((err: unknown) => {
      throw refusalOf(err);
    });
    if (effects?.customer || effects?.linkCustomerId !== undefined) step.patch.customerId = result.customerId;
    if (result.notify !== undefined) m.data.notify = result.notify;
    const agentBefore = m.data.view.agentId;
    m.apply(step, rules);
    publish(m);
    const kind = messageOfStep(step.type, m.data.view);
    if (kind) send(m, { kind, occasion: step.seq });
    // A final step tells the shift before answering, so the workflow closes with its update;
    // the others are queued for the main loop (dispatch may need this ticket's lock).
    if (isEnded(step.to)) for (const e of effectsOf(step, agentBefore)) await runEffect(e);
    else pending.push(...effectsOf(step, agentBefore));
  };

  /**
   * Wires an Update: the validator plans (and so refuses illegal steps before history), the
   * handler plans again under the lock and persists. While a step is in flight the state is
   * about to change — and the SDK runs validators before it delivers activity results in the same
   * activation — so the validator then lets the update through and the handler decides.
   */
  const settled = () => machine !== undefined && !lock.held;
  function wire<A>(
    def: UpdateDefinition<TicketView, [A]>,
    plan: (m: TicketMachine, a: A, at: string) => Step,
    effects?: (a: A) => StepEffects,
  ) {
    setHandler(
      def,
      (a: A) =>
        lock.run(async () => {
          const m = await ready();
          await persist(m, plan(m, a, now()), effects?.(a));
          return m.data.view;
        }),
      {
        validator: (a: A) => {
          if (settled()) plan(machine as TicketMachine, a, now());
        },
      },
    );
  }

  setHandler(msg.getTicket, () => {
    if (!machine) throw illegal('TicketRegistering');
    return machine.data.view;
  });
  // A refused registration (say, a service closed meanwhile) answers the creator with its code
  // and ends the workflow; nothing was written.
  let registrationRefused: unknown;
  setHandler(msg.registered, async () => {
    await condition(() => machine !== undefined || registrationRefused !== undefined);
    if (registrationRefused) throw registrationRefused;
    return (machine as TicketMachine).data.view;
  });
  // Overdue calls and attentions are found by the sweeper (SQL over the rows) and signalled here;
  // a report that no longer matches the ticket's status (it moved meanwhile) is stale.
  setHandler(reportStuck, (r) => {
    if (r.reason === 'attention_overdue' && machine?.status !== 'attending') return;
    if (r.reason === 'call_overdue' && machine?.status !== 'calling') return;
    stuck.report(r);
  });
  // Issue 20: the position watcher's news; sent once per kind and stay in the queue, only while waiting.
  setHandler(positionReached, (p) => {
    const m = machine;
    if (!m || m.status !== 'waiting') return;
    const kind = p.ahead === 0 ? 'next' : 'ahead';
    const key = `${kind}:${p.occasion}`;
    if (m.data.told?.includes(key)) return;
    m.data.told = [...(m.data.told ?? []), key].slice(-4);
    send(m, { kind, occasion: p.occasion, ahead: p.ahead });
  });
  wire(msg.callTicket, (m, a, at) => m.planCall(a, at));
  wire(msg.recallTicket, (m, a, at) => m.planRecall(a, at));
  wire(msg.attendTicket, (m, a, at) => m.planAttend(a, at));
  wire(msg.finishTicket, (m, a, at) => m.planFinish(a, at));
  wire(msg.requeueTicket, (m, a, at) => m.planRequeue(a, at));
  wire(msg.cancelTicket, (m, a, at) => m.planCancel(a, at));
  wire(msg.markNoShow, (m, a, at) => m.planNoShow(a, at));
  wire(msg.addNote, (m, a, at) => m.planNote(a, at));
  wire(msg.setTopics, (m, a, at) => m.planTopics(a, at));
  wire(
    msg.editCustomer,
    (m, a, at) => m.planEditCustomer(a, at),
    (a) => (a.customerId !== undefined ? { linkCustomerId: a.customerId } : { customer: a.customer }),
  );
  wire(msg.confirmAppointment, (m, a, at) => m.planConfirm(a, at));
  wire(msg.checkIn, (m, a, at) => m.planCheckIn(a.actor, at));
  wire(msg.recordCallEvent, (m, a, at) => m.planCallEvent(a, at));
  wire(msg.customerOnTheWay, (m, a, at) => m.planOnMyWay(a, at));
  // Transfer needs the target service's rules first, so it is wired by hand.
  setHandler(
    msg.transferTicket,
    (a) =>
      lock.run(async () => {
        const m = await ready();
        m.planTransfer(a, now(), a.serviceId !== undefined ? m.data.rules : undefined); // refuse early, before I/O
        const rules =
          a.serviceId !== undefined ? await acts.loadServiceRules(a.serviceId, m.data.view.branchId) : undefined;
        await persist(m, m.planTransfer(a, now(), rules), undefined, rules);
        return m.data.view;
      }),
    {
      validator: (a) => {
        if (settled()) (machine as TicketMachine).planTransfer(a, now(), (machine as TicketMachine).data.rules);
      },
    },
  );

  // Issue 15: a new ticket offers itself from its registration step; runs before offered it
  // from a separate effect afterwards, and replay that.
  const offerAtRegistration = !machine && localSteps && patched('offer-at-registration');
  if (!machine) {
    let reg: Awaited<ReturnType<typeof acts.registerTicket>>;
    try {
      reg = await stuck.watch(
        acts.registerTicket(input, {
          at: now(),
          ...(offerAtRegistration ? { offer: true } : {}),
          ...(args.rules ? { rules: args.rules } : {}),
        }),
      );
    } catch (err) {
      registrationRefused = refusalOf(err);
      await condition(allHandlersFinished);
      throw registrationRefused;
    }
    // A service that waits for the customer's check-in sets no timer (issue 16).
    const scheduledAt = reg.view.status === 'scheduled' ? reg.view.scheduledAt : null;
    const checkInAt = scheduledAt ? selfQueueAt(scheduledAt, reg.rules) : null;
    machine = new TicketMachine({
      view: reg.view,
      rules: reg.rules,
      seq: 1,
      callRound: 0,
      callDeadline: null,
      checkInAt,
      // …but is given up once its grace time is over (issue 16).
      missedAt: scheduledAt ? missedAt(scheduledAt, reg.rules) : null,
      ...(reg.notify ? { notify: true } : {}),
      // A reminder already due when booked would only repeat the booking's message.
      ...(reg.notify && reg.remindAt && scheduledAt && Date.parse(reg.remindAt) > Date.parse(now())
        ? { remindAt: reg.remindAt }
        : {}),
    });
    publish(machine, reg.customerName);
    send(machine, { kind: reg.view.status === 'scheduled' ? 'booked' : 'issued', occasion: 1 });
    if (reg.view.status === 'waiting' && !offerAtRegistration) pending.push({ kind: 'waiting', ticketId: reg.view.id });
  }
  const m = machine;
  if (args.revived && m.status === 'waiting') pending.push({ kind: 'waiting', ticketId: m.data.view.id });
  const maxEvents = args.maxHistoryEvents ?? 2000;

  while (!isEnded(m.status)) {
    clearOverdue(m);
    await drainEffects();
    if (isEnded(m.status)) break; // a final step landed while effects ran
    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength > maxEvents) {
      // Steps persisted while handlers finish still owe their shift news before the run ends.
      do {
        await condition(() => !lock.held && allHandlersFinished());
        await drainEffects();
        await drainSends();
      } while (lock.held || !allHandlersFinished() || sends.length > 0);
      return continueAsNew<typeof ticketWorkflow>({ ...args, carried: m.data, revived: false });
    }
    const seq = m.data.seq;
    const changed = () => m.data.seq !== seq || pending.length > 0;
    // Issue 20: an appointment's reminder is a timer of its own, before whatever the scheduled
    // ticket waits for next (only tickets whose customer can be told have one: new runs only).
    const remindAt = m.status === 'scheduled' ? m.data.remindAt : null;
    if (remindAt) {
      const upTo = m.data.checkInAt ?? missedDeadline(m);
      if (!upTo || Date.parse(remindAt) < Date.parse(upTo)) {
        const ms = Date.parse(remindAt) - Date.now();
        if (ms > 0 && (await condition(changed, ms))) continue;
        if (m.status === 'scheduled' && m.data.remindAt) send(m, { kind: 'reminder', occasion: 1 });
        m.data.remindAt = null;
        continue;
      }
    }
    // Timers run to absolute deadlines kept in state, so re-entering the loop (after a note,
    // or after continue-as-new) never restarts them.
    const deadline =
      m.status === 'scheduled'
        ? (m.data.checkInAt ?? missedDeadline(m))
        : m.status === 'calling'
          ? m.data.callDeadline
          : null;
    if (!deadline) {
      // Runs that started an attention before the sweeper flagged overdue work kept a timer per
      // attention; they replay it. New runs cost Temporal no timer (the sweeper signals instead).
      const max =
        m.status === 'attending' && !patched('overdue-by-sweeper') ? m.data.rules.maxAttentionMinutes : undefined;
      const overdueIn = max ? Date.parse(m.data.view.statusSince) + max * 60_000 - Date.now() : undefined;
      if (
        overdueIn !== undefined &&
        !stuck.shows('attention_overdue') &&
        !(overdueIn > 0 && (await condition(changed, overdueIn)))
      ) {
        stuck.report({ reason: 'attention_overdue', activity: '', attempt: 0 });
      }
      await condition(changed);
      clearOverdue(m);
      continue;
    }
    const ms = Date.parse(deadline) - Date.now();
    if (ms > 0 && (await condition(changed, ms))) continue;
    const refused = await lock.run(async () => {
      if (m.data.seq !== seq) return false; // an update got there first
      const at = now();
      try {
        await persist(m, timedStep(m, at));
        return false;
      } catch (err) {
        log.error('timed step refused', { status: m.status, error: (err as Error).message });
        return true;
      }
    });
    // A refused timed step is not retried in a loop: the ticket waits for a person (it shows as
    // overdue in health and the monitor, where a supervisor releases it).
    if (refused) await condition(changed);
  }
  await drainEffects();
  await drainSends(); // the survey request is sent after the finish, before the run ends
  clearOverdue(m); // an ended ticket is not overdue (no command unless it was shown)
  // Let in-flight updates answer before the workflow closes.
  await condition(() => !lock.held && allHandlersFinished());
  return m.data.view;
}
