// Issue 20: one message of a ticket, on each channel its customer consented to. Durable and
// never sent twice once accepted: the row is reserved first, the relay's accepted Message-ID
// (or the provider's id) is recorded after, and an attempt that finds it recorded sends nothing.
// The one window left is between the relay's acceptance and that record (a crash there): the
// retry sends again, at most once per lost attempt, with the same Message-ID.
import type { Db } from '../../db/knex.js';
import { loadMessageContext, templateOverride, videoRoomOf, type MessageContext } from '../../db/messages/context.js';
import { markError, markSending, markSent, reserveMessage, type MessageRow } from '../../db/messages/outbox.js';
import { messageToken, videoGuestToken } from '../../db/messages/tokens.js';
import { issueStatusToken } from '../../db/status-tokens.js';
import type { MessageChannel, SendOutcome, SendRequest } from '../../domain/messages.js';
import {
  DEFAULT_TEMPLATES,
  renderMessage,
  type MessageTemplate,
  type Placeholder,
  type PlaceholderValues,
} from '../../domain/messages-templates.js';
import { appointmentIcs } from '../../domain/ics.js';
import { MailRefused, type Mailer, type OutgoingMail } from '../../platform/mail/mailer.js';
import { ProviderRefused, sendViaProvider } from '../../platform/sms/provider.js';
import type { OutboundPolicy } from '../../platform/outbound/policy.js';
import { createHash } from 'node:crypto';
import QRCode from 'qrcode';

export interface MessagingDeps {
  db: Db;
  mailer: Mailer;
  /** Where the customer's links point (PUBLIC_URL). */
  publicUrl: string;
  /** Signs the opt-out and confirm links (SESSION_SECRET, which the API checks them with). */
  secret: string;
  /** The activity's attempt number (Temporal's), to give up on the last one. */
  attempt: () => number;
  /** Where SMS and WhatsApp providers may be reached (OUTBOUND_ALLOW's policy, as for webhooks). */
  policy: OutboundPolicy;
  /** The retry policy's last attempt: a failure then is recorded as given up. */
  maxAttempts: number;
  /** Tests: runs after the relay accepted a message and before the acceptance is recorded (a crash there). */
  afterAccept?: (row: MessageRow) => void | Promise<void>;
}

type Customer = NonNullable<MessageContext['customer']>;

/** The channels this customer can be told on: consent and a contact, both. */
export function channelsOf(c: Customer): MessageChannel[] {
  const out: MessageChannel[] = [];
  if (c.notifyEmail && c.email) out.push('email');
  if (c.notifySms && c.phone) out.push('sms');
  if (c.notifyWhatsapp && c.phone) out.push('whatsapp');
  return out;
}

export async function sendTicketMessage(deps: MessagingDeps, req: SendRequest): Promise<SendOutcome[]> {
  const ctx = await loadMessageContext(deps.db, req.ticketId);
  if (!ctx?.customer) return [];
  const out: SendOutcome[] = [];
  for (const channel of channelsOf(ctx.customer)) out.push(await sendOn(deps, ctx, ctx.customer, req, channel));
  return out;
}

async function sendOn(
  deps: MessagingDeps,
  ctx: MessageContext,
  customer: Customer,
  req: SendRequest,
  channel: MessageChannel,
): Promise<SendOutcome> {
  const row = await reserveMessage(deps.db, {
    entity_id: ctx.ticket.entityId,
    branch_id: ctx.ticket.branchId,
    ticket_id: ctx.ticket.id,
    customer_id: customer.id,
    kind: req.kind,
    channel,
    occasion: req.occasion,
    lang: customer.lang,
  });
  const done = { channel, messageId: row.id };
  if (row.status === 'sent') return { ...done, status: 'sent', providerId: row.provider_id ?? undefined };
  if (row.status === 'failed') return { ...done, status: 'failed', error: row.error ?? undefined };
  const template =
    (await templateOverride(deps.db, ctx.ticket.entityId, req.kind, row.lang)) ?? DEFAULT_TEMPLATES[row.lang][req.kind];
  const values = await placeholders(deps, ctx, customer, row, req, template);
  const { subject, body } = renderMessage(template, row.lang, values);
  const deliver = channel === 'email' ? await byMail(deps, ctx, customer, row, req, values, subject, body) : undefined;
  const provider =
    channel === 'email'
      ? undefined
      : await deps.db('message_providers').where({ entity_id: ctx.ticket.entityId }).first('url', 'token');
  if (channel !== 'email' && !provider) {
    await markError(deps.db, row.id, 'no SMS/WhatsApp provider configured for this entity', true);
    return { ...done, status: 'failed', error: 'no SMS/WhatsApp provider configured for this entity' };
  }
  const recipient = channel === 'email' ? (customer.email as string) : (customer.phone as string);
  // A text message carries its body only: the subject is for e-mail.
  await markSending(deps.db, row.id, { recipient, subject, body });
  let accepted: string;
  try {
    accepted = deliver
      ? (await deps.mailer.send(deliver)).messageId
      : (
          await sendViaProvider(deps.policy, provider as { url: string; token: string }, {
            channel: channel as 'sms' | 'whatsapp',
            to: recipient,
            text: body,
            reference: `message-${row.id}`,
          })
        ).id;
  } catch (err) {
    const givenUp = err instanceof MailRefused || err instanceof ProviderRefused || deps.attempt() >= deps.maxAttempts;
    await markError(deps.db, row.id, (err as Error).message, givenUp);
    if (givenUp) return { ...done, status: 'failed', error: (err as Error).message };
    throw err; // Temporal retries with back-off
  }
  await deps.afterAccept?.(row);
  await markSent(deps.db, row.id, accepted);
  return { ...done, status: 'sent', providerId: accepted };
}

/** Appointment messages carry the check-in code as a QR the kiosk's scanner reads (it types the code). */
const CODE_QR_KINDS: readonly string[] = ['booked', 'reminder'];

/**
 * The e-mail of a message: the same Message-ID on every attempt, an .ics for a booked
 * appointment, and the check-in code's QR for an appointment's messages.
 */
async function byMail(
  deps: MessagingDeps,
  ctx: MessageContext,
  customer: Customer,
  row: MessageRow,
  req: SendRequest,
  values: PlaceholderValues,
  subject: string,
  body: string,
): Promise<OutgoingMail> {
  const code = ctx.ticket.checkInCode;
  const qr =
    code && CODE_QR_KINDS.includes(req.kind)
      ? [
          {
            filename: row.lang === 'es' ? `codigo-${code}.png` : `code-${code}.png`,
            contentType: 'image/png',
            content: await QRCode.toBuffer(code, { type: 'png', width: 320, margin: 2, errorCorrectionLevel: 'M' }),
          },
        ]
      : [];
  const ics =
    req.kind === 'booked' && ctx.ticket.scheduledAt
      ? [
          {
            filename: 'cita.ics',
            contentType: 'text/calendar; method=PUBLISH; charset=utf-8',
            content: appointmentIcs({
              uid: `appointment-${ctx.ticket.appointmentId ?? ctx.ticket.id}@ventanilla`,
              start: ctx.ticket.scheduledAt,
              minutes: 30,
              summary: `${ctx.service} · ${ctx.branch}`,
              description: body,
              url: values.confirmUrl ?? '',
            }),
          },
        ]
      : [];
  return {
    to: customer.email as string,
    subject,
    text: body,
    // The same for every attempt: a duplicate from the acceptance window is the same message.
    messageId: `<message-${row.id}@${new URL(deps.publicUrl).hostname}>`,
    headers: { 'X-Ventanilla-Message': req.kind, 'List-Unsubscribe': `<${values.optOutUrl}>` },
    ...(ics.length || qr.length ? { attachments: [...ics, ...qr] } : {}),
  };
}

const uses = (t: MessageTemplate, key: Placeholder) => t.subject.includes(`{${key}}`) || t.body.includes(`{${key}}`);

async function placeholders(
  deps: MessagingDeps,
  ctx: MessageContext,
  customer: Customer,
  row: MessageRow,
  req: SendRequest,
  template: MessageTemplate,
): Promise<PlaceholderValues> {
  const base = deps.publicUrl.replace(/\/$/, '');
  const link = (purpose: 'opt-out' | 'confirm') =>
    `${base}/api/public/messages/${messageToken(deps.secret, row.id, purpose)}/${purpose}`;
  // A status token is issued only for a message that links to the ticket's pages.
  const token =
    uses(template, 'statusUrl') || uses(template, 'surveyUrl') ? await issueStatusToken(deps.db, ctx.ticket.id) : '';
  const roomId = uses(template, 'videoUrl')
    ? await videoRoomOf(deps.db, ctx.ticket.id, (id) =>
        createHash('sha256').update(videoGuestToken(deps.secret, id)).digest('hex'),
      )
    : undefined;
  return {
    name: customer.firstName,
    number: ctx.ticket.number,
    service: ctx.service,
    branch: ctx.branch,
    desk: ctx.desk ?? '',
    ahead: req.ahead !== undefined ? String(req.ahead) : '',
    statusUrl: token ? `${base}/status/${token}` : '',
    surveyUrl: token ? `${base}/survey/${token}` : '',
    videoUrl: roomId ? `${base}/join/${videoGuestToken(deps.secret, roomId)}` : '',
    confirmUrl: link('confirm'),
    checkInCode: ctx.ticket.checkInCode ?? '',
    scheduledAt: ctx.ticket.scheduledAt
      ? new Intl.DateTimeFormat(row.lang === 'es' ? 'es-CO' : 'en-US', {
          dateStyle: 'full',
          timeStyle: 'short',
          timeZone: ctx.timezone,
        }).format(new Date(ctx.ticket.scheduledAt))
      : '',
    optOutUrl: link('opt-out'),
  };
}
