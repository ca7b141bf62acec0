/** The ranking table's pure parts: its columns, its sort, and the CSV of exactly what it shows. */

export interface RankingRow {
  readonly rank: number;
  readonly applicationId: string;
  readonly title: string;
  readonly weightedMean: number | null;
  readonly spread: number | null;
  readonly reviewCount: number;
  readonly missingReviews: number;
  readonly thresholdFailures: readonly string[];
  readonly fundable: boolean;
}

export const SORT_KEYS = ['rank', 'title', 'weightedMean', 'spread', 'reviewCount', 'thresholdFailures'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';

export interface RankingSort {
  readonly key: SortKey;
  readonly direction: SortDirection;
}

/** The API's order: rank 1 (highest weighted mean, ties by the criteria in order) first. */
export const DEFAULT_SORT: RankingSort = { key: 'rank', direction: 'ascending' };

function value(row: RankingRow, key: SortKey): number | string | null {
  switch (key) {
    case 'thresholdFailures':
      return row.thresholdFailures.length;
    case 'title':
      return row.title;
    default:
      return row[key];
  }
}

/**
 * The rows ordered by one column. Empty values (no mean yet, no spread) come last in either
 * direction; equal values keep the ranking's order, so sorting never hides the tie rule.
 */
export function sortRanking(rows: readonly RankingRow[], sort: RankingSort, locale = 'en'): RankingRow[] {
  const collator = new Intl.Collator(locale);
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a, sort.key);
    const y = value(b, sort.key);
    if (x === null || y === null) return x === y ? a.rank - b.rank : x === null ? 1 : -1;
    const difference = typeof x === 'string' || typeof y === 'string' ? collator.compare(String(x), String(y)) : x - y;
    return difference !== 0 ? sign * difference : a.rank - b.rank;
  });
}

/** The sort after activating a column's button: a new column starts in its natural direction, the same one flips. */
export function nextSort(current: RankingSort, key: SortKey): RankingSort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  const descendingFirst: readonly SortKey[] = ['weightedMean', 'spread', 'reviewCount', 'thresholdFailures'];
  return { key, direction: descendingFirst.includes(key) ? 'descending' : 'ascending' };
}

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document for spreadsheets: UTF-8 byte-order mark (Excel keeps Japanese text), header row, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
