import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';

export type CallStatistics = Schemas['CallStatisticsDto'];
export type BreakdownRow = Schemas['BreakdownRowDto'];
export type CountryRow = Schemas['CountryRowDto'];

export const statisticsKeys = {
  call: (callId: string) => ['calls', callId, 'statistics'] as const,
};

/** How a call went, as the api computes it from the rows (nothing stored): counts and breakdowns. */
export function useCallStatistics(callId: string) {
  return useQuery({
    queryKey: statisticsKeys.call(callId),
    queryFn: () => call(api.GET('/calls/{id}/statistics', { params: { path: { id: callId } } })),
  });
}

/** The path of the same statistics as CSV, for the download. */
export function statisticsCsvPath(callId: string): string {
  return `/calls/${encodeURIComponent(callId)}/statistics.csv`;
}
