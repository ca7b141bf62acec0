import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';

export type Me = Schemas['UserDto'];
export type Role = Me['roles'][number];

export const meKey = ['me'] as const;

/** The signed-in user: name, organisation, roles (which consoles the navigation offers). */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: () => call(api.GET('/me')), staleTime: 60_000 });
}

/** The consoles, in the order the navigation shows them, and the role each needs. */
export const CONSOLES = [
  { role: 'researcher', page: 'researcher' },
  { role: 'institution_admin', page: 'office' },
  { role: 'reviewer', page: 'reviewer' },
  { role: 'program_officer', page: 'agency' },
  { role: 'admin', page: 'admin' },
] as const satisfies readonly { role: Role; page: string }[];
