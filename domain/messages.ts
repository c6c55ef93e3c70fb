// Issue 20: the customer's messages — which there are, on which channels, what makes the ticket
// workflow send one, and the send activity's contract. No I/O here.
import type { TimelineEventType } from './tickets.js';
import type { TicketView } from './ticket-messages.js';

export const MESSAGE_KINDS = [
  'issued',
  'ahead',
  'next',
  'called',
  'video_link',
  'please_return',
  'booked',
  'reminder',
  'survey',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MESSAGE_CHANNELS = ['email', 'sms', 'whatsapp'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** pending: reserved; sending: an attempt is under way or lost mid-way; sent: accepted (never again); failed: given up. */
export const MESSAGE_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const MESSAGE_LANGS = ['es', 'en'] as const;
export type MessageLang = (typeof MESSAGE_LANGS)[number];

/** The two timeline steps a message leaves: its delivery status, on the ticket it is about. */
export const MESSAGE_STEPS = ['message_sent', 'message_failed'] as const satisfies readonly TimelineEventType[];

/**
 * Which message a persisted step asks for (the ticket's status after it is in `view`). The
 * registration's "issued" or "booked" is asked by the workflow itself, after it registers.
 */
export function messageOfStep(type: TimelineEventType, view: Pick<TicketView, 'kind'>): MessageKind | undefined {
  switch (type) {
    case 'called':
      return view.kind === 'virtual' ? 'video_link' : 'called';
    case 'requeued':
      return 'please_return';
    case 'finished':
      return 'survey';
    default:
      return undefined;
  }
}

/** What the ticket workflow asks for: one message of a kind, for the step `occasion` (its timeline seq). */
export interface SendRequest {
  ticketId: string;
  kind: MessageKind;
  occasion: number;
  /** For "ahead": how many are ahead of the ticket. */
  ahead?: number;
}

/** One channel's result: `skipped` (no consent or no contact) leaves no trace on the timeline. */
export interface SendOutcome {
  channel: MessageChannel;
  status: 'sent' | 'failed' | 'skipped';
  messageId?: number;
  /** The relay's accepted Message-ID or the provider's message id. */
  providerId?: string;
  error?: string;
}

export interface MessageActivities {
  /**
   * Sends `kind` on every channel the customer consented to and has a contact for. Idempotent
   * per (ticket, kind, channel, occasion): a channel whose acceptance is recorded sends nothing.
   */
  sendTicketMessage(req: SendRequest): Promise<SendOutcome[]>;
}

/** Whether a customer can be told anything: one channel with its consent and its contact. */
export const reachable = (c: {
  email?: string | null;
  phone?: string | null;
  notify_email?: boolean;
  notify_sms?: boolean;
  notify_whatsapp?: boolean;
}): boolean => Boolean((c.notify_email && c.email) || ((c.notify_sms || c.notify_whatsapp) && c.phone));

/** The send activity's retry policy (the workflow's) and its last attempt, which gives up instead of throwing. */
export const MESSAGE_RETRY = {
  initialInterval: '1s',
  backoffCoefficient: 2,
  maximumInterval: '10m',
  maximumAttempts: 12,
} as const;
