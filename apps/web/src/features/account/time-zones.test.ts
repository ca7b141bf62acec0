import { describe, expect, it } from 'vitest';
import { zoneChoices } from './time-zones';

describe('zoneChoices', () => {
  it('sorts the known zones', () => {
    expect(zoneChoices(['Europe/Paris', 'America/New_York', 'Asia/Tokyo'], null)).toEqual([
      'America/New_York',
      'Asia/Tokyo',
      'Europe/Paris',
    ]);
  });

  it('keeps the zone in force even when the browser does not list it', () => {
    expect(zoneChoices(['Asia/Tokyo'], 'UTC')).toEqual(['Asia/Tokyo', 'UTC']);
  });

  it('does not repeat the zone in force', () => {
    expect(zoneChoices(['Asia/Tokyo', 'UTC'], 'Asia/Tokyo')).toEqual(['Asia/Tokyo', 'UTC']);
  });
});
