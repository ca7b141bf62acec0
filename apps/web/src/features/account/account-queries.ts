import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, ifMatch, type Schemas } from '../../api/client';
import { meKey } from '../me/me-query';
import type { EmailChoices } from './email-choices';

export type Notice = Schemas['NotificationDto'];
export type NoticePage = Schemas['NotificationPageDto'];

/** How often the header asks for the number of unread notices. */
export const UNREAD_REFRESH_MS = 60_000;

export const accountKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: (unreadOnly: boolean, cursor: string | undefined) => ['notifications', 'list', unreadOnly, cursor ?? ''] as const,
  preferences: ['notification-preferences'] as const,
};

/** The number of the user's notices not read yet (one notice is the smallest page the api gives with it). */
export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: accountKeys.unread,
    queryFn: async () => (await call(api.GET('/notifications', { params: { query: { limit: 1 } } }))).unreadCount,
    refetchInterval: UNREAD_REFRESH_MS,
    enabled,
  });
}

/** The user's notices, newest first, by cursor; every page also says how many are unread. */
export function useNotices(unreadOnly: boolean, cursor: string | undefined) {
  const client = useQueryClient();
  return useQuery({
    queryKey: accountKeys.list(unreadOnly, cursor),
    queryFn: async () => {
      const page = await call(
        api.GET('/notifications', {
          params: { query: { limit: 20, ...(unreadOnly ? { unread: true } : {}), ...(cursor ? { cursor } : {}) } },
        }),
      );
      client.setQueryData(accountKeys.unread, page.unreadCount);
      return page;
    },
    placeholderData: keepPreviousData,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.POST('/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.all }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/notifications/read-all')),
    onSuccess: (marked) => {
      client.setQueryData(accountKeys.unread, marked.unreadCount);
      return client.invalidateQueries({ queryKey: accountKeys.all });
    },
  });
}

export function useEmailPreferences() {
  return useQuery({ queryKey: accountKeys.preferences, queryFn: () => call(api.GET('/notifications/preferences')) });
}

export function useUpdateEmailPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (email: EmailChoices) => call(api.PATCH('/notifications/preferences', { body: { email } })),
    onSuccess: (preferences) => client.setQueryData(accountKeys.preferences, preferences),
  });
}

/** Language and time zone of the account: e-mails and notices are written in them. */
export function useUpdateMe() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: Schemas['UpdateMeDto'] }) =>
      call(api.PATCH('/me', { params: { header: ifMatch(version) }, body })),
    onSuccess: (me) => {
      client.setQueryData(meKey, me);
      // Notices are written in the account's language.
      return client.invalidateQueries({ queryKey: accountKeys.all });
    },
  });
}

/** A new private calendar-feed address; the one before stops working. */
export function useRotateCalendarToken() {
  return useMutation({ mutationFn: () => call(api.POST('/me/calendar-token')) });
}
