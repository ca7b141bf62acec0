import type { AccessTokenClaims } from './auth.service.js';

/** Access tokens remembered by one api process at most; past it, the oldest remembered is forgotten first. */
export const VERIFIED_TOKENS_MAX_ENTRIES = 10_000;

/**
 * Access tokens whose signature and claims passport-jwt has verified in this process, by the exact
 * token text, with their claims. A token seen again skips the HMAC and the JSON parsing: the same
 * text verified with the same key and options verifies the same way. Only what verification
 * decides is kept: the expiry and the session are still checked on every request (AuthService's
 * principalFor, against the application clock and the SessionCache), so an expired token or an
 * ended session is refused as before.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, AccessTokenClaims>();

  constructor(private readonly maxEntries = VERIFIED_TOKENS_MAX_ENTRIES) {}

  /** The claims of a token verified before, or undefined. `nowMs`: past the token's expiry, it is forgotten. */
  claimsOf(token: string, nowMs: number): AccessTokenClaims | undefined {
    const claims = this.entries.get(token);
    if (claims !== undefined && (typeof claims.exp !== 'number' || claims.exp * 1000 <= nowMs)) {
      this.entries.delete(token);
      return undefined;
    }
    return claims;
  }

  /** Remembers a token that verification accepted, with its claims. */
  remember(token: string, claims: AccessTokenClaims): void {
    if (this.entries.has(token)) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, claims);
  }

  get size(): number {
    return this.entries.size;
  }
}
