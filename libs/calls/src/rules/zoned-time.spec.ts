import { describe, expect, it } from 'vitest';
import { inZone, inZoneAndUtc, parseInstant } from './zoned-time.js';

const instant = (text: string, zone: string): Date => {
  const parsed = parseInstant(text, zone);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.instant;
};

describe('deadlines in time zones', () => {
  it('a 17:00 Paris deadline in summer time reads +02:00 there and the next day in Tokyo', () => {
    const deadline = instant('2027-03-31T17:00', 'Europe/Paris');
    expect(deadline.toISOString()).toBe('2027-03-31T15:00:00.000Z');
    expect(inZone(deadline, 'Europe/Paris')).toBe('2027-03-31T17:00:00+02:00');
    expect(inZone(deadline, 'Asia/Tokyo')).toBe('2027-04-01T00:00:00+09:00');
  });

  it('the same wall-clock time on either side of a daylight-saving change is an hour apart in UTC', () => {
    const before = instant('2027-03-27T17:00', 'Europe/Paris');
    const after = instant('2027-03-28T17:00', 'Europe/Paris');
    expect(inZone(before, 'Europe/Paris')).toBe('2027-03-27T17:00:00+01:00');
    expect(inZone(after, 'Europe/Paris')).toBe('2027-03-28T17:00:00+02:00');
    expect(after.getTime() - before.getTime()).toBe(23 * 60 * 60 * 1000);
    expect(inZone(before, 'Asia/Tokyo')).toBe('2027-03-28T01:00:00+09:00');
    expect(inZone(after, 'Asia/Tokyo')).toBe('2027-03-29T00:00:00+09:00');
    expect(inZone(instant('2026-11-01T12:00', 'America/New_York'), 'Asia/Tokyo')).toBe('2026-11-02T02:00:00+09:00');
  });

  it('reads an instant in messages in its zone, then in UTC', () => {
    expect(inZoneAndUtc(instant('2027-03-31T12:00', 'Asia/Tokyo'), 'Asia/Tokyo')).toBe(
      '2027-03-31 12:00 UTC+09:00 (Asia/Tokyo), 2027-03-31T03:00:00Z',
    );
    expect(inZoneAndUtc(instant('2027-04-15T17:00', 'America/New_York'), 'America/New_York')).toBe(
      '2027-04-15 17:00 UTC-04:00 (America/New_York), 2027-04-15T21:00:00Z',
    );
  });

  it('takes instants with an offset as they are, whatever the zone', () => {
    expect(instant('2027-03-31T15:00:00Z', 'Asia/Tokyo').toISOString()).toBe('2027-03-31T15:00:00.000Z');
    expect(instant('2027-04-01T00:00:00+09:00', 'Europe/Paris').toISOString()).toBe('2027-03-31T15:00:00.000Z');
  });

  it('refuses a local time a daylight-saving change skips, and malformed text', () => {
    expect(parseInstant('2027-03-28T02:30', 'Europe/Paris')).toEqual({
      error: 'does not exist in Europe/Paris (a daylight-saving change skips it)',
    });
    expect('error' in parseInstant('31/03/2027 17:00', 'Europe/Paris')).toBe(true);
    expect('error' in parseInstant('2027-02-30T10:00', 'Asia/Tokyo')).toBe(true);
    for (const text of ['2027-02-30T10:00:00Z', '2027-03-31T24:00:00Z', '2027-03-31T10:00:00+25:00', '2027-03-31T10:00:00+2500']) {
      expect('error' in parseInstant(text, 'Asia/Tokyo'), text).toBe(true);
    }
    expect(instant('2027-04-01T00:00:00+0900', 'Europe/Paris').toISOString()).toBe('2027-03-31T15:00:00.000Z');
  });
});
