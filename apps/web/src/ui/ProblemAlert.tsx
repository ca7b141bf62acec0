import { useTranslation } from 'react-i18next';
import { ApiError, type Problem } from '../api/problem';
import { Loading } from './Page';

/** The message for a problem code from the catalogue, with the server's own detail as a last resort. */
export function useProblemText(): (problem: Problem) => string {
  const { t } = useTranslation();
  return (problem) => t(`problems.${problem.code}`, { defaultValue: t('problems.UNKNOWN', { status: problem.status }) });
}

/** An error of the api, announced to screen readers, with the fields it concerns. */
export function ProblemAlert({ error, id }: { readonly error: unknown; readonly id?: string }) {
  const { t } = useTranslation();
  const text = useProblemText();
  if (error === null || error === undefined) return null;
  const problem: Problem = error instanceof ApiError ? error.problem : { type: 'about:blank', title: 'Error', status: 0, code: 'UNKNOWN' };
  return (
    <div role="alert" className="alert alert-error" id={id}>
      <p>{text(problem)}</p>
      {problem.errors && problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              <strong>{t(`fields.${e.field}`, { defaultValue: e.field })}</strong>: {e.message}
            </li>
          ))}
        </ul>
      )}
      {problem.requestId && <p className="muted small">{t('problems.requestId', { id: problem.requestId })}</p>}
    </div>
  );
}

/** A query's state before its content: its problem, or "Loading…" until its first answer. */
export function QueryState({ query }: { readonly query: { readonly data?: unknown; readonly error: unknown } }) {
  return (
    <>
      <ProblemAlert error={query.error} />
      {query.data === undefined && !query.error && <Loading />}
    </>
  );
}
