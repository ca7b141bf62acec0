/**
 * Every page's path. None may coincide with an API path (the api answers a browser's request for
 * an unknown path with the pages, and API paths with the API): test/web-pages.api.spec.ts compares
 * this list with the api's routes. Plain data, read by the router and by that test.
 */
export const PAGES = {
  home: '/',
  signIn: '/sign-in',
  researcher: '/researcher',
  researcherCalls: '/researcher/calls',
  researcherCall: '/researcher/calls/:callId',
  proposal: '/researcher/proposals/:id',
  proposalReceipt: '/researcher/proposals/:id/receipt',
  office: '/office',
  officeProposal: '/office/proposals/:id',
  officeDeadlines: '/office/deadlines',
  reviewer: '/reviewer',
  reviewerAssignment: '/reviewer/assignments/:id',
  agency: '/agency',
  agencyCallNew: '/agency/calls/new',
  agencyCall: '/agency/calls/:callId',
  agencyCallForm: '/agency/calls/:callId/form',
  agencyApplications: '/agency/calls/:callId/applications',
  agencyApplication: '/agency/calls/:callId/applications/:id',
  agencyReviewers: '/agency/calls/:callId/reviewers',
  agencyProgress: '/agency/calls/:callId/progress',
  agencyRanking: '/agency/calls/:callId/ranking',
  agencyStatistics: '/agency/calls/:callId/statistics',
  admin: '/admin',
  adminUsers: '/admin/users',
  notices: '/notices',
  settings: '/settings',
} as const;

export type PageName = keyof typeof PAGES;

/** A page's path with its parameters filled in. */
export function pagePath(name: PageName, params: Readonly<Record<string, string>> = {}): string {
  return PAGES[name].replace(/:([A-Za-z]+)/g, (_, key: string) => encodeURIComponent(params[key] ?? ''));
}
