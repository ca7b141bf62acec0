import { describe, expect, it } from 'vitest';
import { isIanaTimeZone } from './time-zone.js';

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
