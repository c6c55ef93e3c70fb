// Message activities (issue 20), built from their dependencies (STYLE 4). Not behind the
// failure taxonomy's stuck reports: a relay that is down for an hour delays messages, it does
// not make the tickets stuck.
import { Context } from '@temporalio/activity';
import type { Db } from '../../db/knex.js';
import { MESSAGE_RETRY, type MessageActivities } from '../../domain/messages.js';
import { loadConfig } from '../../platform/config.js';
import { createMailer } from '../../platform/mail/mailer.js';
import { mailRelayOf } from '../../platform/mail/relay.js';
import { outboundPolicy } from '../../platform/outbound/policy.js';
import { sendTicketMessage, type MessagingDeps } from './send.js';

export type MessagingOptions = Omit<MessagingDeps, 'db' | 'attempt' | 'maxAttempts' | 'policy'> & {
  /** SMS/WhatsApp providers' policy; the configuration's OUTBOUND_ALLOW when not given. */
  policy?: MessagingDeps['policy'];
};

/** The mail relay, links and secret from the configuration (the worker's way; tests pass their own). */
export function messagingFromConfig(env: NodeJS.ProcessEnv = process.env): MessagingOptions {
  const c = loadConfig(env);
  const relay = mailRelayOf(c);
  return {
    mailer: createMailer({ relayUrl: relay.url, from: c.MAIL_FROM, policy: outboundPolicy(relay.allow) }),
    publicUrl: c.publicUrl,
    secret: c.SESSION_SECRET,
    policy: outboundPolicy(c.OUTBOUND_ALLOW),
  };
}

export function createMessageActivities(deps: { db: Db; messaging?: MessagingOptions }) {
  const options = deps.messaging ?? messagingFromConfig();
  const full: MessagingDeps = {
    ...options,
    policy: options.policy ?? outboundPolicy([]),
    db: deps.db,
    attempt: () => Context.current().info.attempt,
    maxAttempts: MESSAGE_RETRY.maximumAttempts,
  };
  return {
    sendTicketMessage: (req) => sendTicketMessage(full, req),
  } satisfies MessageActivities;
}
