// Issue 20: everything a message about a ticket is made of, read when it is sent (contact data
// never travels in workflow payloads: the workflow passes the ticket's id).
import type { Db } from '../knex.js';
import { MESSAGE_LANGS, type MessageKind, type MessageLang } from '../../domain/messages.js';
import type { MessageTemplate } from '../../domain/messages-templates.js';

export interface MessageContext {
  ticket: {
    id: string;
    number: string;
    kind: string;
    entityId: number;
    branchId: number;
    scheduledAt: string | null;
    appointmentId: number | null;
    /** The appointment's check-in code (typed or scanned at the kiosk); null for other tickets. */
    checkInCode: string | null;
  };
  service: string;
  branch: string;
  timezone: string;
  desk: string | null;
  customer: {
    id: number;
    firstName: string;
    email: string | null;
    phone: string | null;
    notifyEmail: boolean;
    notifySms: boolean;
    notifyWhatsapp: boolean;
    lang: MessageLang;
  } | null;
}

export async function loadMessageContext(db: Db, ticketId: string): Promise<MessageContext | undefined> {
  const t = await db('tickets as t')
    .join('services as s', 's.id', 't.service_id')
    .join('branches as b', 'b.id', 't.branch_id')
    .leftJoin('desks as d', 'd.id', 't.desk_id')
    .leftJoin('customers as c', 'c.id', 't.customer_id')
    .leftJoin('appointments as a', 'a.id', 't.appointment_id')
    .where('t.id', ticketId)
    .first(
      't.id',
      't.number',
      't.kind',
      't.entity_id',
      't.branch_id',
      't.scheduled_at',
      't.appointment_id',
      'a.code as check_in_code',
      's.name as service',
      'b.name as branch',
      'b.timezone',
      'd.name as desk',
      'c.id as customer_id',
      'c.first_name',
      'c.email',
      'c.phone',
      'c.notify_email',
      'c.notify_sms',
      'c.notify_whatsapp',
      'c.lang',
    );
  if (!t) return undefined;
  const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());
  return {
    ticket: {
      id: t.id,
      number: t.number,
      kind: t.kind,
      entityId: t.entity_id,
      branchId: t.branch_id,
      scheduledAt: iso(t.scheduled_at),
      appointmentId: t.appointment_id,
      checkInCode: t.check_in_code ?? null,
    },
    service: t.service,
    branch: t.branch,
    timezone: t.timezone,
    desk: t.desk,
    customer:
      t.customer_id === null
        ? null
        : {
            id: t.customer_id,
            firstName: t.first_name,
            email: t.email,
            phone: t.phone,
            notifyEmail: t.notify_email,
            notifySms: t.notify_sms,
            notifyWhatsapp: t.notify_whatsapp,
            // Null: the entity's first language, which is Spanish for every entity today.
            lang: (MESSAGE_LANGS as readonly string[]).includes(t.lang) ? t.lang : 'es',
          },
  };
}

/** The entity's own wording of a message, when it has one. */
export async function templateOverride(
  db: Db,
  entityId: number,
  kind: MessageKind,
  lang: MessageLang,
): Promise<MessageTemplate | undefined> {
  return db('message_templates').where({ entity_id: entityId, kind, lang }).first('subject', 'body');
}

/** The open video room of a virtual ticket, with its guest link recorded (as joining does) so the link works. */
export async function videoRoomOf(db: Db, ticketId: string, tokenHash: (roomId: string) => string) {
  const room: { id: string; guest_token_hash: string } | undefined = await db('video_rooms')
    .where({ ticket_id: ticketId, status: 'open' })
    .first('id', 'guest_token_hash');
  if (room && !room.guest_token_hash)
    await db('video_rooms')
      .where({ id: room.id, guest_token_hash: '' })
      .update({ guest_token_hash: tokenHash(room.id) });
  return room?.id;
}
