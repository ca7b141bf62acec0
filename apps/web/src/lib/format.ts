/** Formatting for the pages: instants in a zone, deadlines in two zones, money in minor units, bilingual text. */

export interface Bilingual {
  readonly ja: string;
  readonly en: string;
}

/** The text in the chosen language, or the other one when it is empty. */
export function pick(text: Bilingual | null | undefined, language: string): string {
  if (!text) return '';
  const [first, second] = language === 'ja' ? [text.ja, text.en] : [text.en, text.ja];
  return first.trim() !== '' ? first : second;
}

/** An instant as a reader of `locale` writes it, in `timeZone`, with the zone's short name. */
export function formatInstant(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

export function formatDate(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone }).format(new Date(iso));
}

/** A calendar day, 'YYYY-MM-DD': the same day in every zone. */
export function formatDay(day: string, locale: string): string {
  return formatDate(`${day}T00:00:00Z`, locale, 'UTC');
}

export interface DeadlineDisplay {
  /** In the viewer's zone. */
  readonly viewer: string;
  /** In the agency's zone, when it differs from the viewer's. */
  readonly agency?: string;
  readonly agencyZone: string;
}

/** A deadline in the viewer's zone, and in the agency's beside it when the zones differ. */
export function deadlineDisplay(iso: string, agencyZone: string, viewerZone: string, locale: string): DeadlineDisplay {
  const viewer = formatInstant(iso, locale, viewerZone);
  const agency = formatInstant(iso, locale, agencyZone);
  return sameOffsetAt(iso, agencyZone, viewerZone) ? { viewer, agencyZone } : { viewer, agency, agencyZone };
}

function sameOffsetAt(iso: string, a: string, b: string): boolean {
  if (a === b) return true;
  const at = new Date(iso);
  const parts = (zone: string) => new Intl.DateTimeFormat('en-US', { timeZone: zone, dateStyle: 'short', timeStyle: 'long' }).format(at);
  return parts(a) === parts(b);
}

/** Money given in integer minor units, formatted for the locale (JPY has no minor unit, USD two). */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 0;
  return format.format(amount / 10 ** digits);
}

/** The number of minor units in one major unit of the currency (1 for JPY, 100 for USD). */
export function minorUnitsPerMajor(currency: string): number {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 0;
  return 10 ** digits;
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** The viewer's IANA time zone as the browser knows it. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
