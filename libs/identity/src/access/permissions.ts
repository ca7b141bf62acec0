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
    /** On the team: the PI, a member with an account, or a side's PI; they read every submission of it. */
    team: 'application.team',
    /** The PI and co-PIs edit drafts. */
    edit: 'application.edit',
    /** The office of a side's institution (not of a member's only): it approves that side, and reads what was submitted. */
    sideOffice: 'application.side_office',
    /** A program officer whose agency's side of the application has reached the agency. */
    agencySide: 'application.agency_side',
  },
  reviews: {
    /** A reviewer's own assignment; one on an application they are conflicted with only once declined. */
    ownAssignment: 'assignment.own',
    /** The reviewer's own assignment, accepted and not conflicted: its application may be read. */
    acceptedAssignment: 'assignment.accepted',
    /** A program officer of the assignment's agency. */
    agencyAssignment: 'assignment.agency',
    /** A reviewer with an accepted assignment on the application, and no conflict with it. */
    readAsReviewer: 'application.review',
    /** A program officer whose agency's side is eligible, under review or decided: its reviews. */
    readReviewsAsOfficer: 'application.agency_reviews',
  },
  documents: {
    /**
     * A document version: the team reads every one; the offices of the application's sides, the
     * agencies it reached and its accepted, unconflicted reviewers read those of its latest submission.
     */
    readVersion: 'document.read',
  },
} as const;

type Values<T> = T[keyof T];

/** One of the declared permissions. */
export type Permission = Values<{ [F in keyof typeof PERMISSIONS]: Values<(typeof PERMISSIONS)[F]> }>;

/** Permissions the identity feature answers for. */
export const IdentityPermission = PERMISSIONS.identity;
