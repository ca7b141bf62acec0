import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, ifMatch } from '../../api/client';
import { viewerTimeZone } from '../../lib/format';
import { callKeys } from '../calls/calls-queries';
import type { Call, CreateCall, UpdateCall } from './call-form';
import type { CallFormAnswer, PutCallForm } from './form-builder';
import type { DocumentRequirement, PutDocumentRequirements } from './requirements-form';

export const agencyCallKeys = {
  mine: (agencyId: string) => ['calls', 'agency', agencyId] as const,
  programs: (agencyId: string) => ['programs', agencyId] as const,
  dashboard: ['dashboards', 'agency'] as const,
  requirements: (callId: string) => ['calls', callId, 'document-requirements'] as const,
  form: (callId: string) => ['calls', callId, 'form'] as const,
};

/** The agency across its calls: per call, the sides that reached it and where they stand. */
export function useAgencyDashboard() {
  return useQuery({ queryKey: agencyCallKeys.dashboard, queryFn: () => call(api.GET('/dashboards/agency')) });
}

/** The calls the officer's agency takes part in (drafts included), by next deadline. */
export function useAgencyCalls(agencyId: string | undefined) {
  return useQuery({
    queryKey: agencyCallKeys.mine(agencyId ?? ''),
    queryFn: () => call(api.GET('/calls', { params: { query: { agencyId: agencyId ?? '', limit: 100, tz: viewerTimeZone() } } })),
    enabled: agencyId !== undefined,
  });
}

/** The programs the officer's agency runs: a new call belongs to one of them. */
export function usePrograms(agencyId: string | undefined) {
  return useQuery({
    queryKey: agencyCallKeys.programs(agencyId ?? ''),
    queryFn: () => call(api.GET('/programs', { params: { query: { agencyId: agencyId ?? '', limit: 100 } } })),
    enabled: agencyId !== undefined,
    staleTime: 5 * 60_000,
  });
}

function useCallWrite<TInput>(send: (input: TInput) => Promise<Call>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (answer) => {
      client.setQueryData(callKeys.one(answer.id), answer);
      void client.invalidateQueries({ queryKey: ['calls', 'agency'] });
    },
  });
}

export function useCreateCall() {
  return useCallWrite((body: CreateCall) => call(api.POST('/calls', { body })));
}

export function useUpdateCall(id: string) {
  return useCallWrite(({ version, body }: { version: number; body: UpdateCall }) =>
    call(api.PATCH('/calls/{id}', { params: { path: { id }, header: ifMatch(version) }, body })),
  );
}

export function usePublishCall(id: string) {
  return useCallWrite((version: number) => call(api.POST('/calls/{id}/publish', { params: { path: { id }, header: ifMatch(version) } })));
}

export function useCancelCall(id: string) {
  return useCallWrite(({ version, reason }: { version: number; reason: string }) =>
    call(api.POST('/calls/{id}/cancel', { params: { path: { id }, header: ifMatch(version) }, body: { reason } })),
  );
}

/** The documents the call asks for, in order. */
export function useDocumentRequirements(callId: string) {
  return useQuery({
    queryKey: agencyCallKeys.requirements(callId),
    queryFn: () => call(api.GET('/calls/{id}/document-requirements', { params: { path: { id: callId } } })),
  });
}

/** Replaces the list: requirements sent with their id are kept (with their uploads), new ones added, those left out retired. */
export function usePutDocumentRequirements(callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PutDocumentRequirements) =>
      call(api.PUT('/calls/{id}/document-requirements', { params: { path: { id: callId } }, body })),
    onSuccess: (answer: DocumentRequirement[]) => {
      client.setQueryData(agencyCallKeys.requirements(callId), answer);
    },
  });
}

/** The call's own questions, latest version (null while it has none). */
export function useCallForm(callId: string) {
  return useQuery({
    queryKey: agencyCallKeys.form(callId),
    queryFn: () => call(api.GET('/calls/{id}/form', { params: { path: { id: callId } } })),
  });
}

/**
 * Replaces the call's questions (the lead agency's officers). Once the call is open the api keeps
 * the form as applicants answer it unless `newVersion` asks for a new version on purpose.
 */
export function usePutCallForm(callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, newVersion }: { body: PutCallForm; newVersion: boolean }) =>
      call(
        api.PUT('/calls/{id}/form', {
          params: { path: { id: callId }, ...(newVersion ? { query: { newVersion: true } } : {}) },
          body,
        }),
      ),
    onSuccess: (answer: CallFormAnswer) => {
      client.setQueryData(agencyCallKeys.form(callId), answer);
    },
  });
}
