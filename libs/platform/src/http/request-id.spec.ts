import { describe, expect, it } from 'vitest';
import { requestIdFrom } from './request-id.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdFrom', () => {
  it('keeps a plain caller-supplied id', () => {
    expect(requestIdFrom('lb-7f3a:0001')).toBe('lb-7f3a:0001');
    expect(requestIdFrom(['first', 'second'])).toBe('first');
  });

  it.each([undefined, '', 'has space', 'x'.repeat(129), 'new\nline', '<script>'])('replaces %j with a UUID', (header) => {
    expect(requestIdFrom(header)).toMatch(UUID);
  });
});
