import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { proposalKeys } from '../proposals/proposal-queries';

export type Ranking = Schemas['CallRankingDto'];
export type RankedApplication = Schemas['RankedApplicationDto'];
export type PoolReviewer = Schemas['CallReviewerDto'];
export type AssignmentProgress = Schemas['AssignmentProgressDto'];
export type AutoAssignReport = Schemas['AutoAssignReportDto'];
export type Outcome = Schemas['ApplicationOutcomeDto'];

export const reviewKeys = {
  applications: (callId: string) => ['applications', 'agency', callId] as const,
  pool: (callId: string) => ['calls', callId, 'reviewers'] as const,
  candidates: (callId: string, q: string) => ['calls', callId, 'reviewer-candidates', q] as const,
  progress: (callId: string) => ['calls', callId, 'assignments'] as const,
  ranking: (callId: string, trackId: string) => ['calls', callId, 'ranking', trackId] as const,
  reviews: (id: string) => ['applications', id, 'reviews'] as const,
  outcome: (id: string) => ['applications', id, 'outcome'] as const,
};

/** The call's applications that reached the officer's agency (up to 100; a call's review rarely has more on one page). */
export function useAgencyApplications(callId: string) {
  return useQuery({
    queryKey: reviewKeys.applications(callId),
    queryFn: () => call(api.GET('/applications', { params: { query: { view: 'agency', callId, limit: 100 } } })),
  });
}

export function usePool(callId: string) {
  return useQuery({
    queryKey: reviewKeys.pool(callId),
    queryFn: () => call(api.GET('/calls/{id}/reviewers', { params: { path: { id: callId } } })),
  });
}

export function useReviewerCandidates(callId: string, q: string) {
  return useQuery({
    queryKey: reviewKeys.candidates(callId, q),
    queryFn: () => call(api.GET('/calls/{id}/reviewer-candidates', { params: { path: { id: callId }, query: { q } } })),
    enabled: q.trim().length > 0,
  });
}

export function useProgress(callId: string) {
  return useQuery({
    queryKey: reviewKeys.progress(callId),
    queryFn: () => call(api.GET('/calls/{id}/assignments', { params: { path: { id: callId } } })),
  });
}

export function useRanking(callId: string, trackId: string) {
  return useQuery({
    queryKey: reviewKeys.ranking(callId, trackId),
    queryFn: () => call(api.GET('/calls/{id}/ranking', { params: { path: { id: callId }, query: trackId ? { trackId } : {} } })),
  });
}

export function useApplicationReviews(id: string, enabled: boolean) {
  return useQuery({
    queryKey: reviewKeys.reviews(id),
    queryFn: () => call(api.GET('/applications/{id}/reviews', { params: { path: { id } } })),
    enabled,
  });
}

export function useOutcome(id: string) {
  return useQuery({
    queryKey: reviewKeys.outcome(id),
    queryFn: () => call(api.GET('/applications/{id}/outcome', { params: { path: { id } } })),
  });
}

/** After a change of a call's reviews, everything of the call and its applications is read again. */
function useInvalidateCall(callId: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['calls', callId] });
    void client.invalidateQueries({ queryKey: ['applications'] });
  };
}

export function useRecordEligibility(callId: string) {
  const refresh = useInvalidateCall(callId);
  return useMutation({
    mutationFn: ({ id, agencyId, body }: { id: string; agencyId: string; body: Schemas['EligibilityDto'] }) =>
      call(api.POST('/applications/{id}/sides/{agencyId}/eligibility', { params: { path: { id, agencyId } }, body })),
    onSuccess: refresh,
  });
}

export function useAddReviewer(callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reviewerId: string) => call(api.POST('/calls/{id}/reviewers', { params: { path: { id: callId } }, body: { reviewerId } })),
    onSuccess: (pool) => {
      client.setQueryData(reviewKeys.pool(callId), pool);
      void client.invalidateQueries({ queryKey: ['calls', callId, 'reviewer-candidates'] });
    },
  });
}

export function useAssignReviewer(callId: string) {
  const refresh = useInvalidateCall(callId);
  return useMutation({
    mutationFn: ({ applicationId, body }: { applicationId: string; body: Schemas['AssignReviewerDto'] }) =>
      call(api.POST('/applications/{id}/assignments', { params: { path: { id: applicationId } }, body })),
    onSuccess: refresh,
  });
}

export function useUnassign(callId: string) {
  const refresh = useInvalidateCall(callId);
  return useMutation({
    mutationFn: (assignmentId: string) => call(api.DELETE('/assignments/{id}', { params: { path: { id: assignmentId } } })),
    onSuccess: refresh,
  });
}

export function useAutoAssign(callId: string) {
  const refresh = useInvalidateCall(callId);
  return useMutation({
    mutationFn: (body: Schemas['AutoAssignDto']) => call(api.POST('/calls/{id}/auto-assign', { params: { path: { id: callId } }, body })),
    onSuccess: refresh,
  });
}

export function useRemind(callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (assignmentId: string) => call(api.POST('/assignments/{id}/remind', { params: { path: { id: assignmentId } } })),
    onSuccess: (row) => {
      client.setQueryData<AssignmentProgress[]>(reviewKeys.progress(callId), (rows) => rows?.map((r) => (r.id === row.id ? row : r)));
    },
  });
}

export function useDecide(applicationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ agencyId, body }: { agencyId: string; body: Schemas['SideDecisionDto'] }) =>
      call(api.POST('/applications/{id}/sides/{agencyId}/decision', { params: { path: { id: applicationId, agencyId } }, body })),
    onSuccess: (outcome) => {
      client.setQueryData(reviewKeys.outcome(applicationId), outcome);
      void client.invalidateQueries({ queryKey: proposalKeys.one(applicationId) });
      void client.invalidateQueries({ queryKey: ['applications', 'agency'] });
    },
  });
}
