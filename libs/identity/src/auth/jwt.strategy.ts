import { createSecretKey } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { type AppConfig, InjectConfig } from '#platform';
import type { Principal } from '../access/principal.js';
import { type AccessTokenClaims, AuthService, JWT_AUDIENCE, JWT_ISSUER } from './auth.service.js';
import { VerifiedTokens } from './verified-tokens.js';

/** The bearer token of a request's Authorization header, or null. */
export const bearerToken = ExtractJwt.fromAuthHeaderAsBearerToken();

/**
 * Bearer access tokens (HS256). Expiry is checked against the application clock rather than the
 * library's, so tests can move time; the user and the session are checked for every request (in
 * PostgreSQL, or in the process's SessionCache, which every revocation reaches at once), so a
 * logout, a revoked family or a disabled account takes effect at once. A token it accepts is
 * remembered (VerifiedTokens), so that AccessGuard verifies it only once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @InjectConfig() config: AppConfig,
    private readonly auth: AuthService,
    private readonly verified: VerifiedTokens,
  ) {
    super({
      jwtFromRequest: bearerToken,
      passReqToCallback: true,
      // A KeyObject: given a string, jsonwebtoken first tries (and fails) to read it as a public key
      // on every verification, which cost a sixth of the api's CPU under load.
      secretOrKey: createSecretKey(Buffer.from(config.secrets.jwtSecret, 'utf8')) as unknown as Buffer,
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: true,
    });
  }

  async validate(request: { headers: IncomingHttpHeaders }, claims: AccessTokenClaims): Promise<Principal | false> {
    const principal = await this.auth.principalFor(claims);
    if (principal === undefined) return false;
    const token = bearerToken(request);
    if (token !== null) this.verified.remember(token, claims);
    return principal;
  }
}
