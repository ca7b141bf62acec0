/** Permissions the identity feature answers for. */
export const IdentityPermission = {
  readUser: 'user.read',
  manageUser: 'user.manage',
  readOrganisation: 'organisation.read',
  manageOrganisation: 'organisation.manage',
} as const;
