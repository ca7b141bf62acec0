import { describe, expect, it } from 'vitest';
import { deadlineDisplay, formatDay, formatInstant, formatMoney, minorUnitsPerMajor, pick } from './format';

describe('format', () => {
  it('picks the chosen language and falls back to the other', () => {
    expect(pick({ ja: '公募', en: 'Call' }, 'ja')).toBe('公募');
    expect(pick({ ja: '', en: 'Call' }, 'ja')).toBe('Call');
    expect(pick({ ja: '公募', en: ' ' }, 'en')).toBe('公募');
    expect(pick(null, 'en')).toBe('');
  });

  it('shows a calendar day as that day, whatever the zone', () => {
    expect(formatDay('2027-06-09', 'en-US')).toBe('Jun 9, 2027');
    expect(formatDay('2027-06-09', 'ja-JP')).toBe('2027年6月9日');
  });

  it('shows an instant in the zone asked for', () => {
    expect(formatInstant('2026-12-01T03:00:00Z', 'en-US', 'Asia/Tokyo')).toMatch(/Dec 1, 2026.*12:00.*GMT\+9/);
    expect(formatInstant('2026-12-01T03:00:00Z', 'ja-JP', 'Asia/Tokyo')).toMatch(/2026年12月1日.*12:00.*JST/);
  });

  it("puts the agency's zone beside a deadline only when it differs from the viewer's", () => {
    const both = deadlineDisplay('2026-12-01T03:00:00Z', 'Asia/Tokyo', 'America/New_York', 'en-US');
    expect(both.viewer).toMatch(/Nov 30, 2026.*10:00.*EST/);
    expect(both.agency).toMatch(/Dec 1, 2026.*12:00/);
    expect(deadlineDisplay('2026-12-01T03:00:00Z', 'Asia/Tokyo', 'Asia/Tokyo', 'ja-JP').agency).toBeUndefined();
  });

  it('formats money from minor units by currency', () => {
    expect(formatMoney(500_000_000, 'JPY', 'ja-JP')).toBe('￥500,000,000');
    expect(formatMoney(123_456, 'USD', 'en-US')).toBe('$1,234.56');
    expect(minorUnitsPerMajor('JPY')).toBe(1);
    expect(minorUnitsPerMajor('EUR')).toBe(100);
  });
});
