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

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An ISO 8601 instant with its offset (2027-03-31T15:00:00Z) that names a real moment: a day the
 * month has, hours 0–23, minutes and seconds 0–59, an offset of at most 14 hours. Date.parse alone
 * would move 2026-02-30 to 2 March without a word.
 */
export function isInstant(value: unknown): value is string {
  const match = typeof value === 'string' ? INSTANT.exec(value) : null;
  if (!match) return false;
  const field = (index: number): number => Number(match[index] ?? 0);
  const [month, day] = [field(2), field(3)];
  const daysInMonth = new Date(Date.UTC(field(1), month, 0)).getUTCDate();
  const [offsetHours, offsetMinutes] = [field(7), field(8)];
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    field(4) <= 23 &&
    field(5) <= 59 &&
    field(6) <= 59 &&
    offsetMinutes <= 59 &&
    offsetHours * 60 + offsetMinutes <= 14 * 60
  );
}

/** An ISO 8601 instant with its offset (see isInstant), the only form of query-string times. */
export const IsInstant = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: isInstant,
        defaultMessage: (args) => `${args?.property ?? 'value'} must be an ISO 8601 instant with an offset`,
      },
    },
    options,
  );
