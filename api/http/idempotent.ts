// Idempotency-Key for POST routes: the first request with a key runs and its answer is stored
// (idempotency_keys, per user); a repeat gets the stored answer and runs nothing. A repeat that
// arrives while the first still runs gets 409 (retry later); the same key with another body, 422.
import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Db } from '../../db/knex.js';
import { DomainError, errorBody } from '../../domain/errors.js';
import { badIdempotencyKey, IDEMPOTENCY_KEY } from './idempotency.js';
import type { Logger } from '../../platform/logger.js';

const IN_PROGRESS = 0;

interface Stored {
  fingerprint: string;
  body: unknown;
}

export function idempotent(db: Db, log: Logger): RequestHandler {
  return (req, res, next) => {
    const key = req.header('Idempotency-Key');
    if (key === undefined) return next();
    if (!IDEMPOTENCY_KEY.test(key)) return next(badIdempotencyKey());
    const userId = res.locals.user.id;
    const fingerprint = createHash('sha256')
      .update(`${req.method} ${req.originalUrl} ${JSON.stringify(req.body ?? null)}`)
      .digest('hex');
    claim(db, userId, key, fingerprint).then((previous) => {
      if (previous) return replay(previous, fingerprint, res, next);
      capture(db, log, userId, key, fingerprint, res);
      next();
    }, next);
  };
}

/** Inserts the key as in progress; returns the stored row when the key was already used. */
async function claim(
  db: Db,
  userId: number,
  key: string,
  fingerprint: string,
): Promise<{ status: number; response: Stored } | undefined> {
  const inserted = await db('idempotency_keys')
    .insert({ user_id: userId, key, status: IN_PROGRESS, response: JSON.stringify({ fingerprint, body: null }) })
    .onConflict(['user_id', 'key'])
    .ignore()
    .returning('key');
  if (inserted.length) return undefined;
  return db('idempotency_keys').where({ user_id: userId, key }).first('status', 'response');
}

function replay(
  previous: { status: number; response: Stored },
  fingerprint: string,
  res: Parameters<RequestHandler>[1],
  next: Parameters<RequestHandler>[2],
): void {
  if (previous.response.fingerprint !== fingerprint) {
    // 422, as the Idempotency-Key draft (IETF httpapi) asks, rather than the class's 400.
    res
      .status(422)
      .json(
        errorBody(
          new DomainError(
            'IdempotencyKeyReused',
            {},
            { message: 'This Idempotency-Key was used for a different request: use a new key.' },
          ),
        ),
      );
    return;
  }
  if (previous.status === IN_PROGRESS)
    return next(
      new DomainError(
        'IdempotencyInFlight',
        {},
        { message: 'The first request with this Idempotency-Key is still running: retry in a moment.' },
      ),
    );
  res.setHeader('Idempotent-Replayed', 'true');
  res.status(previous.status).json(previous.response.body);
}

/**
 * Stores the answer before it is sent, so a repeat that follows the answer always finds it.
 * A 5xx (or a non-JSON answer) frees the key so the client may retry.
 */
function capture(
  db: Db,
  log: Logger,
  userId: number,
  key: string,
  fingerprint: string,
  res: Parameters<RequestHandler>[1],
): void {
  const send = res.json.bind(res);
  const row = () => db('idempotency_keys').where({ user_id: userId, key });
  let stored = false;
  res.json = (body: unknown) => {
    stored = true;
    const write =
      res.statusCode >= 500
        ? row().delete()
        : row().update({ status: res.statusCode, response: JSON.stringify({ fingerprint, body }) });
    write.then(
      () => send(body),
      (err: unknown) => {
        log.error({ err }, 'could not store the idempotent answer');
        send(body);
      },
    );
    return res;
  };
  res.once('finish', () => {
    if (!stored)
      row()
        .delete()
        .catch((err: unknown) => log.error({ err }, 'could not free an idempotency key'));
  });
}
