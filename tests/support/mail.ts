// A real SMTP receiver for tests (the embedded one the start command runs), recording what it
// accepted and able to refuse a message as a relay would.
import { startMailReceiver, type ReceivedMail, RelayRefusal } from '../../platform/mail/receiver.js';
import { createMailer } from '../../platform/mail/mailer.js';
import { parseAllowList } from '../../platform/outbound/allow.js';
import { outboundPolicy } from '../../platform/outbound/policy.js';
import type { MessagingOptions } from '../../activities/messages/index.js';

export interface TestMailbox {
  port: number;
  received: ReceivedMail[];
  /** Messages refused so far, by the X-Ventanilla-Message kind. */
  refused: string[];
  /** Refuse the next message of this kind with this SMTP code (4xx: try later; 5xx: never). */
  refuseNext(kind: string, code: number): void;
  /** The messages of one kind accepted so far. */
  ofKind(kind: string): ReceivedMail[];
  messaging(extra?: Partial<MessagingOptions>): MessagingOptions;
  close(): Promise<void>;
}

export const TEST_SECRET = 'test-session-secret-0123456789';

export async function createTestMailbox(): Promise<TestMailbox> {
  const received: ReceivedMail[] = [];
  const refused: string[] = [];
  const toRefuse = new Map<string, number>();
  const receiver = await startMailReceiver({
    port: 0,
    onMail: (m) => {
      const kind = m.headers['x-ventanilla-message'] ?? '';
      const code = toRefuse.get(kind);
      if (code) {
        toRefuse.delete(kind);
        refused.push(kind);
        throw new RelayRefusal(code, `refused by the test (${code})`);
      }
      received.push(m);
    },
  });
  const relayUrl = `smtp://127.0.0.1:${receiver.port}`;
  return {
    port: receiver.port,
    received,
    refused,
    refuseNext: (kind, code) => void toRefuse.set(kind, code),
    ofKind: (kind) => received.filter((m) => m.headers['x-ventanilla-message'] === kind),
    messaging: (extra = {}) => ({
      mailer: createMailer({
        relayUrl,
        from: 'Ventanilla <no-reply@ventanilla.test>',
        policy: outboundPolicy(parseAllowList(`127.0.0.1:${receiver.port}`)),
      }),
      publicUrl: 'http://localhost:3000',
      secret: TEST_SECRET,
      ...extra,
    }),
    close: () => receiver.close(),
  };
}

/** A text/plain body as sent (quoted-printable undone), for reading its links. */
export function bodyOf(m: ReceivedMail): string {
  const [, ...rest] = m.raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (!/quoted-printable/i.test(m.headers['content-transfer-encoding'] ?? m.raw)) return body;
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}
