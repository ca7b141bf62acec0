/** The languages the api writes a CSV export's headers in. */
export type CsvLanguage = 'en' | 'ja';

/** The language of a CSV export downloaded from a page: the page's own (Japanese for ja and ja-*, English otherwise). */
export function csvLanguage(pageLanguage: string): CsvLanguage {
  return pageLanguage.toLowerCase().split('-')[0] === 'ja' ? 'ja' : 'en';
}

/** The address of a CSV export in the page's language, with the other parameters that are given. */
export function csvExportPath(path: string, pageLanguage: string, params: Readonly<Record<string, string | undefined>> = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  query.set('lang', csvLanguage(pageLanguage));
  return `${path}?${query.toString()}`;
}
