import { createHash, randomBytes } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { type AppConfig, Clock, DomainError, InjectConfig, JobQueue } from '#platform';
import type { Principal } from '../access/principal.js';
import { AuthRepository, type PrincipalRow, type SessionOfUser } from './auth.repository.js';
import { LOGIN_WINDOW_MS, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, retryAfterSeconds } from './login-throttle.js';
import { withPasswordCheck } from './passwords.js';
import { SessionCache } from './session-cache.js';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;
export const JWT_ISSUER = 'jointcall';
export const JWT_AUDIENCE = 'jointcall-api';

export interface TokenPair {
  readonly tokenType: 'Bearer';
  readonly accessToken: string;
  /** Seconds until the access token expires. */
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly refreshTokenExpiresAt: string;
}

export interface AccessTokenClaims {
  readonly sub: string;
  readonly sid: string;
  readonly iat: number;
  readonly exp: number;
  /** Not issued by this API, but honoured when present: a token is not valid before it. */
  readonly nbf?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class InvalidCredentialsError extends DomainError {
  constructor() {
    super('unauthenticated', 'INVALID_CREDENTIALS', 'The e-mail address or the password is wrong.');
  }
}

class InvalidRefreshTokenError extends DomainError {
  constructor() {
    super('unauthenticated', 'INVALID_REFRESH_TOKEN', 'The refresh token is invalid, expired or already used; sign in again.');
  }
}

class TooManyFailedLoginsError extends DomainError {
  constructor(retryAfter: number) {
    super('rate_limited', 'TOO_MANY_FAILED_LOGINS', 'Too many failed sign-ins; wait before trying again.', [], retryAfter);
  }
}

type Outcome<T> = { readonly ok: T } | { readonly error: DomainError };

/**
 * Sign-in with rotating refresh tokens. Each step runs in one transaction; failures that must be
 * remembered (a failed login, a reused refresh token) are committed before the error is raised.
 */
@Injectable()
export class AuthService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly auth: AuthRepository,
    private readonly jwt: JwtService,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
    private readonly sessions: SessionCache,
  ) {}

  /**
   * Session checks that miss the cache, gathered over one turn of the event loop and sent as one
   * statement: when a surge's first requests all miss at once (a cache entry lives a few seconds),
   * each turn takes one connection of the pool for the lot instead of one for each. Nothing is kept
   * here (SessionCache decides what is kept, and for how long).
   */
  private readonly principals = new DataLoader<SessionOfUser, PrincipalRow | undefined>(
    (sessions) => this.auth.findPrincipals(this.db.manager, sessions),
    { cache: false, maxBatchSize: 500, batchScheduleFn: (send) => setImmediate(send) },
  );

  /** Failed sign-ins older than the window no longer count; an hourly job forgets them. */
  onModuleInit(): void {
    this.jobs.define({ name: 'identity.login-failures-cleanup', cron: '41 * * * *', retryLimit: 0 }, () =>
      this.auth.forgetFailuresBefore(this.db.manager, new Date(this.clock.now().getTime() - LOGIN_WINDOW_MS)),
    );
  }

  /**
   * The password is checked in a hashing turn (withPasswordCheck), taken before the transaction: a
   * crowd signing in at once waits for turns without holding the pool's connections, and holds
   * the memory of at most MAX_CONCURRENT_PASSWORD_HASHES hashes.
   */
  async login(email: string, password: string, clientAddress: string): Promise<TokenPair> {
    const key = email.trim().toLowerCase();
    const outcome = await withPasswordCheck((verifyPassword) =>
      this.db.transaction(async (manager): Promise<Outcome<TokenPair>> => {
        await this.auth.lockAccount(manager, key);
        const now = this.clock.now();
        const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
        const wait = Math.max(
          retryAfterSeconds(await this.auth.limitingFailure(manager, 'email', key, since, MAX_FAILURES_PER_ACCOUNT), now) ?? 0,
          retryAfterSeconds(
            await this.auth.limitingFailure(manager, 'client_address', clientAddress, since, MAX_FAILURES_PER_ADDRESS),
            now,
          ) ?? 0,
        );
        if (wait > 0) return { error: new TooManyFailedLoginsError(wait) };
        const candidate = await this.auth.findLoginCandidate(manager, key);
        const passwordMatches = await verifyPassword(candidate?.passwordHash, password);
        if (!candidate || candidate.disabled || !passwordMatches) {
          await this.auth.recordFailure(manager, key, clientAddress, now, since);
          return { error: new InvalidCredentialsError() };
        }
        const sessionId = await this.auth.createSession(manager, candidate.id, now);
        return { ok: await this.issueTokens(manager, candidate.id, sessionId, now) };
      }),
    );
    return unwrap(outcome);
  }

  /** Exchanges a refresh token for a new pair. A token used twice revokes its whole family. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    let revoked: string | undefined;
    const outcome = await this.db.transaction(async (manager): Promise<Outcome<TokenPair>> => {
      const now = this.clock.now();
      const token = await this.auth.findRefreshTokenForUpdate(manager, hashToken(refreshToken));
      if (!token || token.sessionRevoked || token.userDisabled) return { error: new InvalidRefreshTokenError() };
      if (token.usedAt !== null) {
        await this.auth.revokeSession(manager, token.sessionId, now, 'refresh_token_reuse');
        revoked = token.sessionId;
        return { error: new InvalidRefreshTokenError() };
      }
      if (token.expiresAt.getTime() <= now.getTime()) return { error: new InvalidRefreshTokenError() };
      await this.auth.markRefreshTokenUsed(manager, token.id, now);
      return { ok: await this.issueTokens(manager, token.userId, token.sessionId, now) };
    });
    if (revoked) this.ended(revoked);
    return unwrap(outcome);
  }

  /** Ends the session of the caller's access token: its refresh tokens and access tokens stop working. */
  async logout(principal: Principal): Promise<void> {
    await this.db.transaction((manager) => this.auth.revokeSession(manager, principal.sessionId, this.clock.now(), 'logout'));
    this.ended(principal.sessionId);
  }

  /**
   * Ends the session a refresh token belongs to (the browser's sign-out, which holds only the
   * cookie). An unknown or already revoked token changes nothing: signing out twice is fine.
   */
  async logoutByRefreshToken(refreshToken: string): Promise<void> {
    const sessionId = await this.db.transaction(async (manager) => {
      const token = await this.auth.findRefreshTokenForUpdate(manager, hashToken(refreshToken));
      if (token) await this.auth.revokeSession(manager, token.sessionId, this.clock.now(), 'logout');
      return token?.sessionId;
    });
    if (sessionId) this.ended(sessionId);
  }

  /**
   * The principal behind verified access-token claims, or undefined: expired or not yet valid by our
   * clock, claims of the wrong shape, a revoked session or a disabled user.
   */
  async principalFor(claims: AccessTokenClaims): Promise<Principal | undefined> {
    const now = this.clock.now().getTime();
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return undefined;
    if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf * 1000 > now)) return undefined;
    if (typeof claims.sub !== 'string' || !UUID.test(claims.sub) || typeof claims.sid !== 'string' || !UUID.test(claims.sid)) {
      return undefined;
    }
    // Checked in this process a few seconds ago, and not ended or changed since: the SessionCache
    // answers only while every change that ends a session reaches it (SessionListener).
    const [userId, sessionId] = [claims.sub.toLowerCase(), claims.sid.toLowerCase()];
    const cached = this.sessions.get(sessionId, userId);
    if (cached) return cached;
    return this.sessions.load(sessionId, async () => {
      const row = await this.principals.load({ userId, sessionId });
      return (
        row && {
          id: row.id,
          email: row.email,
          roles: new Set(row.roles),
          organisationId: row.organisationId,
          sessionId,
          lastWriteLsn: row.lastWriteLsn,
        }
      );
    });
  }

  /** After a request of the principal wrote (and committed): from now on their reads that may lag wait for a replica to replay this far. */
  async recordWritePosition(principal: Principal): Promise<void> {
    const lsn = await this.auth.recordWritePosition(this.db.manager, principal.sessionId);
    // This process's copy at once; the other instances' through the notice the statement sent.
    if (lsn !== undefined) this.sessions.noteWrite(principal.sessionId, lsn);
  }

  /**
   * A session ended and committed: this process forgets it at once. The other instances learn it from
   * the notice the revocation sent; this one does not wait for its own.
   */
  private ended(sessionId: string): void {
    this.sessions.apply({ kind: 'session', sessionId });
  }

  private async issueTokens(manager: Parameters<AuthRepository['insertRefreshToken']>[0], userId: string, sessionId: string, now: Date) {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_MS);
    await this.auth.insertRefreshToken(manager, sessionId, hashToken(refreshToken), now, refreshExpiresAt);
    const iat = Math.floor(now.getTime() / 1000);
    const claims: AccessTokenClaims = { sub: userId, sid: sessionId, iat, exp: iat + ACCESS_TOKEN_TTL_SECONDS };
    const accessToken = await this.jwt.signAsync(claims, {
      secret: this.config.secrets.jwtSecret,
      algorithm: 'HS256',
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
    });
    return {
      tokenType: 'Bearer',
      accessToken,
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      refreshToken,
      refreshTokenExpiresAt: refreshExpiresAt.toISOString(),
    } as const;
  }
}

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

function unwrap<T>(outcome: Outcome<T>): T {
  if ('error' in outcome) throw outcome.error;
  return outcome.ok;
}
