// One workflow per agent shift, from log-in at a desk to log-out (G2). It owns the agent's
// availability; the `shifts` row and `shift_state_periods` are its read model, written by
// idempotent activities. Handlers are one line each: the rules live in ShiftMachine (state.ts).
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { ActivityOptions, SearchAttributeUpdatePair, UpdateDefinition } from '@temporalio/common';
import type { DispatchActivities } from '../../domain/dispatch-activities.js';
import type { ShiftActivities } from '../../domain/shift-activities.js';
import * as msg from '../../domain/shift-messages.js';
import type { ShiftInput, ShiftStatus, TicketOffer } from '../../domain/shift-messages.js';
import { reportStuck } from '../../domain/stuck.js';
import { createLock } from '../tickets/lock.js';
import { refusalOf } from '../refusal.js';
import { createStuckFlag } from '../stuck.js';
import { createSearchChanges } from '../search-changes.js';
import { shiftSearchAttributes } from './search.js';
import type { ShiftStep } from '../../domain/shift-steps.js';
import { illegal, isAvailable, ShiftMachine, type ShiftData } from './state.js';

const options = {
  // Dispatch waits on ticket workflows' callTicket updates, so longer than a DB write; kept short
  // because an attempt lost with a crashed worker is only retried after it (retries are safe).
  startToCloseTimeout: '30s',
  // Database and Temporal blips are retried for ever (every write is idempotent); refusals are not.
  retry: {
    initialInterval: '200ms',
    maximumInterval: '10s',
    nonRetryableErrorTypes: ['IllegalTransition', 'NotFound', 'Conflict', 'Validation'],
  },
} satisfies ActivityOptions;
const remoteActs = proxyActivities<ShiftActivities & DispatchActivities>(options);
/**
 * The shift's steps are short, idempotent database writes: run in the worker that holds the
 * workflow task (no activity task round trip through the server, issue 15). Dispatch stays a
 * regular activity (started eagerly by the same worker): it waits on another workflow's Update,
 * and a local activity would hold this workflow task's slot meanwhile — with as many agents
 * dispatching as the worker has slots, the tickets they call could never get one. Runs started
 * before this change keep scheduling activity tasks for every step, so their histories replay.
 */
const localSteps = proxyLocalActivities<ShiftActivities & DispatchActivities>({
  ...options,
  localRetryThreshold: '10s',
});
const localActs: ShiftActivities & DispatchActivities = {
  applyShiftStep: localSteps.applyShiftStep,
  loadShiftConfig: localSteps.loadShiftConfig,
  // Passing offers on only signals other shifts (it waits on none of them).
  forwardOffers: localSteps.forwardOffers,
  notifyBreakCap: remoteActs.notifyBreakCap,
  dispatchAgent: remoteActs.dispatchAgent,
  ticketEffect: remoteActs.ticketEffect,
};

/** A ticket workflow's news, queued by the signal handler and applied by the main loop under the lock. */
interface InboxItem {
  kind: 'started' | 'ended';
  ticketId: string;
  number: string | null;
}

export interface ShiftWorkflowArgs {
  input: ShiftInput;
  carried?: ShiftData;
  inbox?: InboxItem[];
  maxHistoryEvents?: number;
}

const now = (): string => new Date().toISOString(); // workflow time: deterministic on replay

/** The tickets offered since the last dispatch, handed to the next dispatch (or passed on). */
const takeOffers = (m: ShiftMachine): TicketOffer[] => {
  const offers = m.data.offers ?? [];
  m.data.offers = [];
  return offers;
};

/** A refusal met by the main loop is logged, never allowed to fail the shift (the agent is still at the desk). */
const refusedInLoop = (what: string, err: unknown): void => {
  log.error(`${what} refused`, { error: (err as Error).message });
};

export async function shiftWorkflow(args: ShiftWorkflowArgs): Promise<ShiftStatus> {
  const { input } = args;
  let machine: ShiftMachine | undefined = args.carried ? new ShiftMachine(args.carried) : undefined;
  const inbox: InboxItem[] = [...(args.inbox ?? [])];
  const lock = createLock();
  const earlyOffers: TicketOffer[] = [];
  const localSteps = patched('local-steps');
  const acts = localSteps ? localActs : remoteActs;
  // Runs before local steps upserted every key on every step; theirs replay unchanged.
  const onlyChanged = localSteps ? createSearchChanges() : (pairs: SearchAttributeUpdatePair[]) => pairs;

  const ready = async (): Promise<ShiftMachine> => {
    await condition(() => machine !== undefined);
    return machine as ShiftMachine;
  };
  const stuck = createStuckFlag();
  const persist = async (m: ShiftMachine, step: ShiftStep) => {
    // A refused step throws before `apply`: the update is rejected and the shift stays as it was.
    const result = await stuck.watch(acts.applyShiftStep(step)).catch((err: unknown) => {
      throw refusalOf(err);
    });
    m.apply(step);
    // A ticket claimed for this agent as the attention ended, which they will not serve now: the
    // main loop passes it on like any offer (only runs since issue 15's handover get one).
    if (result?.released) (m.data.offers ??= []).push({ ticketId: result.released, tried: [m.status.id] });
    // Nobody to serve: no dispatch (offers received meanwhile stay queued and still dispatch).
    if (result?.idle) m.data.dispatchPending = false;
    const pairs = onlyChanged(shiftSearchAttributes(m.status));
    if (pairs.length) upsertSearchAttributes(pairs);
  };
  const dispatch = async (m: ShiftMachine, explicit: boolean, chosen?: msg.CallChosenArgs): Promise<string | null> => {
    const skip = m.data.skipTicketId;
    m.data.skipTicketId = null;
    // Cleared before the claim, not after: a ticket offered while this dispatch runs sets it
    // again, so the loop dispatches once more instead of losing the offer.
    m.data.dispatchPending = false;
    // A chosen ticket may be refused: the offers stay for the next dispatch instead of going with it.
    const offers = chosen ? [] : takeOffers(m);
    const r = await stuck
      .watch(
        acts.dispatchAgent({
          shiftId: m.status.id,
          skipTicketId: skip,
          explicit,
          ...(offers.length ? { offers } : {}),
          ...(chosen ? { chosen } : {}),
        }),
      )
      .catch((err: unknown) => {
        throw refusalOf(err);
      });
    m.assigned(r.ticketId !== null ? { ticketId: r.ticketId, number: r.number ?? '' } : null);
    return r.ticketId;
  };

  /** Applies the ticket news received so far (attention started/ended); runs under the lock. */
  const applyInbox = async (m: ShiftMachine) => {
    for (let item = inbox.shift(); item; item = inbox.shift()) {
      const step =
        item.kind === 'started' ? m.planStarted(item.ticketId, item.number, now()) : m.planEnded(item.ticketId, now());
      if (step) await persist(m, step);
    }
  };
  /**
   * Validators refuse only against settled state: while a step is in flight or ticket news waits
   * in the inbox (the SDK runs validators before it applies signals and activity results of the
   * same activation) the state is about to change, so the handler decides under the lock.
   */
  const settled = (): ShiftMachine | undefined => (machine && !lock.held && inbox.length === 0 ? machine : undefined);
  /** Every handler: take the lock, apply pending ticket news, then plan and persist. */
  const locked = <T>(fn: (m: ShiftMachine) => Promise<T>) =>
    lock.run(async () => {
      const m = await ready();
      await applyInbox(m);
      return fn(m);
    });

  /** Wires an Update: the validator plans (refusing before history), the handler plans again under the lock and persists. */
  function wire<A>(def: UpdateDefinition<ShiftStatus, [A]>, plan: (m: ShiftMachine, a: A, at: string) => ShiftStep) {
    setHandler(
      def,
      (a: A) =>
        locked(async (m) => {
          await persist(m, plan(m, a, now()));
          return m.status;
        }),
      {
        validator: (a: A) => {
          const m = settled();
          if (m) plan(m, a, now());
        },
      },
    );
  }

  setHandler(msg.getShift, () => {
    if (!machine) throw illegal('ShiftOpening');
    return machine.status;
  });
  setHandler(msg.shiftOpened, async () => (await ready()).status);
  wire(msg.setState, (m, a, at) => m.planState(a.state, at));
  wire(msg.setNextState, (m, a, at) => m.planNextState(a.nextState, at));
  wire(msg.setManualMode, (m, a, at) => m.planManual(a.manual, at));
  setHandler(
    msg.endShift,
    () =>
      locked(async (m) => {
        await persist(m, m.planEnd(now()));
        return m.status;
      }),
    {
      validator: () => {
        settled()?.planEnd(now());
      },
    },
  );
  const refuseCallNext = (m: ShiftMachine) => {
    if (m.status.endedAt !== null) throw illegal('ShiftEnded');
    if (m.status.state !== 'online') throw illegal('NotOnline', { state: m.status.state });
    if (m.status.currentTicketId !== null)
      throw illegal('AlreadyHasCustomer', { number: m.status.currentTicketNumber, ticketId: m.status.currentTicketId });
  };
  setHandler(
    msg.callNext,
    () =>
      locked(async (m) => {
        refuseCallNext(m);
        return { ticketId: await dispatch(m, true), shift: m.status };
      }),
    {
      validator: () => {
        const m = settled();
        if (m) refuseCallNext(m);
      },
    },
  );
  setHandler(
    msg.callChosen,
    (a: msg.CallChosenArgs) =>
      locked(async (m) => {
        // Already this agent's (dispatch got there first, or a repeated click): that is the answer.
        if (m.status.currentTicketId === a.ticketId) return { ticketId: a.ticketId, shift: m.status };
        refuseCallNext(m);
        return { ticketId: await dispatch(m, true, a), shift: m.status };
      }),
    {
      validator: (a: msg.CallChosenArgs) => {
        const m = settled();
        if (m && m.status.currentTicketId !== a.ticketId) refuseCallNext(m);
      },
    },
  );
  setHandler(reportStuck, (r) => stuck.report(r));
  // A ticket this agent may serve started waiting: dispatch again if free; the offer is kept so
  // that, if this shift takes another ticket or cannot serve now, it passes it on to the next.
  setHandler(msg.ticketWaiting, (offer) => {
    // Kept even while the shift opens or closes: its first dispatch takes them, or the run passes them on before it ends.
    const offers = machine ? (machine.data.offers ??= []) : earlyOffers;
    if (!machine) return void offers.push(offer);
    if (!offers.some((o) => o.ticketId === offer.ticketId)) offers.push(offer);
    if (isAvailable(machine.status)) machine.data.dispatchPending = true;
  });
  setHandler(
    msg.attentionStarted,
    (a) => void inbox.push({ kind: 'started', ticketId: a.ticketId, number: a.number ?? null }),
  );
  setHandler(
    msg.attentionEnded,
    (a) => void inbox.push({ kind: 'ended', ticketId: a.ticketId, number: a.number ?? null }),
  );

  if (!machine) {
    const cfg = await acts.loadShiftConfig(input.entityId);
    const at = now();
    const first = new ShiftMachine({
      // Offline until the first period is stored, so opening Online counts as becoming free.
      status: {
        id: input.shiftId,
        userId: input.userId,
        entityId: input.entityId,
        branchId: input.branchId,
        deskId: input.deskId,
        state: 'offline',
        stateSince: at,
        nextState: null,
        manualMode: false,
        currentTicketId: null,
        currentTicketNumber: null,
        endedAt: null,
      },
      stepSeq: 0,
      periodSeq: 0,
      caps: cfg.caps,
      minuteMs: input.minuteMs ?? 60_000,
      capDeadline: null,
      dispatchPending: false,
      skipTicketId: null,
    });
    await persist(first, first.planOpen(input.initialState ?? 'offline', at));
    first.data.offers = earlyOffers;
    machine = first;
  }
  const m = machine;
  const maxEvents = args.maxHistoryEvents ?? 2000;

  while (m.status.endedAt === null) {
    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength > maxEvents) {
      await condition(() => !lock.held && allHandlersFinished());
      return continueAsNew<typeof shiftWorkflow>({ ...args, carried: m.data, inbox: [...inbox] });
    }
    if (inbox.length) {
      await lock.run(() => applyInbox(m)).catch((err: unknown) => refusedInLoop('ticket news', err));
      continue;
    }
    if (m.data.dispatchPending) {
      // Re-checked under the lock: an update may have taken the agent off Online meanwhile.
      await lock
        .run(async () => {
          if (m.data.dispatchPending && isAvailable(m.status)) await dispatch(m, false);
          else m.data.dispatchPending = false;
        })
        .catch((err: unknown) => {
          m.data.dispatchPending = false; // the agent's next action or the next ticket dispatches again
          refusedInLoop('dispatch', err);
        });
      continue;
    }
    if (m.data.offers?.length) {
      // Offered while busy (or no longer free): pass them on now, not when this agent frees up.
      await lock
        .run(async () => {
          const offers = isAvailable(m.status) ? [] : takeOffers(m);
          if (offers.length) await acts.forwardOffers({ shiftId: m.status.id, offers });
          else if (m.data.offers?.length) m.data.dispatchPending = true;
        })
        .catch((err: unknown) => refusedInLoop('offers', err));
      continue;
    }
    const stepSeq = m.data.stepSeq;
    const wake = () =>
      m.data.stepSeq !== stepSeq || inbox.length > 0 || m.data.dispatchPending || (m.data.offers?.length ?? 0) > 0;
    // The break-cap timer runs to an absolute deadline kept in state, so re-entering the loop
    // (after any step, or after continue-as-new) never restarts it.
    const deadline = m.data.capDeadline;
    if (!deadline) {
      await condition(wake);
      continue;
    }
    const ms = Date.parse(deadline) - Date.now();
    if (ms > 0 && (await condition(wake, ms))) continue;
    const s = m.status;
    await stuck
      .watch(
        remoteActs.notifyBreakCap({
          shiftId: s.id,
          periodSeq: m.data.periodSeq,
          entityId: s.entityId,
          branchId: s.branchId,
          userId: s.userId,
          state: s.state,
          since: s.stateSince,
          capMinutes: m.data.caps[s.state] ?? 0,
        }),
      )
      .catch((err: unknown) => refusedInLoop('break cap', err));
    if (m.data.capDeadline === deadline) m.capNotified();
  }
  await condition(() => !lock.held && allHandlersFinished());
  // Offered just before log-out: the tickets go on to the next free shift, not nowhere.
  if (m.data.offers?.length)
    await acts
      .forwardOffers({ shiftId: m.status.id, offers: takeOffers(m) })
      .catch((err: unknown) => refusedInLoop('offers', err));
  return m.status;
}
