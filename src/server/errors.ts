/**
 * The closed catalogue of error codes and their HTTP statuses. Domain code throws AppError;
 * the HTTP layer's one error writer turns it into the documented shape.
 */
export const errorCatalogue = {
  validation_failed: 400,
  malformed_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  not_acceptable: 406,
  conflict: 409,
  idempotency_key_reused: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rule_violated: 422,
  request_closed: 422,
  spam_rejected: 422,
  /** An email to a contact who has no address that works (a thank-you, a report). */
  no_email: 422,
  precondition_required: 428,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
} as const;

/** One code from the catalogue. */
export type ErrorCode = keyof typeof errorCatalogue;

/** A field-level problem: where (dotted path) and what. */
export type ErrorDetail = { path: string; message: string };

/** The one error type the domain and the adapters throw. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = errorCatalogue[code];
  }
}

/** "Not found" — also what a caller sees for another organization's rows. */
export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);

/** A validation error on one field. */
export const invalid = (path: string, message: string): AppError =>
  new AppError('validation_failed', `${path}: ${message}`, [{ path, message }]);
