/**
 * Research identifiers, checked the way their registries define them.
 * ROR: https://ror.org/ documentation ("identifier"): `0`, six Crockford base-32 characters, and two
 * check digits, ISO/IEC 7064 MOD 97-10 of the number those six characters encode.
 * ORCID iD: sixteen characters in groups of four; the last is the ISO 7064 MOD 11-2 check character.
 * Open Funder Registry: a DOI under the prefix 10.13039.
 */

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';
const ROR_ID = /^0[0-9a-hj-km-np-tv-z]{6}[0-9]{2}$/;
const ROR_URL_PREFIX = /^(?:https?:\/\/)?ror\.org\//i;

/** `057zh3y96`, from either the bare id or its https://ror.org/ URL; undefined when not a valid ROR ID. */
export function normaliseRorId(input: string): string | undefined {
  const id = input.trim().replace(ROR_URL_PREFIX, '').toLowerCase();
  if (!ROR_ID.test(id)) return undefined;
  let value = 0;
  for (const char of id.slice(1, 7)) value = value * 32 + CROCKFORD.indexOf(char);
  const check = 98 - ((value * 100) % 97);
  return Number(id.slice(7)) === check ? id : undefined;
}

const ORCID = /^(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dX])$/;
const ORCID_URL_PREFIX = /^(?:https?:\/\/)?orcid\.org\//i;

/** `0000-0002-1825-0097`, from the bare iD (with or without hyphens) or its URL; undefined when invalid. */
export function normaliseOrcid(input: string): string | undefined {
  const match = ORCID.exec(input.trim().replace(ORCID_URL_PREFIX, '').toUpperCase());
  if (!match) return undefined;
  const digits = match.slice(1, 5).join('');
  let total = 0;
  for (const digit of digits.slice(0, 15)) total = (total + Number(digit)) * 2;
  const remainder = (12 - (total % 11)) % 11;
  const check = remainder === 10 ? 'X' : String(remainder);
  return digits[15] === check ? match.slice(1, 5).join('-') : undefined;
}

const FUNDER_ID = /^10\.13039\/(?:501100\d{6}|100\d{6})$/;

/** `10.13039/501100002241`, from the DOI or its https://doi.org/ URL; undefined when not a Funder Registry DOI. */
export function normaliseFunderId(input: string): string | undefined {
  const id = input
    .trim()
    .replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '')
    .replace(/^doi:/i, '');
  return FUNDER_ID.test(id) ? id : undefined;
}
