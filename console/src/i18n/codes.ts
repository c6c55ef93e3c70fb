// Every code the console words, as types: the dictionaries' `errors` and `next` sections must
// hold exactly these (tsc says which is missing; tests/i18n-errors.test.ts checks it at run time).
// Relative paths rather than @domain: tests/i18n-errors.test.ts type-checks these dictionaries
// under the server's tsconfig, which has no @domain alias. sfu/errors.ts is plain TypeScript
// with no Node imports, so its codes are read from their one declaration.
import type { ErrorCode, FieldCode } from '../../../domain/errors';
import type { NextCode } from '../../../domain/queue-order';
import type { SfuErrorCode } from '../../../sfu/errors';

/**
 * Failures the console words that no server code covers: an unknown code or a failure that is
 * not a refusal, the network, the browser's camera and microphone, the SFU refusing the
 * connection itself (`unauthorized`, sfu/signalling/attach.ts), and steps the screen refuses.
 */
export type UiErrorCode =
  'unknown' | 'network' | 'unauthorized' | 'media_denied' | 'media_missing' | 'media_busy' | 'customer_not_joined';

export type ErrorTextCode = ErrorCode | FieldCode | SfuErrorCode | UiErrorCode;
export type { NextCode };
