// Issue 20: SMS and WhatsApp through one provider contract (README, "Customer messages"): a JSON
// POST to the entity's provider URL with a bearer token and an idempotency key; a 2xx answer
// names the provider's message id. The URL obeys the outbound policy as webhooks do: resolved
// and checked before each call, and the socket pinned to the checked address (no second lookup,
// no redirects, no proxy). A provider that honours Idempotency-Key makes a retry after a lost
// answer harmless; one that does not may send it twice (the same window as the mail relay's).
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { defaultPort, hostOf, OutboundRefused, type OutboundPolicy } from '../outbound/policy.js';

export interface ProviderMessage {
  channel: 'sms' | 'whatsapp';
  to: string;
  text: string;
  /** Stable per message: the Idempotency-Key header and the body's reference. */
  reference: string;
}

/** Refused for good (the policy, or a 4xx other than 408/429): retrying cannot help. */
export class ProviderRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProviderRefused';
  }
}

export interface Provider {
  url: string;
  token: string;
}

const MAX_ANSWER = 64 * 1024;

export async function sendViaProvider(
  policy: OutboundPolicy,
  provider: Provider,
  m: ProviderMessage,
  timeoutMs = 15_000,
): Promise<{ id: string }> {
  const url = new URL(provider.url);
  let addresses;
  try {
    addresses = await policy.resolve(hostOf(url), defaultPort(url));
  } catch (err) {
    if (err instanceof OutboundRefused) throw new ProviderRefused(err.message);
    throw err;
  }
  const lookup: LookupFunction = (_h, o, cb) =>
    o.all ? cb(null, addresses) : cb(null, addresses[0]!.address, addresses[0]!.family);
  const body = JSON.stringify({ channel: m.channel, to: m.to, text: m.text, reference: m.reference });
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = (url.protocol === 'https:' ? https : http).request(
      {
        protocol: url.protocol,
        hostname: hostOf(url),
        port: defaultPort(url),
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${provider.token}`,
          'idempotency-key': m.reference,
          'content-length': String(Buffer.byteLength(body)),
        },
        lookup,
        agent: false,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
          if (text.length > MAX_ANSWER) res.destroy(new Error('provider answer too long'));
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
  if (status >= 200 && status < 300) {
    const id = (() => {
      try {
        return (JSON.parse(text) as { id?: unknown }).id;
      } catch {
        return undefined;
      }
    })();
    if (typeof id !== 'string' || !id) throw new ProviderRefused(`provider answered ${status} without an "id"`);
    return { id };
  }
  if (status >= 400 && status < 500 && status !== 408 && status !== 429)
    throw new ProviderRefused(`provider refused the message: ${status} ${text.slice(0, 200)}`);
  throw new Error(`provider answered ${status}`); // retried with back-off
}
