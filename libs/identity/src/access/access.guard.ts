import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingHttpHeaders } from 'node:http';
import { AuthGuard } from '@nestjs/passport';
import { Clock, DomainError, ROUTE_ACCESS, type RouteAccess } from '#platform';
import { AuthService } from '../auth/auth.service.js';
import { bearerToken } from '../auth/jwt.strategy.js';
import { VerifiedTokens } from '../auth/verified-tokens.js';
import type { Principal } from './principal.js';

/**
 * Enforces each route's declaration: public, or a valid access token, with one of the roles if any.
 * A token passport-jwt verified before in this process (VerifiedTokens) is not verified again; its
 * expiry and its session are checked as for any other (AuthService's principalFor).
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly verified: VerifiedTokens,
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [context.getHandler(), context.getClass()]);
    if (access === undefined) throw new Error(`${context.getClass().name}.${context.getHandler().name} has no access declaration`);
    if (access.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<{ headers: IncomingHttpHeaders; user: Principal }>();
    const token = bearerToken(request);
    const claims = token === null ? undefined : this.verified.claimsOf(token, this.clock.now().getTime());
    if (claims === undefined) await super.canActivate(context);
    else request.user = this.handleRequest(undefined, (await this.auth.principalFor(claims)) ?? false);
    const user = request.user;
    if (access.roles.length > 0 && !access.roles.some((role) => user.roles.has(role))) {
      throw new DomainError('forbidden', 'FORBIDDEN', `This needs the role ${access.roles.join(' or ')}.`);
    }
    return true;
  }

  override handleRequest<T>(error: unknown, user: T | false): T {
    // An error here comes from looking the user up (the database is away, say), not from the token:
    // it keeps its own answer (503) rather than becoming a 401 that would sign the client out.
    if (error instanceof Error) throw error;
    if (error || !user) {
      throw new DomainError('unauthenticated', 'UNAUTHENTICATED', 'Sign in: the access token is missing, invalid or expired.');
    }
    return user;
  }
}
