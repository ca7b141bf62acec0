import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, ifMatch, type Schemas } from '../../api/client';

export type MyAssignment = Schemas['MyAssignmentDto'];
export type AssignedApplication = Schemas['AssignedApplicationDto'];
export type ReviewCriterion = Schemas['ReviewCriterionDto'];

export const reviewerKeys = {
  assignments: ['assignments', 'mine'] as const,
  application: (assignmentId: string) => ['assignments', assignmentId, 'application'] as const,
  reviews: (applicationId: string) => ['applications', applicationId, 'reviews'] as const,
};

/** The reviewer's assignments; those on applications they are conflicted with are never among them. */
export function useMyAssignments() {
  return useQuery({ queryKey: reviewerKeys.assignments, queryFn: () => call(api.GET('/me/assignments')) });
}

/** The application under review, with the call's criteria and the reviewer's own review: only once accepted. */
export function useAssignedApplication(assignmentId: string, enabled: boolean) {
  return useQuery({
    queryKey: reviewerKeys.application(assignmentId),
    queryFn: () => call(api.GET('/assignments/{id}/application', { params: { path: { id: assignmentId } } })),
    enabled,
  });
}

/**
 * The answers of the submission under review to the call's questions: the api gives a reviewer only
 * the answers the form lets reviewers read.
 */

/** The other reviews of the application, shown once the reviewer's own is submitted, never with identities. */
export function useOtherReviews(applicationId: string, enabled: boolean) {
  return useQuery({
    queryKey: reviewerKeys.reviews(applicationId),
    queryFn: () => call(api.GET('/applications/{id}/reviews', { params: { path: { id: applicationId } } })),
    enabled,
  });
}

/** Accepting, declining and declaring a conflict all change the list and what the assignment page may show. */
function useAssignmentChange<TInput>(send: (input: TInput) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['assignments'] });
    },
  });
}

export function useAcceptAssignment(assignmentId: string) {
  return useAssignmentChange(() =>
    call(api.POST('/assignments/{id}/accept', { params: { path: { id: assignmentId } }, body: { noConflict: true } })),
  );
}

export function useDeclineAssignment(assignmentId: string) {
  return useAssignmentChange((reason: string) =>
    call(api.POST('/assignments/{id}/decline', { params: { path: { id: assignmentId } }, body: { reason } })),
  );
}

export function useDeclareConflict(applicationId: string) {
  return useAssignmentChange((reason: string) =>
    call(api.POST('/applications/{id}/conflicts', { params: { path: { id: applicationId } }, body: { reason } })),
  );
}

/** Saves the review as a draft with the version it was read at; a 409 means it changed elsewhere. */
export function useSaveReview(assignmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ scores, comment, version }: { scores: Record<string, number>; comment: string; version: number }) =>
      call(
        api.PUT('/assignments/{id}/review', {
          params: { path: { id: assignmentId }, header: ifMatch(version) },
          body: { scores, comment },
        }),
      ),
    onSuccess: (application) => {
      client.setQueryData(reviewerKeys.application(assignmentId), application);
      void client.invalidateQueries({ queryKey: reviewerKeys.assignments });
    },
  });
}

export function useSubmitReview(assignmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/assignments/{id}/review/submit', { params: { path: { id: assignmentId } } })),
    onSuccess: (application) => {
      client.setQueryData(reviewerKeys.application(assignmentId), application);
      void client.invalidateQueries({ queryKey: reviewerKeys.assignments });
    },
  });
}
