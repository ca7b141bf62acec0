/** The organisation form as data: what it sends, and what the form itself can already refuse. */
import { ApiError } from '../../api/problem';
import { normaliseFunderId, normaliseRorId } from './identifiers';
import type { Organisation, OrganisationBody } from './admin-queries';

export const ORGANISATION_FIELDS = ['kind', 'shortName', 'nameEn', 'nameJa', 'country', 'timeZone', 'rorId', 'funderId'] as const;
export type OrganisationField = (typeof ORGANISATION_FIELDS)[number];
export type OrganisationValues = Readonly<Record<OrganisationField, string>>;

/** Why the form refuses a field before sending it: each has a text under admin.fieldErrors. */
export type FieldProblem = 'required' | 'rorId' | 'funderId' | 'country';
export type FieldProblems = Partial<Record<OrganisationField, FieldProblem>>;

const REQUIRED: readonly OrganisationField[] = ['kind', 'shortName', 'nameEn', 'nameJa', 'country', 'timeZone'];

/** The form's starting values: the organisation's, or empty for a new one (in Japan's zone). */
export function organisationValues(organisation?: Organisation): OrganisationValues {
  return {
    kind: organisation?.kind ?? 'institution',
    shortName: organisation?.shortName ?? '',
    nameEn: organisation?.name.en ?? '',
    nameJa: organisation?.name.ja ?? '',
    country: organisation?.country ?? '',
    timeZone: organisation?.timeZone ?? 'Asia/Tokyo',
    rorId: organisation?.rorId ?? '',
    funderId: organisation?.funderId ?? '',
  };
}

/**
 * The body to send, or the fields to fix first. ROR and Funder IDs are checked as the api checks
 * them and sent normalised (bare ROR ID, DOI without its URL); an empty one is sent as null. The
 * api decides everything else (a real country code, a known time zone) and its 400 lands on the
 * same fields.
 */
export function organisationBody(values: OrganisationValues): { body: OrganisationBody } | { problems: FieldProblems } {
  const problems: FieldProblems = {};
  for (const field of REQUIRED) if (values[field].trim() === '') problems[field] = 'required';
  const country = values.country.trim().toUpperCase();
  if (country !== '' && !/^[A-Z]{2}$/.test(country)) problems.country = 'country';
  const rorId = values.rorId.trim() === '' ? null : normaliseRorId(values.rorId);
  if (rorId === undefined) problems.rorId = 'rorId';
  const funderId = values.funderId.trim() === '' ? null : normaliseFunderId(values.funderId);
  if (funderId === undefined) problems.funderId = 'funderId';
  if (Object.keys(problems).length > 0 || rorId === undefined || funderId === undefined) return { problems };
  return {
    body: {
      kind: values.kind as OrganisationBody['kind'],
      shortName: values.shortName.trim(),
      nameEn: values.nameEn.trim(),
      nameJa: values.nameJa.trim(),
      country,
      timeZone: values.timeZone.trim(),
      rorId,
      funderId,
    },
  };
}

/** The api's field errors of a refusal, the first message per field. */
export function apiFieldErrors(error: unknown): Readonly<Record<string, string>> {
  if (!(error instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  for (const e of error.problem.errors ?? []) errors[e.field] ??= e.message;
  return errors;
}
