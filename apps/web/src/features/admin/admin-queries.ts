import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, ifMatch, type Schemas } from '../../api/client';

export type Organisation = Schemas['OrganisationDto'];
export type OrganisationBody = Schemas['CreateOrganisationDto'];
export type User = Schemas['UserDto'];
export type Role = User['roles'][number];

export type OrganisationFilters = { readonly q?: string; readonly kind?: Organisation['kind'] };
export type UserFilters = { readonly q?: string; readonly role?: Role };

export const adminKeys = {
  organisations: (filters: OrganisationFilters, cursor: string | undefined) => ['organisations', 'admin', filters, cursor ?? ''] as const,
  organisationOptions: ['organisations', 'options'] as const,
  users: (filters: UserFilters, cursor: string | undefined) => ['users', 'admin', filters, cursor ?? ''] as const,
};

const PAGE = 50;

export function useOrganisations(filters: OrganisationFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: adminKeys.organisations(filters, cursor),
    queryFn: () => call(api.GET('/organizations', { params: { query: { limit: PAGE, ...filters, ...(cursor ? { cursor } : {}) } } })),
    placeholderData: keepPreviousData,
  });
}

/** Organisations to choose a user's from (the first hundred by English name). */
export function useOrganisationOptions() {
  return useQuery({
    queryKey: adminKeys.organisationOptions,
    queryFn: () => call(api.GET('/organizations', { params: { query: { limit: 100 } } })),
    staleTime: 5 * 60_000,
  });
}

export function useSaveOrganisation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: string; version?: number; body: OrganisationBody }) =>
      id === undefined || version === undefined
        ? call(api.POST('/organizations', { body }))
        : call(api.PATCH('/organizations/{id}', { params: { path: { id }, header: ifMatch(version) }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['organisations'] }),
  });
}

export function useUsers(filters: UserFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: adminKeys.users(filters, cursor),
    queryFn: () => call(api.GET('/users', { params: { query: { limit: PAGE, ...filters, ...(cursor ? { cursor } : {}) } } })),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateUserDto']) => call(api.POST('/users', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: Schemas['UpdateUserDto'] }) =>
      call(api.PATCH('/users/{id}', { params: { path: { id }, header: ifMatch(version) }, body })),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['users'] }), client.invalidateQueries({ queryKey: ['me'] })]),
  });
}
