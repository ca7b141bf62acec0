/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled, lines end in CRLF. */
export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV document for spreadsheets: UTF-8 with a byte-order mark (so Excel keeps Japanese text),
 * a header row, CRLF line ends.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
