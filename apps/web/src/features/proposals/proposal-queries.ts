import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, ifMatch, type Schemas } from '../../api/client';

export type Application = Schemas['ApplicationDto'];
export type ApplicationSummary = Schemas['ApplicationSummaryDto'];
export type Side = Application['sides'][number];
export type Member = Application['members'][number];
export type MemberInput = Schemas['MemberInputDto'];
export type ApplicationEvent = Schemas['ApplicationEventDto'];
export type SubmissionProblem = Schemas['SubmissionProblemDto'];
export type UpdateApplication = Schemas['UpdateApplicationDto'];
export type UpdateSide = Schemas['UpdateSideDto'];

export const proposalKeys = {
  mine: ['applications', 'mine'] as const,
  one: (id: string) => ['applications', id] as const,
  events: (id: string) => ['applications', id, 'events'] as const,
  documents: (id: string) => ['applications', id, 'documents'] as const,
  submissions: (id: string) => ['applications', id, 'submissions'] as const,
};

export function useMyApplications() {
  return useQuery({
    queryKey: proposalKeys.mine,
    queryFn: () => call(api.GET('/applications', { params: { query: { view: 'mine', limit: 100 } } })),
  });
}

export function useApplication(id: string) {
  return useQuery({ queryKey: proposalKeys.one(id), queryFn: () => call(api.GET('/applications/{id}', { params: { path: { id } } })) });
}

export function useApplicationEvents(id: string) {
  return useQuery({
    queryKey: proposalKeys.events(id),
    queryFn: () => call(api.GET('/applications/{id}/events', { params: { path: { id } } })),
  });
}

/**
 * The server's answer to an edit replaces the cached application (its version included). A submit
 * adds a submission and may change what the documents' slots allow; those are read again.
 */
function useApplicationMutation<TInput>(id: string, mutationFn: (input: TInput) => Promise<Application>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (application) => {
      client.setQueryData(proposalKeys.one(id), application);
      void client.invalidateQueries({ queryKey: proposalKeys.events(id) });
      void client.invalidateQueries({ queryKey: proposalKeys.mine });
      void client.invalidateQueries({ queryKey: proposalKeys.submissions(id) });
      void client.invalidateQueries({ queryKey: proposalKeys.documents(id) });
    },
  });
}

export const updateApplication = (id: string, version: number, body: UpdateApplication) =>
  call(api.PATCH('/applications/{id}', { params: { path: { id }, header: ifMatch(version) }, body }));

export const updateSide = (id: string, agencyId: string, version: number, body: UpdateSide) =>
  call(api.PATCH('/applications/{id}/sides/{agencyId}', { params: { path: { id, agencyId }, header: ifMatch(version) }, body }));

export function useCheckApplication(id: string) {
  return useMutation({ mutationFn: () => call(api.POST('/applications/{id}/check', { params: { path: { id } } })) });
}

/** Submit with an Idempotency-Key: a double click or a retry after a lost answer gives one receipt. */
export function useSubmitApplication(id: string) {
  return useApplicationMutation(id, (idempotencyKey: string) =>
    call(api.POST('/applications/{id}/submit', { params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } } })),
  );
}

export function useReopenApplication(id: string) {
  return useApplicationMutation(id, () => call(api.POST('/applications/{id}/reopen', { params: { path: { id } } })));
}

export function useWithdrawApplication(id: string) {
  return useApplicationMutation(id, () => call(api.POST('/applications/{id}/withdraw', { params: { path: { id } } })));
}
