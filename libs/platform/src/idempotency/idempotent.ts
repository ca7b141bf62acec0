import { createHash } from 'node:crypto';
import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { ApiConflictResponse, ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, type Observable, of } from 'rxjs';
import { Clock } from '../clock/clock.js';
import { ConflictError, DomainError, RuleViolationError } from '../errors/domain-error.js';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem-details.filter.js';
import { toProblem } from '../errors/problem-details.js';
import { IdempotencyStore } from './idempotency.store.js';

const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * Runs a request with an Idempotency-Key header at most once per caller and key: a retry with the
 * same body gets the stored answer (marked Idempotent-Replayed), another body 422, and a retry while
 * the first is still running 409. Answers to bad requests are stored too; unexpected failures are
 * not, so a retry runs again. Without the header the route runs as usual.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly clock: Clock,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: { id: string } }>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const header = request.headers['idempotency-key'];
    if (header === undefined) return next.handle();
    const key = Array.isArray(header) ? (header[0] ?? '') : header;
    if (!KEY.test(key)) {
      throw new DomainError('invalid_input', 'INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1 to 255 visible ASCII characters.');
    }
    const scope = request.user?.id ?? 'anonymous';
    const hash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${canonicalJson(request.body)}`)
      .digest();
    const claim = await this.store.claim(scope, key, hash, this.clock.now());
    switch (claim.kind) {
      case 'mismatch':
        throw new RuleViolationError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request.');
      case 'in_flight':
        throw new ConflictError('IDEMPOTENCY_KEY_IN_FLIGHT', 'A request with this Idempotency-Key is still running; retry shortly.');
      case 'done':
        void reply.status(claim.status).header('idempotent-replayed', 'true');
        if (claim.status >= 400) void reply.header('content-type', PROBLEM_CONTENT_TYPE);
        return of(claim.body);
      case 'claimed': {
        const status = successStatus(context, request.method);
        return next.handle().pipe(
          mergeMap((body: unknown) => from(this.store.complete(scope, key, status, body, this.clock.now()).then(() => body))),
          catchError((error: unknown) => {
            const problem = toProblem(error, String(request.id), request.url.split('?')[0]);
            const settle =
              problem.unexpected || problem.body.status >= 500
                ? this.store.release(scope, key)
                : this.store.complete(scope, key, problem.body.status, problem.body, this.clock.now());
            return from(settle.then(() => Promise.reject(error as Error)));
          }),
        );
      }
    }
  }
}

/** Marks a route as accepting Idempotency-Key, and documents it. */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry safely: the same key and body give the same answer.' }),
    ApiConflictResponse({ description: 'IDEMPOTENCY_KEY_IN_FLIGHT: the first request with this key is still running.' }),
    ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY_KEY_REUSED: the key was used for another request.' }),
  );
}

function successStatus(context: ExecutionContext, method: string): number {
  const declared = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined;
  return declared ?? (method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
}

/** JSON with object keys sorted, so the same body hashes the same whatever its key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
