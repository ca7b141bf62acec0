import { describe, expect, it } from 'vitest';
import { normaliseFunderId, normaliseOrcid, normaliseRorId } from './identifiers.js';

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

describe('ORCID iDs', () => {
  it.each([
    ['0000-0002-1825-0097', '0000-0002-1825-0097'],
    ['0000-0001-5109-3700', '0000-0001-5109-3700'],
    ['0000-0002-1694-233X', '0000-0002-1694-233X'],
    ['https://orcid.org/0000-0002-1694-233x', '0000-0002-1694-233X'],
    ['0000000218250097', '0000-0002-1825-0097'],
  ])('accepts %s', (input, expected) => {
    expect(normaliseOrcid(input)).toBe(expected);
  });

  it.each(['0000-0002-1825-0098', '0000-0002-1694-2330', '0000-0002-1825-009', 'abcd-0002-1825-0097', ''])('refuses %s', (input) => {
    expect(normaliseOrcid(input)).toBeUndefined();
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
