import type { TFunction } from 'i18next';
import { formatMoney } from '../../lib/format';
import type { SubmissionProblem } from './proposal-queries';

/** The part of a field path that names the thing itself: `sides[1].budgetPerYear` → `budgetPerYear`. */
function leaf(path: string): string {
  return path.replace(/^sides\[\d+\]\.?/, '') || path;
}

/**
 * A submission problem in the reader's language: the message of its code, naming the field and,
 * for one side, its agency; the server's own English sentence is never shown.
 */
export function describeSubmissionProblem(
  problem: SubmissionProblem,
  agencyName: (agencyId: string) => string,
  t: TFunction,
  language: string,
): string {
  const field = t(`check.fields.${leaf(problem.field)}`, { defaultValue: leaf(problem.field) });
  const agency = problem.agencyId === undefined ? '' : agencyName(problem.agencyId);
  const caps = (problem.caps ?? [])
    .map((cap) => t(`check.caps.${cap.cap}`, { amount: formatMoney(cap.amount, cap.currency, language) }))
    .join(t('check.capsJoin'));
  const text = t(`check.codes.${problem.code}`, { field, caps, defaultValue: t('check.codes.OTHER', { field }) });
  return agency === '' ? text : t('check.ofSide', { agency, text });
}
