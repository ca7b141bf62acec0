import type { MemberRole } from '../applications/application.entity.js';

/** Who may edit an application's content: its PI and the team's PIs and co-PIs. */
export const EDITOR_ROLES: readonly string[] = ['pi', 'co_pi'] satisfies MemberRole[];

/**
 * Whether the user edits this application (editorSql in the access repository is the same rule in
 * SQL), for an answer built from what a step read under its lock and wrote, without reading the
 * application again.
 */
export function isEditor(
  application: { readonly piUserId: string; readonly members: readonly { readonly userId: string | null; readonly role: string }[] },
  userId: string,
): boolean {
  return application.piUserId === userId || application.members.some((m) => m.userId === userId && EDITOR_ROLES.includes(m.role));
}
