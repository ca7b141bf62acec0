/**
 * Every permission the access module answers for, declared here once, feature by feature: a
 * checker is registered for each, and `require`/`allowed` accept nothing else, so a misspelt or
 * unregistered permission does not compile. Each feature re-exports its own group under its name
 * (CallPermission, ApplicationPermission) and registers its checkers at start-up.
 */
export const PERMISSIONS = {
  identity: {
    readUser: 'user.read',
    manageUser: 'user.manage',
    readOrganisation: 'organisation.read',
    manageOrganisation: 'organisation.manage',
  },
  calls: {
    /** Published calls: every signed-in user; drafts: officers of the participating agencies. */
    read: 'call.read',
    /** The lead agency's program officers: shared fields, publishing, cancelling. */
    lead: 'call.lead',
    /** A program officer of a participating agency (their own entry). */
    participate: 'call.participate',
    /** Program officers of the agency that runs the program. */
    manageProgram: 'program.manage',
  },
  applications: {
    /** Team members; the office of a side's or member's institution; officers of an agency once its side is submitted. */
    read: 'application.read',
    /** The PI and co-PIs edit drafts. */
    edit: 'application.edit',
  },
} as const;

type Values<T> = T[keyof T];

/** One of the declared permissions. */
export type Permission = Values<{ [F in keyof typeof PERMISSIONS]: Values<(typeof PERMISSIONS)[F]> }>;

/** Permissions the identity feature answers for. */
export const IdentityPermission = PERMISSIONS.identity;
