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
