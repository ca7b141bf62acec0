import { DateTime } from 'luxon';
import { isInstant } from '#platform';

/** An instant shown in a time zone as ISO 8601 with its offset there: 2027-03-31T17:00:00+02:00. */
export function inZone(instant: Date, zone: string): string {
  const text = DateTime.fromJSDate(instant, { zone }).toISO({ suppressMilliseconds: true });
  if (text === null) throw new Error(`Cannot show ${instant.toISOString()} in ${zone}`);
  return text;
}

/**
 * An instant as people read it in messages: in the zone it is set in, with that zone's offset and
 * name, then in UTC. 2027-03-31 12:00 UTC+09:00 (Asia/Tokyo), 2027-03-31T03:00:00Z.
 */
export function inZoneAndUtc(instant: Date, zone: string): string {
  const local = DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd HH:mm 'UTC'ZZ");
  const utc = DateTime.fromJSDate(instant, { zone: 'utc' }).toISO({ suppressMilliseconds: true });
  return `${local} (${zone}), ${utc}`;
}

const WITH_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;

export type InstantParse = { readonly instant: Date } | { readonly error: string };

/**
 * Reads a deadline: an ISO 8601 instant with an offset (2027-03-31T15:00:00Z), or a local time
 * without one (2027-03-31T17:00) meant in `zone`. A local time that does not exist there (skipped
 * by a daylight-saving change) is refused rather than silently moved.
 */
export function parseInstant(text: string, zone: string): InstantParse {
  if (WITH_OFFSET.test(text)) {
    // +0900 read as +09:00, so that isInstant checks every field (luxon takes 24:00 and +25:00).
    const parsed = DateTime.fromISO(text, { setZone: true });
    const normalised = text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2').replace(/z$/, 'Z');
    return parsed.isValid && isInstant(normalised) ? { instant: parsed.toJSDate() } : { error: 'is not a valid ISO 8601 date-time' };
  }
  if (!LOCAL.test(text)) return { error: 'must be an ISO 8601 date-time, with an offset or as local time in the time zone' };
  const local = DateTime.fromISO(text, { zone });
  if (!local.isValid) return { error: 'is not a valid date-time' };
  const roundTrip = local.toFormat(text.length === 16 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss");
  if (roundTrip !== text) return { error: `does not exist in ${zone} (a daylight-saving change skips it)` };
  return { instant: local.toJSDate() };
}
