// Issue 20: the default wording of every message in both languages, with {placeholders}. An
// entity overrides any of them in the back office (message_templates); the rest read as here.
import type { MessageKind, MessageLang } from './messages.js';

export interface MessageTemplate {
  subject: string;
  body: string;
}

/** Every placeholder a template may use; one a message has no value for renders empty. */
export const PLACEHOLDERS = [
  'name',
  'number',
  'service',
  'branch',
  'desk',
  'ahead',
  'statusUrl',
  'videoUrl',
  'surveyUrl',
  'confirmUrl',
  /** An appointment's check-in code: typed, or scanned from the QR the e-mail carries, at the kiosk. */
  'checkInCode',
  'scheduledAt',
  'optOutUrl',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

export const DEFAULT_TEMPLATES: Record<MessageLang, Record<MessageKind, MessageTemplate>> = {
  es: {
    issued: {
      subject: 'Su turno {number}',
      body: 'Hola {name}: su turno para {service} en {branch} es el {number}. Siga su lugar en la fila aquí: {statusUrl}',
    },
    ahead: {
      subject: 'Turno {number}: {ahead} personas antes que usted',
      body: 'Hola {name}: hay {ahead} personas antes que usted en la fila de {service}. Su turno: {statusUrl}',
    },
    next: {
      subject: 'Turno {number}: usted es el siguiente',
      body: 'Hola {name}: usted es el siguiente en {service}. Acérquese a la sala. Su turno: {statusUrl}',
    },
    called: {
      subject: 'Turno {number}: diríjase a {desk}',
      body: 'Hola {name}: su turno {number} fue llamado. Diríjase a {desk}.',
    },
    video_link: {
      subject: 'Turno {number}: su videollamada está lista',
      body: 'Hola {name}: su asesor le espera. Entre a la videollamada aquí: {videoUrl}',
    },
    please_return: {
      subject: 'Turno {number}: vuelva a la fila',
      body: 'Hola {name}: no le encontramos cuando le llamamos. Su turno {number} sigue en la fila: {statusUrl}',
    },
    booked: {
      subject: 'Cita agendada: {service}, {scheduledAt}',
      body: 'Hola {name}: su cita de {service} en {branch} es el {scheduledAt}\nConfírmela con un toque: {confirmUrl}\nAl llegar, escriba en el kiosco su código {checkInCode} o escanee el QR adjunto.',
    },
    reminder: {
      subject: 'Recordatorio de su cita: {scheduledAt}',
      body: 'Hola {name}: le recordamos su cita de {service} en {branch} el {scheduledAt}\nConfírmela aquí: {confirmUrl}\nAl llegar, escriba en el kiosco su código {checkInCode} o escanee el QR adjunto.',
    },
    survey: {
      subject: '¿Cómo le atendimos? Turno {number}',
      body: 'Hola {name}: gracias por su visita. Cuéntenos cómo le fue, le toma un minuto: {surveyUrl}',
    },
  },
  en: {
    issued: {
      subject: 'Your ticket {number}',
      body: 'Hello {name}: your ticket for {service} at {branch} is {number}. Follow your place in the queue here: {statusUrl}',
    },
    ahead: {
      subject: 'Ticket {number}: {ahead} people ahead of you',
      body: 'Hello {name}: there are {ahead} people ahead of you in the {service} queue. Your ticket: {statusUrl}',
    },
    next: {
      subject: 'Ticket {number}: you are next',
      body: 'Hello {name}: you are next for {service}. Please come to the waiting room. Your ticket: {statusUrl}',
    },
    called: {
      subject: 'Ticket {number}: go to {desk}',
      body: 'Hello {name}: your ticket {number} has been called. Please go to {desk}.',
    },
    video_link: {
      subject: 'Ticket {number}: your video call is ready',
      body: 'Hello {name}: your agent is waiting. Join the video call here: {videoUrl}',
    },
    please_return: {
      subject: 'Ticket {number}: please come back',
      body: 'Hello {name}: we could not find you when we called. Your ticket {number} is still in the queue: {statusUrl}',
    },
    booked: {
      subject: 'Appointment booked: {service}, {scheduledAt}',
      body: 'Hello {name}: your {service} appointment at {branch} is on {scheduledAt}\nConfirm it with one tap: {confirmUrl}\nWhen you arrive, type your code {checkInCode} at the kiosk or scan the attached QR.',
    },
    reminder: {
      subject: 'Reminder of your appointment: {scheduledAt}',
      body: 'Hello {name}: a reminder of your {service} appointment at {branch} on {scheduledAt}\nConfirm it here: {confirmUrl}\nWhen you arrive, type your code {checkInCode} at the kiosk or scan the attached QR.',
    },
    survey: {
      subject: 'How did we do? Ticket {number}',
      body: 'Hello {name}: thank you for your visit. Tell us how it went, it takes a minute: {surveyUrl}',
    },
  },
};

/** The opt-out every message ends with, in its language. */
export const OPT_OUT_LINE: Record<MessageLang, string> = {
  es: 'Para no recibir más mensajes por este medio: {optOutUrl}',
  en: 'To stop receiving messages this way: {optOutUrl}',
};

/** Fills {placeholders}; an unknown or missing one renders empty (a template is never refused at send time). */
export const fill = (text: string, values: PlaceholderValues): string =>
  text.replace(/\{(\w+)\}/g, (_m, key: string) => values[key as Placeholder] ?? '');

/** The placeholders a template names that do not exist: what the back office refuses on save. */
export const unknownPlaceholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((k) => !(PLACEHOLDERS as readonly string[]).includes(k));

export function renderMessage(
  template: MessageTemplate,
  lang: MessageLang,
  values: PlaceholderValues,
): { subject: string; body: string } {
  return {
    subject: fill(template.subject, values),
    body: `${fill(template.body, values)}\n\n${fill(OPT_OUT_LINE[lang], values)}`,
  };
}
