// E-mail through an SMTP relay (issue 20), with nodemailer. The relay's address obeys the one
// outbound policy (platform/outbound): its name is resolved and checked before each message and
// the connection goes to that checked address, the name kept for TLS. A message carries the
// Message-ID its caller chose, so a duplicate sent in the at-most-once window is recognisably
// the same message to any mail client.
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { hostOf, OutboundRefused, type OutboundPolicy } from '../outbound/policy.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; content: string | Buffer; contentType: string }[];
}

export interface Accepted {
  /** The Message-ID the relay accepted. */
  messageId: string;
  /** The relay's answer, e.g. "250 Message accepted". */
  response: string;
}

/** A message the relay, or the policy, refused for good: retrying cannot help. */
export class MailRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MailRefused';
  }
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<Accepted>;
}

const SMTP_PORTS: Record<string, number> = { 'smtp:': 587, 'smtps:': 465 };

/** `relayUrl`: smtp://user:pass@host:port (STARTTLS when offered) or smtps://… (TLS from the start). */
export function createMailer(opts: { relayUrl: string; from: string; policy: OutboundPolicy }): Mailer {
  const url = new URL(opts.relayUrl);
  if (!(url.protocol in SMTP_PORTS))
    throw new Error(`SMTP_URL must start with smtp:// or smtps:// (got ${url.protocol})`);
  const host = hostOf(url);
  const port = Number(url.port) || SMTP_PORTS[url.protocol]!;
  return {
    async send(mail) {
      let address: string;
      try {
        address = (await opts.policy.resolve(host, port))[0]!.address;
      } catch (err) {
        if (err instanceof OutboundRefused) throw new MailRefused(err.message);
        throw err;
      }
      const options: SMTPTransport.Options = {
        host: address,
        port,
        secure: url.protocol === 'smtps:',
        tls: { servername: host },
        auth: url.username
          ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
          : undefined,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      };
      const transport = nodemailer.createTransport(options);
      try {
        const info = await transport.sendMail({ from: opts.from, ...mail });
        return { messageId: info.messageId, response: info.response };
      } catch (err) {
        // 5xx: the relay refuses this message for good; anything else (4xx, a dropped
        // connection, a time-out) may pass on a later attempt.
        const code = (err as { responseCode?: number }).responseCode;
        if (code !== undefined && code >= 500) throw new MailRefused((err as Error).message);
        throw err;
      } finally {
        transport.close();
      }
    },
  };
}
