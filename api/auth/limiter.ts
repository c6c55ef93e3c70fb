// The login limiter (issue 13). Its memory is the login_attempts table, so every API process
// counts against the same budgets:
// - per account: ten tries a minute on one normalised e-mail (the login schema trims,
//   NFC-normalises and lower-cases it, so " Ana@X " and "ana@x" are one account). A try is
//   written before its password is checked, so parallel guesses count too;
// - per client address (IPv6 grouped by /56): thirty failures in ten minutes across all e-mails,
//   against password spraying. Successes cost nothing here, so an office behind one address
//   logging in at opening time is never held back.
import { ipKeyGenerator } from 'express-rate-limit';
import type { Db } from '../../db/knex.js';

export const LOGIN_LIMITS = {
  email: { max: 10, windowMs: 60_000 },
  address: { max: 30, windowMs: 10 * 60_000 },
} as const;
const KEEP_MS = Math.max(LOGIN_LIMITS.email.windowMs, LOGIN_LIMITS.address.windowMs);

export interface LoginAttempt {
  succeeded(): Promise<void>;
  failed(): Promise<void>;
}
export type AttemptOrWait = { attempt: LoginAttempt } | { retryAfterS: number };

/** Counts this try; answers how long to wait instead when a budget is spent. */
export async function beginLoginAttempt(db: Db, email: string, ip: string | undefined): Promise<AttemptOrWait> {
  const address = ipKeyGenerator(ip ?? '');
  const [mine] = (await db('login_attempts').insert({ email_key: email, address_key: address }).returning('id')) as {
    id: string;
  }[];
  const { email: e, address: a } = LOGIN_LIMITS;
  const row = (await db('login_attempts')
    .where((w) => w.where('email_key', email).orWhere('address_key', address))
    .andWhere('at', '>', db.raw(`now() - make_interval(secs => ?)`, [KEEP_MS / 1000]))
    .first(
      db.raw(`count(*) filter (where email_key = ? and at > now() - make_interval(secs => ?)) as by_email`, [
        email,
        e.windowMs / 1000,
      ]),
      db.raw(`min(at) filter (where email_key = ? and at > now() - make_interval(secs => ?)) as email_since`, [
        email,
        e.windowMs / 1000,
      ]),
      db.raw(
        `count(*) filter (where address_key = ? and failed and at > now() - make_interval(secs => ?)) as by_address`,
        [address, a.windowMs / 1000],
      ),
      db.raw(
        `min(at) filter (where address_key = ? and failed and at > now() - make_interval(secs => ?)) as address_since`,
        [address, a.windowMs / 1000],
      ),
      db.raw('now() as now'),
    )) as { by_email: string; email_since: Date | null; by_address: string; address_since: Date | null; now: Date };
  const forget = () => db('login_attempts').where({ id: mine!.id }).delete();
  // The oldest counted try leaving the window frees the first slot.
  const waitFrom = (since: Date | null, windowMs: number) =>
    Math.max(1, Math.ceil(((since?.getTime() ?? row.now.getTime()) + windowMs - row.now.getTime()) / 1000));
  if (Number(row.by_email) > e.max || Number(row.by_address) >= a.max) {
    await forget(); // a refused try checks no password: it does not extend the wait
    return {
      retryAfterS: Math.max(
        Number(row.by_email) > e.max ? waitFrom(row.email_since, e.windowMs) : 0,
        Number(row.by_address) >= a.max ? waitFrom(row.address_since, a.windowMs) : 0,
      ),
    };
  }
  return {
    attempt: {
      succeeded: async () => {
        await forget();
      },
      failed: async () => {
        await db('login_attempts').where({ id: mine!.id }).update({ failed: true });
        await db('login_attempts')
          .where('at', '<', db.raw(`now() - make_interval(secs => ?)`, [KEEP_MS / 1000]))
          .delete();
      },
    },
  };
}
