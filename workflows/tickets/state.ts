// The ticket state machine (G1), free of Temporal so it can be unit-tested. The workflow asks
// `plan*` for a step (which throws if the step is illegal), persists it through an activity,
// then `apply`s it. Planning is pure, so validators can call it to say "no" before history
// records anything.
import { refusal } from '../../domain/failure.js';
import { ALLOWED_FROM, PUBLIC_RIGHTS } from '../../domain/ticket-rights.js';
import type {
  CallArgs,
  CallEventArgs,
  CancelArgs,
  EditCustomerArgs,
  FinishArgs,
  NoteArgs,
  RequeueArgs,
  TicketView,
  TopicsArgs,
  TransferArgs,
  WithActor,
} from '../../domain/ticket-messages.js';
import { NOTE_MAX_LENGTH } from '../../domain/ticket-messages.js';
import {
  MISSED_REASON,
  APPOINTMENT_PRIORITY,
  HELD_STATUSES,
  SYSTEM,
  type Actor,
  type TicketStatus,
  type TimelineEventType,
} from '../../domain/tickets.js';
import type { ServiceRules, Step, TicketPatch } from '../../domain/ticket-steps.js';
import type { MessageKind, SendOutcome } from '../../domain/messages.js';

export interface TicketData {
  view: TicketView;
  rules: ServiceRules;
  /** Last timeline seq written; the next step is seq + 1 (exactly-once key in the DB). */
  seq: number;
  /** Bumped by call and recall so a pending call time-out knows it is stale. */
  callRound: number;
  callDeadline: string | null;
  checkInAt: string | null;
  /**
   * Issue 16: an appointment that waits for its customer's check-in ends as a no-show at this
   * time if they never came (its time plus the branch's grace). Absent in runs before it existed.
   */
  missedAt?: string | null;
  /** The call round in which the customer said "on my way" (absent in runs before it existed). */
  onMyWayRound?: number;
  /**
   * Issue 20: the customer consented to a channel she has a contact for, so the ticket sends her
   * messages. Only whether — her contact stays in the database. Absent in runs before messages.
   */
  notify?: boolean;
  /** Issue 20: the position news already sent, as `kind:occasion` (the latest few). */
  told?: string[];
  /** Issue 20: an appointment's reminder, while not yet sent (only for customers who can be told). */
  remindAt?: string | null;
}

/** Refusals carry a stable code and params (domain/errors.ts); the message is English for logs. */
export const illegal = refusal;

const addSeconds = (iso: string, s: number): string => new Date(Date.parse(iso) + s * 1000).toISOString();

export class TicketMachine {
  constructor(public data: TicketData) {}

  get status(): TicketStatus {
    return this.data.view.status;
  }

  private step(
    type: TimelineEventType,
    to: TicketStatus,
    actor: Actor,
    at: string,
    patch: TicketPatch = {},
    details: Record<string, unknown> = {},
  ): Step {
    const from = this.status;
    const full: TicketPatch = to !== from ? { status: to, ...patch } : patch;
    return { ticketId: this.data.view.id, seq: this.data.seq + 1, type, from, to, actor, at, details, patch: full };
  }

  private require(allowed: readonly TicketStatus[], action: string): void {
    if (!allowed.includes(this.status)) {
      throw illegal(
        'TicketNotInStatus',
        { number: this.data.view.number, status: this.status, action, allowed },
        `Cannot ${action} ticket ${this.data.view.number}: it is ${this.status} (allowed from ${allowed.join(', ')}).`,
      );
    }
  }

  /** Agents act only on the ticket they hold; supervisors, admins and the system on any. */
  private requireHolder(actor: Actor, action: string): void {
    if (actor.type === 'user' && actor.role === 'agent' && actor.id !== this.data.view.agentId) {
      throw illegal(
        'TicketHeldByOther',
        { number: this.data.view.number, action },
        `Cannot ${action} ticket ${this.data.view.number}: it is held by another agent.`,
      );
    }
  }

  private requireTopics(topicIds: number[]): void {
    const unknown = topicIds.filter((t) => !this.data.rules.topicIds.includes(t));
    if (unknown.length)
      throw illegal(
        'TopicsNotConfigured',
        { topicIds: unknown },
        `Topics ${unknown.join(', ')} are not configured for this service.`,
      );
  }

  /** Issue 20: a message's delivery, on the timeline; any status, no change to it. */
  planMessage(kind: MessageKind, o: SendOutcome, at: string): Step {
    return this.step(
      o.status === 'sent' ? 'message_sent' : 'message_failed',
      this.status,
      SYSTEM,
      at,
      {},
      {
        kind,
        channel: o.channel,
        ...(o.messageId !== undefined ? { messageId: o.messageId } : {}),
        ...(o.providerId ? { providerId: o.providerId } : {}),
        ...(o.error ? { error: o.error.slice(0, 300) } : {}),
      },
    );
  }

  planCall(a: CallArgs, at: string): Step {
    this.require(ALLOWED_FROM.call, 'call');
    if (a.actor.type === 'user' && a.actor.role === 'agent' && a.actor.id !== a.agentId) throw illegal('OwnDeskOnly');
    return this.step(
      'called',
      'calling',
      a.actor,
      at,
      { agentId: a.agentId, deskId: a.deskId, calledAt: at },
      { agentId: a.agentId, deskId: a.deskId },
    );
  }

  planRecall(a: WithActor, at: string): Step {
    this.require(ALLOWED_FROM.recall, 'recall');
    this.requireHolder(a.actor, 'recall');
    const recallCount = this.data.view.recallCount + 1;
    return this.step(
      'recalled',
      'calling',
      a.actor,
      at,
      { recallCount },
      { recallCount, deskId: this.data.view.deskId },
    );
  }

  planAttend(a: WithActor, at: string): Step {
    this.require(ALLOWED_FROM.attend, 'attend');
    this.requireHolder(a.actor, 'attend');
    return this.step('attending', 'attending', a.actor, at, { attendingAt: at });
  }

  planFinish(a: FinishArgs, at: string): Step {
    this.require(ALLOWED_FROM.finish, 'finish');
    this.requireHolder(a.actor, 'finish');
    const topicIds = a.topicIds ?? this.data.view.topicIds;
    this.requireTopics(topicIds);
    return this.step('finished', 'finished', a.actor, at, { endedAt: at, topicIds }, { topicIds });
  }

  planRequeue(a: RequeueArgs, at: string): Step {
    this.require(ALLOWED_FROM.requeue, 'requeue');
    this.requireHolder(a.actor, 'requeue');
    const keep = a.keepArrival ?? true;
    return this.step(
      'requeued',
      'waiting',
      a.actor,
      at,
      {
        agentId: null,
        deskId: null,
        queuedAt: at,
        requeueCount: this.data.view.requeueCount + 1,
        arrivalAt: keep ? this.data.view.arrivalAt : at,
      },
      { keepArrival: keep, reason: a.reason ?? null },
    );
  }

  planCancel(a: CancelArgs, at: string): Step {
    // A customer leaving the queue (status page) has only their row of the rule: a call that lands
    // between the API's check and this step wins, so nobody walks away from a desk calling them.
    if (a.actor.type === 'customer') this.require(PUBLIC_RIGHTS.statusToken.from, PUBLIC_RIGHTS.statusToken.verb);
    this.require(ALLOWED_FROM.cancel, 'cancel');
    if (this.status === 'calling') this.requireHolder(a.actor, 'cancel');
    return this.step('cancelled', 'cancelled', a.actor, at, { endedAt: at }, { reason: a.reason ?? null });
  }

  /** H2 by hand (issue 16): the holder ends a call the customer did not answer, without waiting for its time-out. */
  planNoShow(a: CancelArgs, at: string): Step {
    this.require(ALLOWED_FROM['no-show'], 'no-show');
    this.requireHolder(a.actor, 'no-show');
    return this.step(
      'no_show',
      'no_show',
      a.actor,
      at,
      { endedAt: at },
      { reason: a.reason ?? null, noAnswerCount: this.data.view.noAnswerCount },
    );
  }

  /** `rules` are the target service's, loaded by an activity before planning. */
  planTransfer(a: TransferArgs, at: string, rules?: ServiceRules): Step {
    this.require(ALLOWED_FROM.transfer, 'transfer');
    if (this.status !== 'waiting') this.requireHolder(a.actor, 'transfer');
    if (a.serviceId === undefined && a.agentId === undefined) throw illegal('TransferTargetNeeded');
    if (a.serviceId !== undefined && a.serviceId === this.data.view.serviceId && a.agentId === undefined)
      throw illegal('AlreadyInService');
    if (a.serviceId !== undefined && !rules) throw illegal('Internal', {}, 'Target service rules are missing.');
    return this.step(
      'transferred',
      'waiting',
      a.actor,
      at,
      {
        serviceId: a.serviceId ?? this.data.view.serviceId,
        preferredAgentId: a.agentId ?? null,
        agentId: null,
        deskId: null,
        queuedAt: at,
        topicIds: a.serviceId !== undefined ? [] : this.data.view.topicIds,
      },
      {
        fromServiceId: this.data.view.serviceId,
        toServiceId: a.serviceId ?? this.data.view.serviceId,
        toAgentId: a.agentId ?? null,
        reason: a.reason ?? null,
      },
    );
  }

  planNote(a: NoteArgs, at: string): Step {
    const text = a.text.trim();
    if (!text || text.length > NOTE_MAX_LENGTH)
      throw illegal('Validation', {}, `A note needs 1 to ${NOTE_MAX_LENGTH} characters.`, {
        text: { code: text ? 'too_long' : 'required', params: { max: NOTE_MAX_LENGTH } },
      });
    return this.step('note', this.status, a.actor, at, {}, { text });
  }

  planTopics(a: TopicsArgs, at: string): Step {
    this.require(ALLOWED_FROM.topics, 'set topics on');
    this.requireHolder(a.actor, 'set topics on');
    this.requireTopics(a.topicIds);
    return this.step(
      'topics',
      'attending',
      a.actor,
      at,
      { topicIds: [...new Set(a.topicIds)] },
      { topicIds: a.topicIds },
    );
  }

  planEditCustomer(a: EditCustomerArgs, at: string): Step {
    if (['finished', 'cancelled', 'no_show'].includes(this.status))
      throw illegal('TicketEnded', { number: this.data.view.number });
    if (this.status === 'calling' || this.status === 'attending') this.requireHolder(a.actor, 'edit the customer of');
    return this.step(
      'customer_edited',
      this.status,
      a.actor,
      at,
      {},
      a.customerId !== undefined ? { linkedCustomerId: a.customerId } : { fields: Object.keys(a.customer) },
    );
  }

  /** D*: video-call facts join the timeline; only a virtual ticket that is being served has a call. */
  planCallEvent(a: CallEventArgs, at: string): Step {
    if (this.data.view.kind !== 'virtual') throw illegal('NotVirtual', { number: this.data.view.number });
    this.require(HELD_STATUSES, `record ${a.type} on`);
    if (JSON.stringify(a.details).length > 2048) throw illegal('CallDetailsTooLarge', { max: 2048 });
    return this.step(a.type, this.status, a.actor, at, {}, a.details);
  }

  /** "On my way" (issue 17): once per call, the call waits one call time-out from now. */
  planOnMyWay(a: WithActor, at: string): Step {
    this.require(ALLOWED_FROM['on-my-way'], 'say on my way for');
    if (this.data.onMyWayRound === this.data.callRound)
      throw illegal('AlreadyOnTheWay', { number: this.data.view.number });
    return this.step('on_my_way', 'calling', a.actor, at);
  }

  planConfirm(a: WithActor, at: string): Step {
    this.require(ALLOWED_FROM.confirm, 'confirm');
    if (this.data.view.kind !== 'appointment') throw illegal('NotAppointment');
    return this.step('confirmed', 'scheduled', a.actor, at);
  }

  planCheckIn(actor: Actor, at: string): Step {
    this.require(ALLOWED_FROM['check-in'], 'check in');
    return this.step('queued', 'waiting', actor, at, {
      queuedAt: at,
      arrivalAt: at,
      priority: Math.max(this.data.view.priority, APPOINTMENT_PRIORITY),
    });
  }

  /** Issue 16: the appointment's customer never checked in, and its grace time is over. */
  planMissed(at: string): Step {
    this.require(['scheduled'], 'mark missed');
    return this.step('no_show', 'no_show', SYSTEM, at, { endedAt: at }, { reason: MISSED_REASON });
  }

  /** The call time-out (H2): requeue automatically up to the service's limit, then no-show. */
  planCallTimeout(at: string): Step {
    this.require(['calling'], 'time out');
    const noAnswerCount = this.data.view.noAnswerCount + 1;
    if (noAnswerCount <= this.data.rules.maxAutoRequeues) {
      return this.step(
        'requeued',
        'waiting',
        SYSTEM,
        at,
        {
          agentId: null,
          deskId: null,
          queuedAt: at,
          noAnswerCount,
          requeueCount: this.data.view.requeueCount + 1,
        },
        { reason: 'no_answer', noAnswerCount },
      );
    }
    return this.step('no_show', 'no_show', SYSTEM, at, { endedAt: at, noAnswerCount }, { noAnswerCount });
  }

  /** Commits a persisted step to the in-memory state. */
  apply(step: Step, rules?: ServiceRules): void {
    const { view } = this.data;
    const p = step.patch;
    for (const k of [
      'status',
      'agentId',
      'deskId',
      'serviceId',
      'priority',
      'arrivalAt',
      'recallCount',
      'requeueCount',
      'noAnswerCount',
      'topicIds',
      'customerId',
      'preferredAgentId',
    ] as const) {
      if (p[k] !== undefined) (view as unknown as Record<string, unknown>)[k] = p[k];
    }
    if (step.to !== step.from) view.statusSince = step.at;
    if (rules) this.data.rules = rules;
    this.data.seq = step.seq;
    if (step.type === 'called' || step.type === 'recalled') {
      this.data.callRound += 1;
      this.data.callDeadline = addSeconds(step.at, this.data.rules.callTimeoutSeconds);
    } else if (step.type === 'on_my_way') {
      this.data.onMyWayRound = this.data.callRound;
      this.data.callDeadline = addSeconds(step.at, this.data.rules.callTimeoutSeconds);
    } else if (step.to !== 'calling') {
      this.data.callDeadline = null;
    }
    if (step.to !== 'scheduled') {
      this.data.checkInAt = null;
      if (this.data.missedAt) this.data.missedAt = null;
    }
  }
}
