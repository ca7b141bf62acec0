import { describe, expect, it } from 'vitest';
import { RECONNECT_FIRST_MS, RECONNECT_MAX_MS, reconnectDelayMs } from './session-listener.js';

describe('reconnectDelayMs', () => {
  it('doubles from the first wait up to the cap, with at most a fifth taken off', () => {
    expect([1, 2, 3, 4].map((attempt) => reconnectDelayMs(attempt, () => 0))).toEqual([250, 500, 1000, 2000]);
    expect(reconnectDelayMs(1, () => 0)).toBe(RECONNECT_FIRST_MS);
    expect(reconnectDelayMs(50, () => 0)).toBe(RECONNECT_MAX_MS);
    expect(reconnectDelayMs(1000, () => 0.999)).toBeGreaterThanOrEqual(RECONNECT_MAX_MS * 0.8);
  });
});
