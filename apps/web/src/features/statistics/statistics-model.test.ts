import { describe, expect, it } from 'vitest';
import { breakdownRows, countryName, countryRows, formatRate, leaders } from './statistics-model';

const field = (key: string | null, en: string, ja: string, applications: number, funded: number) => ({
  key,
  label: key === null ? null : { en, ja },
  applications,
  funded,
});

describe('breakdown rows', () => {
  it('orders by funded, then applications, then name, and puts the row without a key last', () => {
    const rows = breakdownRows(
      [
        field(null, '', '', 100, 29),
        field('energy', 'Energy', 'エネルギー', 50, 11),
        field('quantum', 'Quantum', '量子', 60, 15),
        field('bio', 'Biotechnology', 'バイオ', 70, 15),
      ],
      'en',
      'Other',
    );
    expect(rows.map((r) => [r.label, r.total, r.funded])).toEqual([
      ['Biotechnology', 70, 15],
      ['Quantum', 60, 15],
      ['Energy', 50, 11],
      ['Other', 100, 29],
    ]);
  });

  it('names rows in the reader’s language, and marks a name given only in the other one', () => {
    const rows = breakdownRows([field('quantum', 'Quantum', '量子', 1, 1), field('x', 'Only English', '', 1, 0)], 'ja', 'その他');
    expect(rows).toEqual([
      { key: 'quantum', label: '量子', total: 1, funded: 1 },
      { key: 'x', label: 'Only English', lang: 'en', total: 1, funded: 0 },
    ]);
  });
});

describe('country rows', () => {
  it('names countries with Intl in the reader’s language, the EU included', () => {
    expect(countryName('US', 'en')).toBe('United States');
    expect(countryName('DE', 'ja')).toBe('ドイツ');
    expect(countryName('EU', 'en')).toBe('European Union');
  });

  it('orders by funded partner institutions', () => {
    const rows = countryRows(
      [
        { country: 'GB', partnerInstitutions: 50, fundedPartnerInstitutions: 35 },
        { country: 'US', partnerInstitutions: 70, fundedPartnerInstitutions: 51 },
      ],
      'en',
    );
    expect(rows.map((r) => [r.key, r.label, r.total, r.funded])).toEqual([
      ['US', 'United States', 70, 51],
      ['GB', 'United Kingdom', 50, 35],
    ]);
  });
});

describe('rates and summaries', () => {
  it('formats a rate as a percentage in the reader’s format', () => {
    expect(formatRate(106 / 469, 'en')).toBe('22.6%');
    expect(formatRate(0, 'ja')).toBe('0.0%');
  });

  it('names the leading rows with funding only', () => {
    const rows = breakdownRows([field('a', 'A', 'A', 5, 3), field('b', 'B', 'B', 5, 0), field('c', 'C', 'C', 9, 2)], 'en', '-');
    expect(leaders(rows, 3).map((r) => r.key)).toEqual(['a', 'c']);
  });
});
