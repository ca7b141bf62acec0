import { describe, expect, it } from 'vitest';
import { prefersMinimal } from './prefer.js';

describe('Prefer: return=minimal', () => {
  it('is asked for in any of the header forms RFC 7240 allows', () => {
    for (const header of [
      'return=minimal',
      'Return=Minimal',
      ' return = "minimal" ',
      'respond-async, return=minimal',
      'return=minimal; x=1',
    ]) {
      expect(prefersMinimal(header), header).toBe(true);
    }
    expect(prefersMinimal(['wait=10', 'return=minimal'])).toBe(true);
  });

  it('is not asked for without the header, with return=representation, or with another preference alone', () => {
    for (const header of [undefined, '', 'return=representation', 'respond-async', 'minimal', 'return', 'return=minimalist']) {
      expect(prefersMinimal(header), String(header)).toBe(false);
    }
  });

  it('takes the first return preference when a client sends two', () => {
    expect(prefersMinimal('return=representation, return=minimal')).toBe(false);
    expect(prefersMinimal('return=minimal, return=representation')).toBe(true);
  });
});
