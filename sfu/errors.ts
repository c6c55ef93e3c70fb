import type { FieldErrors } from '../domain/errors.js';

/** Stable codes a client can branch on; the message is for humans and logs. */
export type SfuErrorCode =
  | 'invalid_payload'
  | 'not_joined'
  | 'already_joined'
  | 'not_found'
  | 'wrong_direction'
  | 'cannot_consume'
  | 'invalid_state'
  | 'unsupported'
  | 'room_closed'
  | 'internal'
  /** The token's bearer no longer belongs to its room (e.g. the ticket was transferred away). */
  | 'not_participant';

export class SfuError extends Error {
  override readonly name = 'SfuError';
  constructor(
    readonly code: SfuErrorCode,
    message: string,
    /** For invalid_payload: which fields, with the API's field codes. */
    readonly fields?: FieldErrors,
  ) {
    super(message);
  }
}
