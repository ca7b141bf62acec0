import type { Schemas } from '../../api/client';
import type { Role } from '../me/me-query';

export type EmailChoices = Schemas['NotificationPreferencesDto']['email'];
export type NoticeKind = keyof EmailChoices;

/** The kinds of notice, grouped by the role that receives them, in the order the settings show them. */
export const NOTICE_GROUPS = [
  {
    role: 'researcher',
    kinds: ['application_submitted', 'application_approved', 'application_returned', 'deadline_reminder', 'decision_published'],
  },
  { role: 'institution_admin', kinds: ['approval_requested', 'approval_reminder'] },
  { role: 'reviewer', kinds: ['review_assigned', 'review_reminder'] },
] as const satisfies readonly { role: Role; kinds: readonly NoticeKind[] }[];

export type NoticeGroup = (typeof NOTICE_GROUPS)[number];

/** The groups of notices a user with these roles can receive. */
export function groupsFor(roles: readonly Role[]): NoticeGroup[] {
  const has = new Set(roles);
  return NOTICE_GROUPS.filter((group) => has.has(group.role));
}

/** Every kind in force: e-mail unless turned off (what the api answers for kinds it leaves out). */
export function choicesInForce(email: EmailChoices): Record<NoticeKind, boolean> {
  const kinds = NOTICE_GROUPS.flatMap((group) => group.kinds);
  return Object.fromEntries(kinds.map((kind) => [kind, email[kind] ?? true])) as Record<NoticeKind, boolean>;
}

/** Only the choices that differ from those saved: what a save sends. */
export function changedChoices(saved: EmailChoices, chosen: EmailChoices): EmailChoices {
  const before = choicesInForce(saved);
  return Object.fromEntries(
    Object.entries(chosen).filter(
      (entry): entry is [NoticeKind, boolean] => typeof entry[1] === 'boolean' && before[entry[0] as NoticeKind] !== entry[1],
    ),
  );
}
