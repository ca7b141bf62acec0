const UNITS = ['kilobyte', 'megabyte', 'gigabyte'] as const;

/**
 * A file's size as a reader of `locale` writes it, in units of 1024 (the unit the calls' limits are
 * set in): 245.3 kB, 2.5 MB. Undefined under 1 kB, where the exact count of bytes says it better.
 */
export function formatFileSize(bytes: number, locale: string): string | undefined {
  if (bytes < 1024) return undefined;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: UNITS[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}
