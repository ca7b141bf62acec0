import { type Notice, onceKey } from '#notifications';
import type { ApplicationAction, SideChange } from './application-state.js';

export interface NoticeContext {
  readonly id: string;
  readonly title: string;
  readonly callTitle: { readonly en: string; readonly ja: string };
  readonly piUserId: string;
  readonly coPiUserIds: readonly string[];
  readonly sides: readonly {
    readonly agencyId: string;
    readonly agencyShortName: string;
    readonly institutionId: string | null;
    readonly piUserId: string | null;
    readonly deadline: Date;
    readonly timeZone: string;
  }[];
}

/** Who hears about a side as an applicant: the PI, the side's PI and the co-PIs, once each. */
export function applicantIds(piUserId: string, sidePiUserId: string | null, coPiUserIds: readonly string[]): string[] {
  return [...new Set([piUserId, sidePiUserId, ...coPiUserIds].filter((u): u is string => u !== null))];
}

/** Per changed side: the event it was logged as, and the receipt issued on submission. */
export type ChangeRecord = SideChange & { readonly eventId: string; readonly receiptNumber?: string };

/**
 * Who hears of a state change: the office of the side's institution when its approval is needed;
 * the applicants (PI, the side's PI, co-PIs) when a side is returned, approved or submitted.
 * Reopening and withdrawing notify nobody.
 */
export function transitionNotices(application: NoticeContext, action: ApplicationAction, changes: readonly ChangeRecord[]): Notice[] {
  return changes.flatMap((change): Notice[] => {
    const side = application.sides.find((s) => s.agencyId === change.agencyId);
    if (!side) return [];
    const base = {
      subject: { type: 'application' as const, id: application.id },
      dedupeKey: onceKey({ kind: 'event', eventId: change.eventId }),
    };
    const params = {
      applicationTitle: application.title,
      callTitle: application.callTitle,
      agency: side.agencyShortName,
      deadline: side.deadline.toISOString(),
      deadlineZone: side.timeZone,
    };
    const applicants = applicantIds(application.piUserId, side.piUserId, application.coPiUserIds);
    if (change.to === 'pending_institution' && side.institutionId) {
      return [{ ...base, kind: 'approval_requested', recipients: { officesOf: [side.institutionId] }, params }];
    }
    if (action.type === 'return' && change.from === 'pending_institution') {
      return [{ ...base, kind: 'application_returned', recipients: { users: applicants }, params: { ...params, comment: action.comment } }];
    }
    if (change.to === 'submitted') {
      const kind = action.type === 'approve' ? 'application_approved' : 'application_submitted';
      const receipt = change.receiptNumber ? { receiptNumber: change.receiptNumber } : {};
      return [{ ...base, kind, recipients: { users: applicants }, params: { ...params, ...receipt } }];
    }
    return [];
  });
}
