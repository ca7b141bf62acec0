/** What the statistics page draws: one row per bar, named in the reader's language, and a sentence for each chart. */
import { type Bilingual, pick } from '../../lib/format';

/** One category of a breakdown: its name, and the two counts drawn side by side. */
export interface ChartRow {
  readonly key: string;
  readonly label: string;
  /** The label's own language when it is not the reader's (only the other language was given). */
  readonly lang?: string;
  readonly total: number;
  readonly funded: number;
}

interface Breakdown {
  readonly key: string | null;
  readonly label: Bilingual | null;
  readonly applications: number;
  readonly funded: number;
}

interface Country {
  readonly country: string;
  readonly partnerInstitutions: number;
  readonly fundedPartnerInstitutions: number;
}

/**
 * A breakdown (by field, lead institution, track) as chart rows, most funded first (then most
 * applications, then by name), in the reader's language; the row without a key (none recorded) is
 * named `noneLabel` and comes last.
 */
export function breakdownRows(rows: readonly Breakdown[], language: string, noneLabel: string): ChartRow[] {
  const named = rows.map((row): ChartRow & { none: boolean } => {
    const label = pick(row.label, language);
    const own = language === 'ja' ? row.label?.ja : row.label?.en;
    const lang = label !== '' && !own?.trim() ? (language === 'ja' ? 'en' : 'ja') : undefined;
    return {
      key: row.key ?? '',
      label: row.key === null ? noneLabel : label || row.key,
      ...(row.key !== null && lang ? { lang } : {}),
      total: row.applications,
      funded: row.funded,
      none: row.key === null,
    };
  });
  return sortRows(named).map(({ none: _none, ...row }) => row);
}

/** Partner institutions by country, the country named by Intl in the reader's language (EU: the European Union). */
export function countryRows(rows: readonly Country[], language: string): ChartRow[] {
  return sortRows(
    rows.map((row) => ({
      key: row.country,
      label: countryName(row.country, language),
      total: row.partnerInstitutions,
      funded: row.fundedPartnerInstitutions,
      none: false,
    })),
  ).map(({ none: _none, ...row }) => row);
}

export function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

function sortRows<T extends ChartRow & { none: boolean }>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) => Number(a.none) - Number(b.none) || b.funded - a.funded || b.total - a.total || a.label.localeCompare(b.label),
  );
}

/** A share from 0 to 1 as a percentage in the reader's format, to one decimal. */
export function formatRate(rate: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate);
}

/** The rows with the most funded, for a chart's text alternative: at most `count`, ties kept in order. */
export function leaders(rows: readonly ChartRow[], count = 3): ChartRow[] {
  return rows.filter((row) => row.funded > 0).slice(0, count);
}
