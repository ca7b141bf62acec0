/**
 * The CSV exports of applications (the office's, an agency's of one call) speak their reader's
 * language in the header row: the fixed columns here, the columns other features add in the same
 * language. The cells of the fixed columns stay as stored (ids, status codes, UTC instants,
 * amounts), so that a spreadsheet formula reads them the same in either language.
 */

export const EXPORT_LANGUAGES = ['en', 'ja'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/** The fixed columns, one row per side of an application, in the order of the cells. */
export const FIXED_EXPORT_HEADERS: Readonly<Record<ExportLanguage, readonly string[]>> = {
  en: [
    'application_id',
    'call',
    'title',
    'status',
    'pi',
    'agency',
    'side_status',
    'institution',
    'deadline_utc',
    'receipt_number',
    'submitted_at',
    'budget_total',
    'currency',
  ],
  ja: [
    '申請ID',
    '公募名',
    '課題名',
    '申請の状態',
    '研究代表者',
    '配分機関',
    '配分機関側の状態',
    '研究機関',
    '締切（UTC）',
    '受付番号',
    '受付日時（UTC）',
    '申請額合計',
    '通貨',
  ],
};

/** The language an export is written in: the one asked for, else the reader's own, else English. */
export function exportLanguage(asked: ExportLanguage | undefined, own: string | null | undefined): ExportLanguage {
  if (asked !== undefined) return asked;
  return (EXPORT_LANGUAGES as readonly string[]).includes(own ?? '') ? (own as ExportLanguage) : 'en';
}
