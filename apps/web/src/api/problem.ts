/** An RFC 9457 problem as the api answers it: a stable code, the request id and field errors. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly code: string;
  readonly requestId?: string;
  readonly errors?: readonly { readonly field: string; readonly message: string; readonly [extension: string]: unknown }[];
  readonly [extension: string]: unknown;
}

/** A refusal of the api, carrying its problem; thrown by `call` so TanStack Query sees it as the error. */
export class ApiError extends Error {
  constructor(
    readonly problem: Problem,
    readonly response: Response | undefined,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }
}

/** The problem for a network failure (no answer at all), so the pages show one kind of error. */
export function networkProblem(error: unknown): Problem {
  return {
    type: 'about:blank',
    title: 'Network error',
    status: 0,
    code: 'NETWORK_ERROR',
    detail: error instanceof Error ? error.message : String(error),
  };
}

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).code === 'string' &&
    typeof (value as Problem).status === 'number'
  );
}
