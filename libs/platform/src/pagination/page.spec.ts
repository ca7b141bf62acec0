import { describe, expect, it } from 'vitest';
import { ValidationFailedError } from '../errors/domain-error.js';
import { decodeCursor, encodeCursor, toPage } from './page.js';

describe('keyset pages', () => {
  it('round-trips a cursor', () => {
    const cursor = encodeCursor(['Osaka University', '0b9c…', 3]);
    expect(decodeCursor(cursor, 3)).toEqual(['Osaka University', '0b9c…', 3]);
  });

  it.each(['not base64 json', encodeCursor(['a']), Buffer.from('{"a":1}').toString('base64url'), encodeCursor([{ x: 1 } as never, 'b'])])(
    'refuses a cursor it did not issue (%s) as bad input on the cursor field',
    (cursor) => {
      expect(() => decodeCursor(cursor, 2)).toThrow(ValidationFailedError);
    },
  );

  it('uses the extra row only to know that a next page exists', () => {
    const rows = [1, 2, 3].map((n) => ({ n }));
    const page = toPage(
      rows,
      2,
      (r) => [r.n],
      (r) => r.n * 10,
    );
    expect(page.items).toEqual([10, 20]);
    expect(decodeCursor(page.nextCursor ?? '', 1)).toEqual([2]);
    expect(
      toPage(
        rows,
        3,
        (r) => [r.n],
        (r) => r.n,
      ).nextCursor,
    ).toBeNull();
  });
});
