import { BadRequestException, NotFoundException, PayloadTooLargeException, ServiceUnavailableException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, RuleViolationError, ValidationFailedError } from './domain-error.js';
import { isDatabaseUnavailable, toProblem } from './problem-details.js';

const pgError = (code: string, detail = '') => Object.assign(new Error('pg'), { code, detail, severity: 'ERROR' });
const queryFailed = (code: string, detail = '') => new QueryFailedError('INSERT ...', [], pgError(code, detail));

describe('toProblem', () => {
  it('maps domain errors by kind, keeping their code, message and field errors', () => {
    const problem = toProblem(new ValidationFailedError([{ field: 'title', message: 'title is required' }]), 'req-1', '/calls');
    expect(problem.body).toEqual({
      type: 'urn:jointcall:problem:validation-failed',
      title: 'Bad Request',
      status: 400,
      detail: 'The request has invalid fields.',
      code: 'VALIDATION_FAILED',
      instance: '/calls',
      requestId: 'req-1',
      errors: [{ field: 'title', message: 'title is required' }],
    });
    expect(toProblem(new NotFoundError('call'), 'r').body.status).toBe(404);
    expect(toProblem(new ConflictError('VERSION_CONFLICT', 'x'), 'r').body).toMatchObject({ status: 409, code: 'VERSION_CONFLICT' });
    expect(toProblem(new RuleViolationError('DEADLINE_PASSED', 'late'), 'r').body).toMatchObject({ status: 422, code: 'DEADLINE_PASSED' });
  });

  it.each([
    ['23505', '', 409, 'UNIQUE_VIOLATION'],
    ['23503', 'Key (call_id)=(x) is not present in table "calls".', 422, 'REFERENCE_NOT_FOUND'],
    ['23503', 'Key (id)=(x) is still referenced from table "applications".', 409, 'REFERENCE_IN_USE'],
    ['22P02', '', 400, 'INVALID_VALUE'],
    ['23514', '', 422, 'CHECK_VIOLATION'],
    ['40001', '', 409, 'CONCURRENT_UPDATE'],
    ['57P01', '', 503, 'DATABASE_UNAVAILABLE'],
    ['08006', '', 503, 'DATABASE_UNAVAILABLE'],
  ])('maps PostgreSQL %s (%s) to %i %s', (sqlstate, detail, status, code) => {
    const problem = toProblem(queryFailed(sqlstate, detail), 'r');
    expect(problem.body).toMatchObject({ status, code });
    expect(problem.body.detail).not.toContain('Key (');
    expect(problem.unexpected).toBe(false);
  });

  it('answers 503 with Retry-After when the database cannot be reached', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(toProblem(refused, 'r')).toMatchObject({ body: { status: 503 }, retryAfterSeconds: 5 });
    expect(toProblem(new Error('timeout exceeded when trying to connect'), 'r').body.status).toBe(503);
    expect(toProblem(new ServiceUnavailableException(), 'r').body.status).toBe(503);
  });

  it('answers 503 when the Unix-domain socket of the database is gone or refuses, but not for any missing file', () => {
    const socket = '/srv/jointcall/.data/socket/.s.PGSQL.5432';
    const gone = Object.assign(new Error(`connect ENOENT ${socket}`), { code: 'ENOENT', syscall: 'connect', address: socket });
    expect(toProblem(gone, 'r')).toMatchObject({ body: { status: 503, code: 'DATABASE_UNAVAILABLE' }, retryAfterSeconds: 5 });
    const refused = Object.assign(new Error(`connect ECONNREFUSED ${socket}`), {
      code: 'ECONNREFUSED',
      syscall: 'connect',
      address: socket,
    });
    expect(toProblem(refused, 'r')).toMatchObject({ body: { status: 503, code: 'DATABASE_UNAVAILABLE' } });
    expect(isDatabaseUnavailable(gone)).toBe(true);
    const missingFile = Object.assign(new Error("ENOENT: no such file or directory, open '/srv/x'"), { code: 'ENOENT', syscall: 'open' });
    expect(toProblem(missingFile, 'r').body.status).toBe(500);
    expect(isDatabaseUnavailable(missingFile)).toBe(false);
  });

  it('maps framework errors: bad JSON 400, too large 413, unknown route 404', () => {
    const badJson = Object.assign(new SyntaxError('Unexpected token'), { statusCode: 400 });
    expect(toProblem(badJson, 'r').body).toMatchObject({ status: 400, code: 'MALFORMED_REQUEST' });
    const tooLarge = Object.assign(new Error('Request body is too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
    expect(toProblem(tooLarge, 'r').body).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(toProblem(new PayloadTooLargeException(), 'r').body.status).toBe(413);
    expect(toProblem(new NotFoundException('Cannot GET /nope'), 'r').body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(toProblem(new BadRequestException('bad'), 'r').body.status).toBe(400);
  });

  it('hides unknown errors behind a generic 500 that quotes the request id', () => {
    const problem = toProblem(new TypeError("Cannot read properties of undefined (reading 'secret')"), 'req-9', '/x');
    expect(problem.unexpected).toBe(true);
    expect(problem.body).toMatchObject({ status: 500, code: 'INTERNAL_ERROR', requestId: 'req-9' });
    expect(JSON.stringify(problem.body)).not.toMatch(/secret|TypeError|at /);
  });
});
