/** Every kind of notice; each can be taken by e-mail or not (in-app always). */
export const NOTICE_KINDS = [
  'approval_requested',
  'application_returned',
  'application_approved',
  'application_submitted',
  'review_assigned',
  'deadline_reminder',
  'approval_reminder',
  'review_reminder',
  'decision_published',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** What a notice can be about: its link leads there. */
export const SUBJECT_TYPES = ['application', 'assignment'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** What the texts of a notice are made from. Instants are ISO strings. */
export interface NoticeParams {
  readonly applicationTitle: string;
  readonly callTitle?: { readonly en: string; readonly ja: string };
  /** Short name of the agency whose side or deadline the notice concerns. */
  readonly agency?: string;
  readonly institution?: string;
  readonly deadline?: string;
  readonly deadlineZone?: string;
  readonly dueAt?: string;
  readonly comment?: string;
  readonly receiptNumber?: string;
  /** Reminders: how long before the deadline this one was planned for. */
  readonly offsetMinutes?: number;
  readonly decision?: 'yes' | 'no';
}

export interface Notice {
  readonly kind: NoticeKind;
  /** Users by id, and the office staff (institution admins) of institutions; disabled users are skipped. */
  readonly recipients: { readonly users?: readonly string[]; readonly officesOf?: readonly string[] };
  readonly subject: { readonly type: SubjectType; readonly id: string };
  readonly params: NoticeParams;
  /** One notice per user and key: the event it reports, or a reminder's deadline and offset. */
  readonly dedupeKey: string;
}

/**
 * Notices that fall due with time rather than with a change: reminders before deadlines,
 * decisions reaching their publication date. Features register sources; a sweep asks each, at
 * the clock's now, for the notices due and not yet marked as sent (their dedupeKey is the mark).
 */
export interface ScheduledNoticeSource {
  readonly name: string;
  due(now: Date, offsetsMinutes: readonly number[]): Promise<Notice[]>;
}
