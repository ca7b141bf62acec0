import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, useLocation } from 'react-router';
import { ApiError } from '../api/problem';
import { session } from '../auth/session';
import { useSession } from '../auth/use-session';
import { SignInPage } from '../features/sign-in/SignInPage';
import { HomeRedirect } from './HomeRedirect';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { PAGES } from './page-paths';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 404 is an answer (not found, or not yours), not a failure to retry.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/** Pages with data only for a live session; a signed-out visitor goes to the sign-in page and comes back. */
function RequireSession() {
  const state = useSession();
  const location = useLocation();
  if (state.status === 'restoring') return null;
  if (state.status === 'signed-out') {
    return <Navigate to={PAGES.signIn} replace state={{ from: `${location.pathname}${location.search}`, ended: state.ended }} />;
  }
  return <Layout />;
}

const researcher = () => import('../features/researcher/researcher-pages');
const office = () => import('../features/office/office-pages');
const reviewer = () => import('../features/reviewer/reviewer-pages');
const agencyCalls = () => import('../features/agency-calls/agency-calls-pages');
const agencyReview = () => import('../features/agency-review/agency-review-pages');
const statistics = () => import('../features/statistics/statistics-pages');
const admin = () => import('../features/admin/admin-pages');
const account = () => import('../features/account/account-pages');

const router = createBrowserRouter([
  { path: PAGES.signIn, element: <SignInPage /> },
  {
    element: <RequireSession />,
    children: [
      { path: PAGES.home, element: <HomeRedirect /> },
      { path: PAGES.researcher, lazy: async () => ({ Component: (await researcher()).ResearcherHomePage }) },
      { path: PAGES.researcherCalls, lazy: async () => ({ Component: (await researcher()).CallsPage }) },
      { path: PAGES.researcherCall, lazy: async () => ({ Component: (await researcher()).CallPage }) },
      { path: PAGES.proposal, lazy: async () => ({ Component: (await researcher()).ProposalPage }) },
      { path: PAGES.proposalReceipt, lazy: async () => ({ Component: (await researcher()).ReceiptPage }) },
      { path: PAGES.office, lazy: async () => ({ Component: (await office()).OfficeQueuePage }) },
      { path: PAGES.officeProposal, lazy: async () => ({ Component: (await office()).OfficeProposalPage }) },
      { path: PAGES.officeDeadlines, lazy: async () => ({ Component: (await office()).OfficeDeadlinesPage }) },
      { path: PAGES.reviewer, lazy: async () => ({ Component: (await reviewer()).ReviewerHomePage }) },
      { path: PAGES.reviewerAssignment, lazy: async () => ({ Component: (await reviewer()).AssignmentPage }) },
      { path: PAGES.agency, lazy: async () => ({ Component: (await agencyCalls()).AgencyHomePage }) },
      { path: PAGES.agencyCallNew, lazy: async () => ({ Component: (await agencyCalls()).NewCallPage }) },
      { path: PAGES.agencyCall, lazy: async () => ({ Component: (await agencyCalls()).CallEditorPage }) },
      { path: PAGES.agencyCallForm, lazy: async () => ({ Component: (await agencyCalls()).CallFormPage }) },
      { path: PAGES.agencyApplications, lazy: async () => ({ Component: (await agencyReview()).ApplicationsPage }) },
      { path: PAGES.agencyApplication, lazy: async () => ({ Component: (await agencyReview()).ApplicationPage }) },
      { path: PAGES.agencyReviewers, lazy: async () => ({ Component: (await agencyReview()).ReviewersPage }) },
      { path: PAGES.agencyProgress, lazy: async () => ({ Component: (await agencyReview()).ProgressPage }) },
      { path: PAGES.agencyRanking, lazy: async () => ({ Component: (await agencyReview()).RankingPage }) },
      { path: PAGES.agencyStatistics, lazy: async () => ({ Component: (await statistics()).StatisticsPage }) },
      { path: PAGES.admin, lazy: async () => ({ Component: (await admin()).OrganisationsPage }) },
      { path: PAGES.adminUsers, lazy: async () => ({ Component: (await admin()).UsersPage }) },
      { path: PAGES.notices, lazy: async () => ({ Component: (await account()).NoticesPage }) },
      { path: PAGES.settings, lazy: async () => ({ Component: (await account()).SettingsPage }) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  useEffect(() => {
    void session.restore();
    // Signed out (here or in another tab): nothing read in the session stays in memory.
    const unsubscribe = session.subscribe(() => {
      if (session.getSnapshot().status === 'signed-out') queryClient.clear();
    });
    // A page restored from the back-forward cache after sign-out must not show its old content.
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted && session.getSnapshot().status !== 'signed-in') window.location.reload();
    };
    window.addEventListener('pageshow', onPageShow);
    return () => {
      unsubscribe();
      window.removeEventListener('pageshow', onPageShow);
    };
  }, []);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
