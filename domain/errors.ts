// Stable error codes. Workflows raise them as ApplicationFailure types; the API maps them to HTTP.

export const ERROR_STATUS = {
  IllegalTransition: 409,
  Conflict: 409,
  NotFound: 404,
  Forbidden: 403,
  Unauthorized: 401,
  Validation: 400,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
