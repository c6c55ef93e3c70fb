// Where mail goes (issue 20): the relay SMTP_URL names, or else the embedded receiver that the
// start command runs on SMTP_PORT. Only that embedded default is let through the outbound policy
// on the operator's behalf; a configured relay on a private address needs OUTBOUND_ALLOW.
import { parseAllowList, type AllowRule } from '../outbound/allow.js';

export interface MailRelay {
  url: string;
  allow: AllowRule[];
}

export function mailRelayOf(c: { SMTP_URL?: string; SMTP_PORT: number; OUTBOUND_ALLOW: AllowRule[] }): MailRelay {
  if (c.SMTP_URL) return { url: c.SMTP_URL, allow: c.OUTBOUND_ALLOW };
  return {
    url: `smtp://127.0.0.1:${c.SMTP_PORT}`,
    allow: [...c.OUTBOUND_ALLOW, ...parseAllowList(`127.0.0.1:${c.SMTP_PORT}`)],
  };
}
