// The embedded SMTP receiver (issue 20): what `./ventanilla start` sends mail to when no relay is
// configured, so a new user sees every message without a mail account — in the back office's
// outbox, and as .eml files under DATA_DIR/mail. The tests run the same receiver as their real
// SMTP peer; `onMail` lets them read each message and refuse one as a relay would.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  /** A header's value as received (first occurrence, unfolded), e.g. header(m, 'message-id'). */
  headers: Record<string, string>;
}

/** What a relay answers when it refuses a message: 4xx is "try again later", 5xx is "never". */
export class RelayRefusal extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

export interface MailReceiver {
  port: number;
  close(): Promise<void>;
}

const headersOf = (raw: string): Record<string, string> => {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const out: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    const key = line.slice(0, i).trim().toLowerCase();
    if (i > 0 && !(key in out)) out[key] = line.slice(i + 1).trim();
  }
  return out;
};

export async function startMailReceiver(opts: {
  port: number;
  host?: string;
  /** Where each accepted message is written as an .eml file; none: kept nowhere but `onMail`. */
  dir?: string;
  /** Throws a RelayRefusal to refuse the message (after its data was read, as a relay does). */
  onMail?: (mail: ReceivedMail) => void | Promise<void>;
}): Promise<MailReceiver> {
  if (opts.dir) await fs.mkdir(opts.dir, { recursive: true });
  let n = 0;
  const server = new SMTPServer({
    // A local catcher: no login, no TLS (nothing leaves the machine), any sender and recipient.
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    banner: 'Ventanilla mail receiver',
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail: ReceivedMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          headers: headersOf(raw),
        };
        const accept = async () => {
          await opts.onMail?.(mail);
          if (opts.dir) {
            n += 1;
            await fs.writeFile(path.join(opts.dir, `${Date.now()}-${n}.eml`), raw);
          }
        };
        accept().then(
          () => callback(null, 'Message accepted'),
          (err: unknown) => {
            const e = err instanceof RelayRefusal ? err : new RelayRefusal(451, (err as Error).message);
            callback(Object.assign(new Error(e.message), { responseCode: e.responseCode }));
          },
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
