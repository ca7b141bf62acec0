import createClient from 'openapi-fetch';
import { session } from '../auth/session';
import { ApiError, isProblem, networkProblem, type Problem } from './problem';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/**
 * The one client of the api, typed from its OpenAPI document. Requests carry the in-memory access
 * token; a 401 refreshes the session once (through the HttpOnly cookie) and retries.
 */
export const api = createClient<paths>({ baseUrl: '', fetch: (request) => session.authorizedFetch(request) });

/**
 * Unwraps an openapi-fetch answer: the data, or an ApiError with the api's problem. Use it inside
 * query and mutation functions so that errors reach TanStack Query.
 */
export async function call<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch (error) {
    throw new ApiError(networkProblem(error), undefined);
  }
  if (result.response.ok) return result.data as T;
  const problem: Problem = isProblem(result.error)
    ? result.error
    : { type: 'about:blank', title: result.response.statusText, status: result.response.status, code: `HTTP_${result.response.status}` };
  throw new ApiError(problem, result.response);
}

/** The If-Match value for an object read with a `version`. */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"${version}"` };
}
