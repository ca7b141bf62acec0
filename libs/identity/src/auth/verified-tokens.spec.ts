import { describe, expect, it } from 'vitest';
import type { AccessTokenClaims } from './auth.service.js';
import { VerifiedTokens } from './verified-tokens.js';

const claims = (exp: number): AccessTokenClaims => ({ sub: 'u', sid: 's', exp }) as AccessTokenClaims;

describe('VerifiedTokens', () => {
  it('answers the claims of a token remembered, by its exact text, until the token expires', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('a.b.c', claims(100));
    expect(tokens.claimsOf('a.b.c', 99_000)).toEqual(claims(100));
    expect(tokens.claimsOf('a.b.C', 99_000)).toBeUndefined();
    expect(tokens.claimsOf('a.b.c', 100_000)).toBeUndefined();
    // Forgotten once expired, even if the clock goes back.
    expect(tokens.claimsOf('a.b.c', 1_000)).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('keeps at most its limit, forgetting the oldest first', () => {
    const tokens = new VerifiedTokens(2);
    tokens.remember('t1', claims(100));
    tokens.remember('t2', claims(100));
    tokens.remember('t3', claims(100));
    expect(tokens.size).toBe(2);
    expect(tokens.claimsOf('t1', 0)).toBeUndefined();
    expect(tokens.claimsOf('t2', 0)).toBeDefined();
    expect(tokens.claimsOf('t3', 0)).toBeDefined();
  });

  it('never keeps claims without a numeric expiry', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('t', { sub: 'u', sid: 's' } as AccessTokenClaims);
    expect(tokens.claimsOf('t', 0)).toBeUndefined();
  });
});
