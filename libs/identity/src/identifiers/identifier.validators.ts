import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { normaliseFunderId, normaliseOrcid, normaliseRorId } from './identifiers.js';

function identifier(name: string, normalise: (input: string) => string | undefined, message: string, options?: ValidationOptions) {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (normalise(value) ?? value) : value)),
    ValidateBy(
      {
        name,
        validator: {
          validate: (value: unknown) => typeof value === 'string' && normalise(value) === value,
          defaultMessage: (args) => `${args?.property ?? 'value'} ${message}`,
        },
      },
      options,
    ),
  );
}

/** A ROR ID (bare or https://ror.org/ URL) with valid check digits; stored bare. */
export const IsRorId = (options?: ValidationOptions) =>
  identifier('isRorId', normaliseRorId, 'must be a ROR ID with valid check digits, such as 057zh3y96', options);

/** An ORCID iD with a valid check character; stored as 0000-0000-0000-000X. */
export const IsOrcid = (options?: ValidationOptions) =>
  identifier('isOrcid', normaliseOrcid, 'must be an ORCID iD with a valid check character, such as 0000-0002-1825-0097', options);

/** An Open Funder Registry DOI, such as 10.13039/501100002241. */
export const IsFunderId = (options?: ValidationOptions) =>
  identifier('isFunderId', normaliseFunderId, 'must be an Open Funder Registry DOI, such as 10.13039/501100002241', options);
