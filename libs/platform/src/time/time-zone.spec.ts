import { describe, expect, it } from 'vitest';
import { isIanaTimeZone, isInstant } from './time-zone.js';

describe('IANA time zones', () => {
  it.each(['Asia/Tokyo', 'Europe/Paris', 'America/New_York', 'America/Argentina/Buenos_Aires', 'Asia/Kolkata', 'Etc/GMT+9', 'UTC'])(
    'accepts %s',
    (zone) => {
      expect(isIanaTimeZone(zone)).toBe(true);
    },
  );

  it.each(['JST', 'EST', 'Asia/Atlantis', 'Asia/Tokyo ', '', 'asia tokyo', 42])('refuses %s', (zone) => {
    expect(isIanaTimeZone(zone)).toBe(false);
  });
});

describe('instants', () => {
  it('accepts ISO 8601 instants with an offset, to the minute, second or fraction', () => {
    for (const value of [
      '2027-03-31T15:00:00Z',
      '2027-03-31T15:00Z',
      '2024-02-29T23:59:59.999+09:00',
      '2027-01-01T00:00:00-12:00',
      '2027-01-01T00:00:00+14:00',
    ]) {
      expect(isInstant(value), value).toBe(true);
    }
  });

  it('refuses moments that do not exist, which Date.parse would move silently, and any other form', () => {
    for (const value of [
      '2026-02-30T00:00:00Z',
      '2026-02-29T00:00:00Z',
      '2026-04-31T10:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-00-10T00:00:00Z',
      '2026-01-00T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T23:60:00Z',
      '2026-01-01T23:59:60Z',
      '2026-01-01T10:00:00+25:00',
      '2026-01-01T10:00:00+14:30',
      '2026-01-01T10:00:00+09:60',
      '2026-01-01T10:00:00',
      '2026-01-01',
      20260101,
      null,
    ]) {
      expect(isInstant(value), String(value)).toBe(false);
    }
  });
});
