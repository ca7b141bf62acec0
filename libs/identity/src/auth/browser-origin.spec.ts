import { describe, expect, it } from 'vitest';
import { isOwnOrigin } from './browser-origin.js';

describe('isOwnOrigin', () => {
  const own = 'http://127.0.0.1:3000';
  it('accepts the origin of the request and the public URL', () => {
    expect(isOwnOrigin('http://127.0.0.1:3000', own, 'https://jointcall.example.org')).toBe(true);
    expect(isOwnOrigin('https://jointcall.example.org', own, 'https://jointcall.example.org/')).toBe(true);
  });
  it('refuses other origins, a missing one and the opaque one', () => {
    expect(isOwnOrigin('http://evil.example', own, own)).toBe(false);
    expect(isOwnOrigin('http://127.0.0.1:3001', own, own)).toBe(false);
    expect(isOwnOrigin('https://127.0.0.1:3000', own, own)).toBe(false);
    expect(isOwnOrigin(undefined, own, own)).toBe(false);
    expect(isOwnOrigin('null', own, own)).toBe(false);
  });
  it('refuses values that are not a bare origin', () => {
    expect(isOwnOrigin('http://127.0.0.1:3000/path', own, own)).toBe(false);
    expect(isOwnOrigin('not a url', own, own)).toBe(false);
  });
});
