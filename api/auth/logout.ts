// F1/F2: logging out ends the agent's open shift first (desk Offline and free) through the
// shifts API, which refuses — naming the ticket — while a customer is called or attended; only
// then does the session end.
import { DomainError } from '../../domain/errors.js';
import type { ApiDeps } from '../deps.js';
import { endShift } from '../shifts/actions.js';
import type { SessionUser } from './sessions.js';

/** A stuck shift workflow must not hang the log-out button for ever. */
const END_SHIFT_TIMEOUT_MS = 15_000;

export async function endOpenShift(
  deps: Pick<ApiDeps, 'db' | 'temporal' | 'taskQueue'>,
  user: SessionUser,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new DomainError(
            'LogoutFailed',
            {},
            { message: 'Your shift could not be closed just now: try logging out again in a moment.' },
          ),
        ),
      END_SHIFT_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([endShift(deps, user), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
