import { ValidateBy, type ValidationOptions } from 'class-validator';

const AREA_LOCATION = /^(?:[A-Za-z_]+\/[A-Za-z0-9_+-]+(?:\/[A-Za-z0-9_+-]+)?|UTC)$/;

/**
 * An IANA time-zone name (Area/Location, or UTC) that this runtime knows. Abbreviations such as
 * JST or EST are refused: they are ambiguous and some are not zones at all.
 */
export function isIanaTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || !AREA_LOCATION.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const IsIanaTimeZone = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isIanaTimeZone',
      validator: {
        validate: isIanaTimeZone,
        defaultMessage: (args) => `${args?.property ?? 'value'} must be an IANA time zone, such as Asia/Tokyo`,
      },
    },
    options,
  );

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with its offset (2027-03-31T15:00:00Z), the only form of query-string times. */
export const IsInstant = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value)),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be an ISO 8601 instant with an offset`,
      },
    },
    options,
  );
