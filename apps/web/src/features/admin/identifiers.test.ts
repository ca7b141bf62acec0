import { describe, expect, it } from 'vitest';
import { normaliseFunderId, normaliseRorId } from './identifiers';

// The same cases as the api's own tests of these rules (libs/identity/src/identifiers/identifiers.spec.ts).
describe('ROR IDs', () => {
  it.each(['057zh3y96', '035t8zc32', '02kpeqv85', '01dq60k83', '042nb2s44', '02en5vm52', '00097mb19', '021nxhr62'])(
    'accepts the real ROR ID %s',
    (id) => {
      expect(normaliseRorId(id)).toBe(id);
    },
  );

  it('accepts the URL form and normalises case', () => {
    expect(normaliseRorId('https://ror.org/057ZH3Y96')).toBe('057zh3y96');
  });

  it.each([
    ['057zh3y97', 'wrong check digits'],
    ['157zh3y96', 'must start with 0'],
    ['057zh3yi6', 'i is not Crockford base 32'],
    ['057zh3y9', 'too short'],
    ['', 'empty'],
  ])('refuses %s (%s)', (id) => {
    expect(normaliseRorId(id)).toBeUndefined();
  });
});

describe('Open Funder Registry IDs', () => {
  it.each([
    ['10.13039/501100002241', '10.13039/501100002241'],
    ['https://doi.org/10.13039/100000001', '10.13039/100000001'],
  ])('accepts %s', (input, expected) => {
    expect(normaliseFunderId(input)).toBe(expected);
  });

  it.each(['10.1000/501100002241', '10.13039/12', 'JST'])('refuses %s', (input) => {
    expect(normaliseFunderId(input)).toBeUndefined();
  });
});
