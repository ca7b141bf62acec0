import { describe, expect, it } from 'vitest';
import { ManualClock, SystemClock, wholeSeconds } from './clock.js';

describe('clocks', () => {
  it('a manual clock stands still and moves only when told', () => {
    const clock = new ManualClock('2026-03-31T14:59:59Z');
    expect(clock.now().toISOString()).toBe('2026-03-31T14:59:59.000Z');
    clock.advance(1000);
    expect(clock.now().toISOString()).toBe('2026-03-31T15:00:00.000Z');
    clock.set('2027-01-01T00:00:00+09:00');
    expect(clock.now().toISOString()).toBe('2026-12-31T15:00:00.000Z');
  });

  it('returns a fresh Date each time, so callers cannot move the clock by mutation', () => {
    const clock = new ManualClock('2026-01-01T00:00:00Z');
    clock.now().setFullYear(1999);
    expect(clock.now().getUTCFullYear()).toBe(2026);
  });

  it('recorded instants are cut to the whole second, before 1970 too', () => {
    expect(wholeSeconds(new Date('2027-05-02T00:00:07.891Z')).toISOString()).toBe('2027-05-02T00:00:07.000Z');
    expect(wholeSeconds(new Date('2027-05-02T00:00:07Z')).toISOString()).toBe('2027-05-02T00:00:07.000Z');
    expect(wholeSeconds(new Date('1969-12-31T23:59:59.500Z')).toISOString()).toBe('1969-12-31T23:59:59.000Z');
  });

  it('the system clock follows real time', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
