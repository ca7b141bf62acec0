/**
 * What kind of failure a domain error is. The HTTP status follows from the kind alone, in one
 * place (problem-details.ts); features choose a kind and a stable code, never a status.
 */
export type ErrorKind =
  | 'invalid_input' // 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'payload_too_large' // 413
  | 'precondition_required' // 428
  | 'unsupported_media_type' // 415
  | 'rule_violation' // 422
  | 'rate_limited' // 429
  | 'unavailable'; // 503

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/**
 * A failure the caller can act on. `code` is stable (UPPER_SNAKE_CASE) and part of the API:
 * clients branch on it, so it never changes once published.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly fieldErrors: readonly FieldError[] = [],
    /** Seconds the client should wait before retrying (rate_limited, unavailable). */
    readonly retryAfterSeconds?: number,
    /** Extra members of the problem details, e.g. the current version after a lost update. */
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(what = 'resource') {
    super('not_found', 'NOT_FOUND', `The ${what} does not exist or is not visible to you.`);
  }
}

export class ValidationFailedError extends DomainError {
  constructor(fieldErrors: readonly FieldError[], message = 'The request has invalid fields.') {
    super('invalid_input', 'VALIDATION_FAILED', message, fieldErrors);
  }
}

export class RuleViolationError extends DomainError {
  constructor(code: string, message: string, fieldErrors: readonly FieldError[] = []) {
    super('rule_violation', code, message, fieldErrors);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string) {
    super('conflict', code, message);
  }
}
