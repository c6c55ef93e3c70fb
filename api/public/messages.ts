// Issue 20: the two links a customer's message carries that act without a login — its opt-out
// (clears that channel's consent) and an appointment's one-tap confirm (the customer's own
// step on the timeline, which tells the service's agents, A2). Each GET answers a small page
// with one button, in the message's language, and only its POST acts: mail scanners that open
// links must not opt anyone out or confirm anything.
import { Router, type Response } from 'express';
import { DomainError } from '../../domain/errors.js';
import type { MessageChannel, MessageLang } from '../../domain/messages.js';
import * as msg from '../../domain/ticket-messages.js';
import { messageOfToken, type LinkPurpose } from '../../db/messages/tokens.js';
import { updateTicket } from '../../workflows/tickets/client.js';
import type { ApiDeps } from '../deps.js';

const DEV_SECRET = 'dev-only-session-secret-change-me'; // platform/config.ts's default: the worker signs with the same

const FLAG: Record<MessageChannel, string> = {
  email: 'notify_email',
  sms: 'notify_sms',
  whatsapp: 'notify_whatsapp',
};

const TEXT = {
  es: {
    'opt-out': {
      title: 'Dejar de recibir mensajes',
      ask: '¿No quiere recibir más mensajes por este medio?',
      button: 'No enviarme más',
      done: 'Listo: no le enviaremos más mensajes por este medio.',
    },
    confirm: {
      title: 'Confirmar su cita',
      ask: '¿Confirma su cita?',
      button: 'Confirmar la cita',
      done: 'Su cita está confirmada. ¡Le esperamos!',
    },
    invalid: 'Este enlace no es válido o ya no se puede usar.',
  },
  en: {
    'opt-out': {
      title: 'Stop receiving messages',
      ask: 'Do you want to stop receiving messages this way?',
      button: 'Stop sending me messages',
      done: 'Done: we will not send you messages this way again.',
    },
    confirm: {
      title: 'Confirm your appointment',
      ask: 'Do you confirm your appointment?',
      button: 'Confirm the appointment',
      done: 'Your appointment is confirmed. See you soon!',
    },
    invalid: 'This link is not valid or can no longer be used.',
  },
} as const;

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Read on a phone from a message: large text and a thumb-sized button (48 px), colours at 4.5:1 or
 * more. Inline (helmet's default CSP allows inline styles) so the page needs nothing else to load.
 */
const STYLE = `<style>
body{margin:0;padding:0 16px;background:#f5f6f8;color:#1b1f27;font:18px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}
main{max-width:34rem;margin:12vh auto 0;padding:24px;background:#fff;border-radius:16px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.5rem;margin:0 0 12px}
button{min-height:48px;padding:12px 28px;border:0;border-radius:12px;background:#1d4ed8;color:#fff;font:inherit;font-weight:600;cursor:pointer}
button:focus-visible{outline:3px solid #1b1f27;outline-offset:3px}
</style>`;

function page(res: Response, lang: MessageLang, title: string, body: string, status = 200): void {
  res
    .status(status)
    .type('html')
    .send(
      `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>${STYLE}</head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`,
    );
}

interface Row {
  id: number;
  ticket_id: string;
  customer_id: number | null;
  channel: MessageChannel;
  lang: MessageLang;
}

export function messageLinkRoutes(deps: ApiDeps): Router {
  const r = Router();
  const secret = deps.config.SESSION_SECRET ?? DEV_SECRET;
  const messageOf = async (token: string, purpose: LinkPurpose): Promise<Row | undefined> => {
    const id = messageOfToken(secret, token, purpose);
    return id === undefined
      ? undefined
      : deps.db('messages').where({ id }).first('id', 'ticket_id', 'customer_id', 'channel', 'lang');
  };

  for (const purpose of ['opt-out', 'confirm'] as const) {
    r.get(`/public/messages/:token/${purpose}`, async (req, res) => {
      const m = await messageOf(req.params.token, purpose);
      const lang = m?.lang ?? 'es';
      const t = TEXT[lang][purpose];
      if (!m) return page(res, lang, t.title, `<p>${TEXT[lang].invalid}</p>`, 404);
      page(res, lang, t.title, `<p>${t.ask}</p><form method="post"><button type="submit">${t.button}</button></form>`);
    });
  }

  r.post('/public/messages/:token/opt-out', async (req, res) => {
    const m = await messageOf(req.params.token, 'opt-out');
    const lang = m?.lang ?? 'es';
    const t = TEXT[lang]['opt-out'];
    if (!m || m.customer_id === null) return page(res, lang, t.title, `<p>${TEXT[lang].invalid}</p>`, 404);
    await deps
      .db('customers')
      .where({ id: m.customer_id })
      .update({ [FLAG[m.channel]]: false, updated_at: deps.db.fn.now() });
    page(res, lang, t.title, `<p>${t.done}</p>`);
  });

  r.post('/public/messages/:token/confirm', async (req, res) => {
    const m = await messageOf(req.params.token, 'confirm');
    const lang = m?.lang ?? 'es';
    const t = TEXT[lang].confirm;
    if (!m) return page(res, lang, t.title, `<p>${TEXT[lang].invalid}</p>`, 404);
    const ticket: { status: string } | undefined = await deps.db('tickets').where({ id: m.ticket_id }).first('status');
    const confirmed = await deps.db('ticket_events').where({ ticket_id: m.ticket_id, type: 'confirmed' }).first('seq');
    // A second tap, or a tap after the appointment moved on: the answer a person needs, no error page.
    if (!confirmed && ticket?.status === 'scheduled') {
      try {
        await updateTicket(deps.temporal, m.ticket_id, msg.confirmAppointment, { actor: { type: 'customer' } });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        return page(res, lang, t.title, `<p>${TEXT[lang].invalid}</p>`, 409);
      }
    } else if (!confirmed) return page(res, lang, t.title, `<p>${TEXT[lang].invalid}</p>`, 409);
    page(res, lang, t.title, `<p>${t.done}</p>`);
  });
  return r;
}
