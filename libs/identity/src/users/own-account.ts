import type { Role } from './roles.js';

export type OwnAccountProblem = 'OWN_ADMIN_ROLE' | 'OWN_ACCOUNT_DISABLED';

/**
 * What an administrator may not do to their own account through the user administration: drop
 * their own admin role, or disable their own sign-in. Either would lock them out of the very pages
 * that undo it; another administrator can still do both.
 */
export function ownAccountProblem(
  actorId: string,
  targetId: string,
  change: { readonly roles?: readonly Role[] | undefined; readonly disabled?: boolean | undefined },
): OwnAccountProblem | undefined {
  if (actorId !== targetId) return undefined;
  if (change.roles !== undefined && !change.roles.includes('admin')) return 'OWN_ADMIN_ROLE';
  if (change.disabled === true) return 'OWN_ACCOUNT_DISABLED';
  return undefined;
}
