import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseFunderId, normaliseRorId } from '#identity';
import * as web from '../apps/web/src/features/admin/identifiers.js';

/** Strings near the shapes of both identifiers, so that most runs reach the check digits. */
const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZil';
const rorLike = fc
  .tuple(
    fc.constantFrom('', 'https://ror.org/', 'ror.org/', ' '),
    fc.constantFrom('0', '1'),
    fc.string({ unit: fc.constantFrom(...CROCKFORD), minLength: 5, maxLength: 7 }),
    fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0')),
  )
  .map((parts) => parts.join(''));
const funderLike = fc
  .tuple(
    fc.constantFrom('', 'https://doi.org/', 'doi:', 'http://dx.doi.org/'),
    fc.constantFrom('10.13039/', '10.1303/', '10.13039'),
    fc.constantFrom('501100', '100', '5011', ''),
    fc.stringMatching(/^\d{0,8}$/),
  )
  .map((parts) => parts.join(''));

describe('the pages check identifiers as the api does', () => {
  it('ROR IDs: the same answer for the same input', () => {
    fc.assert(
      fc.property(fc.oneof(rorLike, fc.string()), (input) => {
        expect(web.normaliseRorId(input)).toBe(normaliseRorId(input));
      }),
      { numRuns: 2000 },
    );
  });

  it('Open Funder Registry IDs: the same answer for the same input', () => {
    fc.assert(
      fc.property(fc.oneof(funderLike, fc.string()), (input) => {
        expect(web.normaliseFunderId(input)).toBe(normaliseFunderId(input));
      }),
      { numRuns: 2000 },
    );
  });
});
