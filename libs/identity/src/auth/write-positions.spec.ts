import { describe, expect, it } from 'vitest';
import { isMutatingMethod } from './write-positions.js';

describe('isMutatingMethod', () => {
  it('counts the methods that may write, and nothing else', () => {
    expect(['POST', 'PUT', 'PATCH', 'DELETE'].map(isMutatingMethod)).toEqual([true, true, true, true]);
    expect(['GET', 'HEAD', 'OPTIONS', undefined, 'post'].map(isMutatingMethod)).toEqual([false, false, false, false, false]);
  });
});
