import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { viewerTimeZone } from '../../lib/format';

export type CallSummary = Schemas['CallSummaryDto'];
export type Call = Schemas['CallDto'];
export type CallMode = Call['mode'];

export interface CallFilters {
  readonly q?: string;
  readonly field?: string;
  readonly partnerCountry?: string;
  readonly agencyId?: string;
  readonly mode?: CallMode;
  readonly status?: 'announced' | 'open';
  readonly cursor?: string;
}

export const callKeys = {
  list: (filters: CallFilters) => ['calls', 'list', filters] as const,
  one: (id: string) => ['calls', id] as const,
  agencies: ['organizations', 'agencies'] as const,
};

/** Calls researchers may answer: announced or open unless a status is chosen. */
export function useCalls(filters: CallFilters) {
  return useQuery({
    queryKey: callKeys.list(filters),
    queryFn: () => call(api.GET('/calls', { params: { query: { ...filters, limit: 20, tz: viewerTimeZone() } } })),
    placeholderData: keepPreviousData,
  });
}

export function useCall(id: string) {
  return useQuery({
    queryKey: callKeys.one(id),
    queryFn: () => call(api.GET('/calls/{id}', { params: { path: { id }, query: { tz: viewerTimeZone() } } })),
  });
}

export function useAgencies() {
  return useQuery({
    queryKey: callKeys.agencies,
    queryFn: () => call(api.GET('/organizations', { params: { query: { kind: 'funding_agency', limit: 100 } } })),
    staleTime: 10 * 60_000,
  });
}

export function useWatchCall(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (watch: boolean) =>
      watch
        ? call(api.PUT('/calls/{id}/watch', { params: { path: { id } } }))
        : call(api.DELETE('/calls/{id}/watch', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: callKeys.one(id) }),
  });
}
