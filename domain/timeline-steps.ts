// Issue 16: what one timeline step says, as translation keys and parameters, for both UIs (the
// console's Timeline and the back office's ticket page render the same facts, each with its own
// dictionary lookup). Names come from the API (TimelineEvent.names), never ids; a detail this
// module does not know is left out rather than shown raw. No I/O, no wording here: the words
// are in domain/i18n/timeline-es.ts and timeline-en.ts.
import type { TimelineEvent } from './contracts/tickets.js';
import { MESSAGE_CHANNELS, MESSAGE_KINDS, type MessageChannel, type MessageKind } from './messages.js';
import {
  machineActorOf,
  MISSED_REASON,
  type MachineActor,
  type TicketStatus,
  type TimelineEventType,
} from './tickets.js';

/** The customer's fields a customer edit may change (CustomerFields), as the facts name them. */
export const CUSTOMER_FIELDS = ['firstName', 'lastName', 'idNumber', 'email', 'phone'] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

export const FACT_KEYS = [
  'service',
  'desk',
  'agent',
  'transferTo',
  'transferToAgent',
  'transferFrom',
  'topics',
  'noTopics',
  'reason',
  'noAnswer',
  'notCheckedIn',
  'arrivalReset',
  'recallCount',
  'note',
  'termsText',
  'termsAccepted',
  'termsRefused',
  'file',
  'tag',
  'videoAgent',
  'videoGuest',
  'linkedCustomer',
  'checkedIn',
  'windowOpened',
  'surveyScore',
  'surveyComment',
  ...CUSTOMER_FIELDS.map((f) => `changed_${f}` as const),
  ...CUSTOMER_FIELDS.map((f) => `edited_${f}` as const),
  // Issue 20: what a message step was about, and on which channel.
  ...MESSAGE_KINDS.map((k) => `message_${k}` as const),
  ...MESSAGE_CHANNELS.map((c) => `channel_${c}` as const),
  'messageError',
] as const;
export type FactKey = (typeof FACT_KEYS)[number];

/** Every dictionary of the timeline has these two parts, complete (a missing word fails the type check). */
export interface TimelineTexts {
  step: Record<TimelineEventType, string>;
  fact: Record<FactKey, string>;
  /** The video call's conversation beside the steps (GET /tickets/:id/chat), and a file sent in it. */
  chat: string;
  chatFile: string;
}

export interface StepFact {
  key: FactKey;
  params: Record<string, string | number>;
}

/** Who took the step: a machine (translated), a person by name, or only their kind (a customer without a name). */
export type StepActor = { machine: MachineActor } | { name: string } | { kind: 'user' | 'customer' | 'system' };

export interface StepText {
  type: TimelineEventType;
  /** The status the step moved the ticket to, when it changed it. */
  to: TicketStatus | null;
  actor: StepActor;
  facts: StepFact[];
}

/** A video call's moment, e.g. 75 000 ms → "01:15" (hours when there are any). */
export const formatOffset = (ms: number): string => {
  const s = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = pad(Math.floor((s % 3600) / 60));
  return h ? `${h}:${m}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
};

const TEXT_MAX = 200;
const clip = (s: string): string => (s.length > TEXT_MAX ? `${s.slice(0, TEXT_MAX - 1)}…` : s);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function actorOfStep(a: TimelineEvent['actor']): StepActor {
  const machine = machineActorOf(a);
  if (machine) return { machine };
  return a.name ? { name: a.name } : { kind: a.type };
}

/** A reason as the step stores it: a person's words, or the call time-out's code. */
function reasonFacts(d: Record<string, unknown>): StepFact[] {
  if (d.reason === 'no_answer') return [{ key: 'noAnswer', params: { count: num(d.noAnswerCount) ?? 1 } }];
  // An appointment whose customer never checked in (the ticket workflow's grace timer).
  if (d.reason === MISSED_REASON) return [{ key: 'notCheckedIn', params: {} }];
  const reason = str(d.reason);
  return reason ? [{ key: 'reason', params: { reason: clip(reason) } }] : [];
}

function customerEditFacts(e: TimelineEvent): StepFact[] {
  const d = e.details;
  if (e.names?.linkedCustomerId) return [{ key: 'linkedCustomer', params: { name: e.names.linkedCustomerId } }];
  const changes = (d.changes ?? {}) as Record<string, { before?: unknown; after?: unknown }>;
  const known = (f: unknown): f is CustomerField => (CUSTOMER_FIELDS as readonly unknown[]).includes(f);
  const withValues = CUSTOMER_FIELDS.filter((f) => changes[f]).map((f): StepFact => ({
    key: `changed_${f}`,
    params: { before: str(changes[f]?.before) ?? '—', after: str(changes[f]?.after) ?? '—' },
  }));
  if (withValues.length) return withValues;
  // Steps written before the values were kept name the fields only.
  return (Array.isArray(d.fields) ? d.fields : []).filter(known).map((f) => ({ key: `edited_${f}`, params: {} }));
}

/** A message step: its kind, its channel and, when given up, why. */
function messageFacts(d: Record<string, unknown>): StepFact[] {
  const kind = (MESSAGE_KINDS as readonly unknown[]).includes(d.kind) ? (d.kind as MessageKind) : null;
  const channel = (MESSAGE_CHANNELS as readonly unknown[]).includes(d.channel) ? (d.channel as MessageChannel) : null;
  const error = str(d.error);
  return [
    ...(kind ? [{ key: `message_${kind}` as const, params: {} }] : []),
    ...(channel ? [{ key: `channel_${channel}` as const, params: {} }] : []),
    ...(error ? [{ key: 'messageError' as const, params: { error: clip(error) } }] : []),
  ];
}

function factsOf(e: TimelineEvent): StepFact[] {
  const d = e.details;
  const n = e.names ?? {};
  const named = (key: FactKey, name: string | undefined, param = 'name'): StepFact[] =>
    name ? [{ key, params: { [param]: name } }] : [];
  const topics = (): StepFact[] =>
    n.topicIds?.length ? [{ key: 'topics', params: { topics: n.topicIds.join(', ') } }] : [];
  switch (e.type) {
    case 'created':
      return named('service', n.serviceId);
    case 'queued':
      return [{ key: e.actor.type === 'system' ? 'windowOpened' : 'checkedIn', params: {} }];
    case 'called':
      return [...named('desk', n.deskId), ...named('agent', n.agentId)];
    case 'recalled':
      return [...named('desk', n.deskId), { key: 'recallCount', params: { count: num(d.recallCount) ?? 1 } }];
    case 'transferred': {
      const toOtherService = d.toServiceId !== d.fromServiceId;
      return [
        ...(toOtherService ? named('transferFrom', n.fromServiceId) : []),
        ...(toOtherService ? named('transferTo', n.toServiceId) : []),
        ...named('transferToAgent', n.toAgentId),
        ...reasonFacts(d),
      ];
    }
    case 'requeued':
      return [...reasonFacts(d), ...(d.keepArrival === false ? [{ key: 'arrivalReset' as const, params: {} }] : [])];
    case 'cancelled':
      return reasonFacts(d);
    case 'no_show':
      // The call time-out's no-show carries only its count; a missed appointment and a person's, their reason.
      return e.actor.type === 'system' && d.reason !== MISSED_REASON
        ? [{ key: 'noAnswer', params: { count: num(d.noAnswerCount) ?? 1 } }]
        : reasonFacts(d);
    case 'note':
      return named('note', str(d.text) ?? undefined, 'text');
    case 'topics': {
      const list = topics();
      return list.length ? list : [{ key: 'noTopics', params: {} }];
    }
    case 'finished':
      return topics();
    case 'customer_edited':
      return customerEditFacts(e);
    case 'survey_answered': {
      // The score and whether she wrote something; the comment itself is read in Satisfacción.
      const score = num(d.score);
      return [
        ...(score === null ? [] : [{ key: 'surveyScore' as const, params: { score } }]),
        ...(d.comment === true ? [{ key: 'surveyComment' as const, params: {} }] : []),
      ];
    }
    case 'terms_sent':
      return named('termsText', str(d.text) ? clip(str(d.text) as string) : undefined, 'text');
    case 'terms_answered':
      return typeof d.accepted === 'boolean'
        ? [{ key: d.accepted ? 'termsAccepted' : 'termsRefused', params: {} }]
        : [];
    case 'file':
      return named('file', str(d.name) ?? undefined);
    case 'tag': {
      const text = str(d.text);
      const offset = num(d.offsetMs);
      return text ? [{ key: 'tag', params: { text: clip(text), offset: formatOffset(offset ?? 0) } }] : [];
    }
    case 'message_sent':
    case 'message_failed':
      return messageFacts(d);
    case 'video_joined':
    case 'video_left':
      return named(d.role === 'agent' ? 'videoAgent' : 'videoGuest', str(d.name) ?? undefined);
    default:
      return [];
  }
}

/** One step as the UIs show it: its type, the status it moved to, who took it and its facts. */
export function describeStep(e: TimelineEvent): StepText {
  return {
    type: e.type,
    to: e.to && e.from !== e.to ? e.to : null,
    actor: actorOfStep(e.actor),
    facts: factsOf(e),
  };
}
