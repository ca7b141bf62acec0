import { HttpException } from '@nestjs/common';
import { DomainError, type ErrorKind, type FieldError } from './domain-error.js';

/** RFC 9457 problem details, with the stable `code` and the request id this API adds. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly instance?: string;
  readonly requestId: string;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

export interface Problem {
  readonly body: ProblemDetails;
  readonly retryAfterSeconds?: number;
  /** Unexpected failures are logged with their stack; expected ones are not. */
  readonly unexpected: boolean;
}

interface Classified {
  readonly kind: ErrorKind | 'internal';
  readonly code: string;
  readonly detail: string;
  readonly errors?: readonly FieldError[];
  readonly retryAfterSeconds?: number;
  readonly extensions?: Readonly<Record<string, unknown>>;
}

const STATUS: Readonly<Record<ErrorKind | 'internal', number>> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  precondition_required: 428,
  unsupported_media_type: 415,
  rule_violation: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

const TITLE: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Turns anything thrown while serving a request into the problem to answer. The one mapping. */
export function toProblem(error: unknown, requestId: string, instance?: string): Problem {
  const classified = classify(error);
  const status = STATUS[classified.kind];
  return {
    body: {
      type: `urn:jointcall:problem:${classified.code.toLowerCase().replace(/_/g, '-')}`,
      title: TITLE[status] ?? 'Error',
      status,
      detail: classified.detail,
      code: classified.code,
      ...(instance === undefined ? {} : { instance }),
      requestId,
      ...(classified.errors && classified.errors.length > 0 ? { errors: classified.errors } : {}),
      ...classified.extensions,
    },
    ...(classified.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: classified.retryAfterSeconds }),
    unexpected: classified.kind === 'internal',
  };
}

function classify(error: unknown): Classified {
  if (error instanceof DomainError) {
    return {
      kind: error.kind,
      code: error.code,
      detail: error.message,
      errors: error.fieldErrors,
      extensions: error.extensions,
      ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
    };
  }
  if (error instanceof HttpException) return fromHttpException(error);
  return fromDatabaseError(error) ?? fromFrameworkError(error) ?? internal();
}

function fromHttpException(error: HttpException): Classified {
  const status = error.getStatus();
  switch (status) {
    case 400: // our own validation raises DomainErrors; a 400 HttpException comes from parsing
      return { kind: 'invalid_input', code: 'MALFORMED_REQUEST', detail: error.message };
    case 401:
      return { kind: 'unauthenticated', code: 'UNAUTHENTICATED', detail: 'Sign in to use this route.' };
    case 403:
      return { kind: 'forbidden', code: 'FORBIDDEN', detail: 'Your roles do not allow this.' };
    case 404:
      return { kind: 'not_found', code: 'NOT_FOUND', detail: 'There is nothing here.' };
    case 413:
      return { kind: 'payload_too_large', code: 'PAYLOAD_TOO_LARGE', detail: 'The request body is too large.' };
    case 415:
      return { kind: 'unsupported_media_type', code: 'UNSUPPORTED_MEDIA_TYPE', detail: error.message };
    case 429:
      return { kind: 'rate_limited', code: 'RATE_LIMITED', detail: 'Too many requests; retry later.' };
    case 503:
      return {
        kind: 'unavailable',
        code: 'SERVICE_UNAVAILABLE',
        detail: 'The service is not ready; retry shortly.',
        retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
      };
    default:
      return status >= 500 ? internal() : { kind: 'invalid_input', code: 'MALFORMED_REQUEST', detail: error.message };
  }
}

/** Whether an error means the database could not be reached, dropped the connection or cannot serve now (a 503). */
export function isDatabaseUnavailable(error: unknown): boolean {
  return fromDatabaseError(error)?.code === 'DATABASE_UNAVAILABLE';
}

/** PostgreSQL errors by SQLSTATE, and lost connections, without echoing values or SQL. */
function fromDatabaseError(error: unknown): Classified | undefined {
  const driver = databaseCause(error);
  if (driver === undefined) return undefined;
  const { code, detail = '' } = driver;
  const unavailable: Classified = {
    kind: 'unavailable',
    code: 'DATABASE_UNAVAILABLE',
    detail: 'The database is unavailable; retry shortly.',
    retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
  };
  if (code === undefined) return unavailable;
  switch (code) {
    case '23505':
      return { kind: 'conflict', code: 'UNIQUE_VIOLATION', detail: 'A record with the same unique values already exists.' };
    case '23503':
      return detail.includes('still referenced')
        ? { kind: 'conflict', code: 'REFERENCE_IN_USE', detail: 'The record is still referenced by others.' }
        : { kind: 'rule_violation', code: 'REFERENCE_NOT_FOUND', detail: 'A referenced record does not exist.' };
    case '23514':
      return { kind: 'rule_violation', code: 'CHECK_VIOLATION', detail: 'The values break a rule of the record.' };
    case '23502':
    case '22P02':
    case '22001':
    case '22003':
    case '22007':
    case '22008':
    case '22023':
    case '22021': // character_not_in_repertoire: NUL in text
    case '22P05': // untranslatable_character: NUL in jsonb
      return { kind: 'invalid_input', code: 'INVALID_VALUE', detail: 'A value has the wrong form or is out of range.' };
    case '40001':
    case '40P01':
      return { kind: 'conflict', code: 'CONCURRENT_UPDATE', detail: 'A concurrent change got there first; retry.' };
    case '53300':
    case '57014':
    case '57P01':
    case '57P02':
    case '57P03':
      return unavailable;
    default:
      return code.startsWith('08') ? unavailable : undefined;
  }
}

interface DriverError {
  readonly code?: string;
  readonly detail?: string;
}

const CONNECTION_FAILURES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection terminated unexpectedly',
];

function databaseCause(error: unknown): DriverError | undefined {
  if (!isObject(error)) return undefined;
  const driverError = isObject(error['driverError']) ? error['driverError'] : error;
  const code = driverError['code'];
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && 'severity' in driverError) {
    return { code, detail: typeof driverError['detail'] === 'string' ? driverError['detail'] : '' };
  }
  const message = typeof driverError['message'] === 'string' ? driverError['message'] : '';
  // A Unix-domain socket whose server is not running: its file is gone (ENOENT), or left behind (ECONNREFUSED, above).
  const socketGone = code === 'ENOENT' && driverError['syscall'] === 'connect';
  const isConnectionFailure =
    socketGone ||
    CONNECTION_FAILURES.some((marker) => message.includes(marker) || code === marker) ||
    (error instanceof Error && error.name === 'CannotConnectAlreadyConnectedError');
  return isConnectionFailure ? {} : undefined;
}

/** Errors Fastify raises before a route runs: body parsing, media types, sizes. */
function fromFrameworkError(error: unknown): Classified | undefined {
  if (!isObject(error)) return undefined;
  const statusCode = error['statusCode'];
  const code = typeof error['code'] === 'string' ? error['code'] : '';
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || statusCode === 413) {
    return { kind: 'payload_too_large', code: 'PAYLOAD_TOO_LARGE', detail: 'The request body is too large.' };
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || statusCode === 415) {
    return { kind: 'unsupported_media_type', code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'Send JSON (application/json).' };
  }
  if (error instanceof SyntaxError || code.includes('JSON')) {
    return { kind: 'invalid_input', code: 'MALFORMED_REQUEST', detail: 'The request body is not valid JSON.' };
  }
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return { kind: 'invalid_input', code: 'MALFORMED_REQUEST', detail: 'The request is malformed.' };
  }
  return undefined;
}

function internal(): Classified {
  return {
    kind: 'internal',
    code: 'INTERNAL_ERROR',
    detail: 'An unexpected error occurred. Quote the request id when you report it.',
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
