/**
 * The api's checks of research identifiers, for the form to answer before sending: the same rules
 * as the api's validators (ROR: `0`, six Crockford base-32 characters and two ISO/IEC 7064
 * MOD 97-10 check digits; Open Funder Registry: a DOI under 10.13039). The api still decides; a
 * test runs both over the same inputs.
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

const FUNDER_ID = /^10\.13039\/(?:501100\d{6}|100\d{6})$/;

/** `10.13039/501100002241`, from the DOI or its https://doi.org/ URL; undefined when not a Funder Registry DOI. */
export function normaliseFunderId(input: string): string | undefined {
  const id = input
    .trim()
    .replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '')
    .replace(/^doi:/i, '');
  return FUNDER_ID.test(id) ? id : undefined;
}
