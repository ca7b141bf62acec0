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
/** A draft's answers to the call's questions, on the form version it answers, with its questions and schemas. */
export type ApplicationAnswers = Schemas['ApplicationAnswersDto'];
export type SubmittedAnswers = Schemas['SubmittedAnswersDto'];
export type CallForm = Schemas['CallFormDto'];

export const proposalKeys = {
  mine: ['applications', 'mine'] as const,
  one: (id: string) => ['applications', id] as const,
  events: (id: string) => ['applications', id, 'events'] as const,
  documents: (id: string) => ['applications', id, 'documents'] as const,
  submissions: (id: string) => ['applications', id, 'submissions'] as const,
  answers: (id: string) => ['applications', id, 'answers'] as const,
  /** Under submissions: a submit makes them new. */
  callForm: (callId: string) => ['calls', callId, 'form'] as const,
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

/** Saves a draft's own fields, answering only the new version (Prefer: return=minimal: autosave sends the whole application no more). */
export async function updateApplication(id: string, version: number, body: UpdateApplication): Promise<number> {
  const answer = await call(
    api.PATCH('/applications/{id}', { params: { path: { id }, header: { ...ifMatch(version), Prefer: 'return=minimal' } }, body }),
  );
  return answer.version;
}

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

/** The draft's answers on its own form version, with that version's questions and schemas, and what a later version changed. */
export function useApplicationAnswers(id: string, enabled = true) {
  return useQuery({ queryKey: proposalKeys.answers(id), queryFn: () => fetchAnswers(id), enabled });
}

export const fetchAnswers = (id: string) => call(api.GET('/applications/{id}/answers', { params: { path: { id } } }));

/**
 * Saves the draft's answers whole (the api checks each given one; incomplete is fine) if they are
 * still at `version`, the one read; a co-PI's save since then is refused with 409 VERSION_MISMATCH.
 */
export const putAnswers = (id: string, version: number, answers: Record<string, unknown>) =>
  call(api.PUT('/applications/{id}/answers', { params: { path: { id }, header: ifMatch(version) }, body: { answers } }));

/** The call's latest form: read only to name what a newer version changed. */
export function useCallForm(callId: string, enabled: boolean) {
  return useQuery({
    queryKey: proposalKeys.callForm(callId),
    queryFn: () => call(api.GET('/calls/{id}/form', { params: { path: { id: callId } } })),
    enabled,
  });
}
