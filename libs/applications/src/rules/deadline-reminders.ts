import { type Notice, onceKey } from '#notifications';
import type { DeadlineReminderRow } from '../applications/applications.repository.js';
import { applicantIds } from './application-notices.js';

/**
 * The reminder for a side nearing its agency's deadline: applicants (PI, side PI, co-PIs) while it
 * is a draft or returned, the institution's office while it waits for approval. The key names the
 * side and the offset, so each goes out once however often the sweep runs or the deadline moves.
 */
export function deadlineReminder(row: DeadlineReminderRow): Notice {
  const params = {
    applicationTitle: row.title,
    callTitle: row.callTitle,
    agency: row.agency,
    deadline: row.deadline.toISOString(),
    deadlineZone: row.timeZone,
    offsetMinutes: row.offsetMinutes,
  };
  const subject = { type: 'application' as const, id: row.applicationId };
  const reason = { applicationId: row.applicationId, agencyId: row.agencyId, offsetMinutes: row.offsetMinutes };
  if (row.pendingApproval) {
    return {
      kind: 'approval_reminder',
      recipients: { officesOf: row.institutionId ? [row.institutionId] : [] },
      subject,
      params,
      dedupeKey: onceKey({ kind: 'approval_reminder', ...reason }),
    };
  }
  const users = applicantIds(row.piUserId, row.sidePiUserId, row.coPiUserIds);
  return {
    kind: 'deadline_reminder',
    recipients: { users },
    subject,
    params,
    dedupeKey: onceKey({ kind: 'deadline_reminder', ...reason }),
  };
}
