import { describe, expect, it } from 'vitest';
import { DEFAULT_SORT, nextSort, type RankingRow, sortRanking, toCsv } from './ranking-table';

const row = (
  rank: number,
  title: string,
  weightedMean: number | null,
  spread: number | null,
  reviewCount: number,
  failures = 0,
): RankingRow => ({
  rank,
  applicationId: `id-${rank}`,
  title,
  weightedMean,
  spread,
  reviewCount,
  missingReviews: 0,
  thresholdFailures: Array.from({ length: failures }, (_, i) => `c${i}`),
  fundable: failures === 0 && weightedMean !== null,
});

// Ranks 1 and 2 share a weighted mean: the API's tie rule put 1 first.
const rows = [row(1, 'Beta', 4, 1, 2), row(2, 'alpha', 4, 0.5, 3, 1), row(3, 'Gamma', 3.2, null, 1), row(4, 'Delta', null, null, 0)];

describe('sortRanking', () => {
  it("keeps the API's order by rank by default", () => {
    expect(sortRanking([...rows].reverse(), DEFAULT_SORT).map((r) => r.rank)).toEqual([1, 2, 3, 4]);
  });

  it('sorts by a number either way, empty values last, equal values in rank order', () => {
    expect(sortRanking(rows, { key: 'weightedMean', direction: 'descending' }).map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(sortRanking(rows, { key: 'weightedMean', direction: 'ascending' }).map((r) => r.rank)).toEqual([3, 1, 2, 4]);
    expect(sortRanking(rows, { key: 'spread', direction: 'ascending' }).map((r) => r.rank)).toEqual([2, 1, 3, 4]);
    expect(sortRanking(rows, { key: 'reviewCount', direction: 'descending' }).map((r) => r.rank)).toEqual([2, 1, 3, 4]);
    expect(sortRanking(rows, { key: 'thresholdFailures', direction: 'descending' }).map((r) => r.rank)).toEqual([2, 1, 3, 4]);
  });

  it('sorts titles by the locale, ignoring case', () => {
    expect(sortRanking(rows, { key: 'title', direction: 'ascending' }).map((r) => r.title)).toEqual(['alpha', 'Beta', 'Delta', 'Gamma']);
    expect(sortRanking(rows, { key: 'title', direction: 'descending' }).map((r) => r.title)).toEqual(['Gamma', 'Delta', 'Beta', 'alpha']);
  });
});

describe('nextSort', () => {
  it('starts a score column highest first, a title A to Z, and flips the same column', () => {
    expect(nextSort(DEFAULT_SORT, 'weightedMean')).toEqual({ key: 'weightedMean', direction: 'descending' });
    expect(nextSort(DEFAULT_SORT, 'title')).toEqual({ key: 'title', direction: 'ascending' });
    expect(nextSort(DEFAULT_SORT, 'rank')).toEqual({ key: 'rank', direction: 'descending' });
    expect(nextSort({ key: 'rank', direction: 'descending' }, 'rank')).toEqual(DEFAULT_SORT);
  });
});

describe('toCsv', () => {
  it('writes a byte-order mark, CRLF lines and RFC 4180 quoting', () => {
    expect(
      toCsv(
        ['順位', 'Title'],
        [
          ['1', 'A, "quoted"\ntitle'],
          ['2', '半導体'],
        ],
      ),
    ).toBe('\uFEFF順位,Title\r\n1,"A, ""quoted""\ntitle"\r\n2,半導体\r\n');
  });
});
