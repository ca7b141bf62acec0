import { applyDecorators, type ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { AppConfig, RateLimitSettings } from '../config/app-config.js';
import { DomainError } from '../errors/domain-error.js';
import type { RateLimitStore } from './rate-limit.store.js';

/** The kinds of expensive routes; each kind has its own limit in the configuration (RATE_LIMIT_*). */
export type RateLimitKind = keyof RateLimitSettings;

const RATE_LIMIT_KIND = 'jointcall:rate-limit-kind';

export class RateLimitedError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super('rate_limited', 'RATE_LIMITED', 'Too many requests of this kind; wait before trying again.', [], retryAfterSeconds);
  }
}

/**
 * Counts this route against the caller's limit of its kind (per signed-in user, across every api
 * instance); past the limit it answers 429 RATE_LIMITED with Retry-After. Routes of one kind share
 * the limit. Put it on authenticated routes: the access guard runs first and names the user.
 */
export function RateLimited(kind: RateLimitKind): MethodDecorator {
  return applyDecorators(
    SetMetadata(RATE_LIMIT_KIND, kind),
    UseGuards(RateLimitGuard),
    ApiTooManyRequestsResponse({ description: `RATE_LIMITED: too many requests of this kind (${kind}) by you; see Retry-After.` }),
  );
}

function kindOf(context: ExecutionContext): RateLimitKind | undefined {
  return Reflect.getMetadata(RATE_LIMIT_KIND, context.getHandler()) as RateLimitKind | undefined;
}

/** The throttler's options: one named throttler per kind, applied only to the routes of that kind. */
export function rateLimitOptions(config: Pick<AppConfig, 'rateLimits'>, storage: RateLimitStore): ThrottlerModuleOptions {
  const kinds = Object.keys(config.rateLimits) as RateLimitKind[];
  return {
    storage,
    // Retry-After goes out with the problem details; the library's own header would carry the throttler's name.
    setHeaders: false,
    throttlers: kinds.map((kind) => ({
      name: kind,
      limit: config.rateLimits[kind].limit,
      ttl: config.rateLimits[kind].windowSeconds * 1000,
      skipIf: (context: ExecutionContext) => kindOf(context) !== kind,
    })),
  };
}

/** What the guard reads of a request: the user the access guard put there, else the address. */
interface TrackedRequest {
  readonly user?: { readonly id?: unknown };
  readonly ip?: unknown;
}

/** @nestjs/throttler's guard, keyed by user and kind, raising the problem-details error of the API. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override getTracker(request: TrackedRequest): Promise<string> {
    const id = request.user?.id;
    return Promise.resolve(typeof id === 'string' ? `user:${id}` : `address:${String(request.ip)}`);
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, kind: string): string {
    return `${kind}:${tracker}`;
  }

  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new RateLimitedError(Math.max(1, detail.timeToBlockExpire));
  }
}
