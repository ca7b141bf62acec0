import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { proposalKeys } from '../proposals/proposal-queries';

export type OfficeFilters = {
  readonly callId?: string;
  readonly status?: Schemas['ApplicationDto']['status'];
  readonly field?: string;
  readonly deadlineFrom?: string;
  readonly deadlineTo?: string;
};

export const officeKeys = {
  queue: (filters: OfficeFilters, cursor: string | undefined) => ['applications', 'office', filters, cursor ?? ''] as const,
  calls: ['calls', 'office-options'] as const,
  latestSubmission: (applicationId: string) => ['applications', applicationId, 'submissions', 'latest'] as const,
};

/** The office's applications (its institution's sides and members), newest first, by cursor. */
export function useOfficeQueue(filters: OfficeFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: officeKeys.queue(filters, cursor),
    queryFn: () =>
      call(api.GET('/applications', { params: { query: { view: 'office', limit: 25, ...filters, ...(cursor ? { cursor } : {}) } } })),
    placeholderData: keepPreviousData,
  });
}

/**
 * The latest frozen submission of an application: what an office approves and an agency checks.
 * A 404 when none is kept (before the first submit, or submitted before submissions were kept).
 */
export function useLatestSubmission(applicationId: string) {
  return useQuery({
    queryKey: officeKeys.latestSubmission(applicationId),
    queryFn: () => call(api.GET('/applications/{id}/submissions/{number}', { params: { path: { id: applicationId, number: 'latest' } } })),
  });
}

/**
 * The answers of the latest submission to the call's questions: an office and an agency read every
 * answer. A 404 when there is no submission.
 */

/** Calls to filter by and to set internal deadlines for. */
export function useCallOptions() {
  return useQuery({
    queryKey: officeKeys.calls,
    queryFn: () => call(api.GET('/calls', { params: { query: { limit: 100 } } })),
    staleTime: 5 * 60_000,
  });
}

function useSideDecision<TBody>(id: string, send: (agencyId: string, body: TBody) => Promise<Schemas['ApplicationDto']>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ agencyId, body }: { agencyId: string; body: TBody }) => send(agencyId, body),
    onSuccess: (application) => {
      client.setQueryData(proposalKeys.one(id), application);
      void client.invalidateQueries({ queryKey: proposalKeys.events(id) });
      void client.invalidateQueries({ queryKey: ['applications', 'office'] });
    },
  });
}

/** Approve with the office's integrity checks; the caller keeps one Idempotency-Key per attempt. */
export function useApproveSide(id: string) {
  return useSideDecision(id, (agencyId, { key, ...body }: Schemas['ApproveSideDto'] & { key: string }) =>
    call(
      api.POST('/applications/{id}/sides/{agencyId}/approve', {
        params: { path: { id, agencyId }, header: { 'Idempotency-Key': key } },
        body,
      }),
    ),
  );
}

export function useReturnSide(id: string) {
  return useSideDecision(id, (agencyId, body: Schemas['ReturnSideDto']) =>
    call(api.POST('/applications/{id}/sides/{agencyId}/return', { params: { path: { id, agencyId } }, body })),
  );
}

export function useSetInstitutionDeadline() {
  return useMutation({
    mutationFn: ({ callId, deadline }: { callId: string; deadline: string }) =>
      call(api.PUT('/calls/{id}/institution-deadline', { params: { path: { id: callId } }, body: { deadline } })),
  });
}
