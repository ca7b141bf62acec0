import { describe, expect, it } from 'vitest';
import { LOGIN_WINDOW_MS, retryAfterSeconds } from './login-throttle.js';

describe('login throttle', () => {
  const now = new Date('2026-04-01T12:00:00Z');

  it('allows while the limit is not reached', () => {
    expect(retryAfterSeconds(undefined, now)).toBeUndefined();
  });

  it('asks to wait until the limiting failure leaves the hour', () => {
    expect(retryAfterSeconds(new Date(now.getTime() - 10 * 60 * 1000), now)).toBe(50 * 60);
    expect(retryAfterSeconds(new Date(now.getTime() - LOGIN_WINDOW_MS + 1500), now)).toBe(2);
  });

  it('allows once the limiting failure is an hour old', () => {
    expect(retryAfterSeconds(new Date(now.getTime() - LOGIN_WINDOW_MS), now)).toBeUndefined();
  });
});
