import type { FieldError } from '#platform';
import { type SideState, submissionBlockers } from './application-state.js';

interface Money {
  readonly amount: number;
  readonly currency: string;
}

/** What the checks need of the call: its agencies, the chosen track, fields and eligible countries. */
export interface CallTerms {
  readonly mode: 'joint_call' | 'co_funding' | 'twinning';
  readonly agencies: readonly { readonly agencyId: string; readonly role: 'lead' | 'partner'; readonly budgetCap: Money | null }[];
  readonly track: { readonly maxBudget: Money | null; readonly maxDurationMonths: number; readonly earlyCareerRequired: boolean };
  readonly fields: readonly string[];
  readonly eligibleCountries: readonly string[];
}

export interface ApplicationContent {
  readonly title: string;
  readonly abstract: string;
  readonly fieldCode: string | null;
  readonly durationMonths: number | null;
  readonly sides: readonly {
    readonly agencyId: string;
    readonly hasPi: boolean;
    readonly institutionId: string | null;
    readonly institutionCountry: string | null;
    readonly budgetPerYear: readonly number[];
    readonly budgetCurrency: string | null;
    readonly existingGrantNumber: string | null;
  }[];
  readonly members: readonly { readonly earlyCareer: boolean }[];
}

/** The stable codes of submission problems: what stops any submission now, and what the proposal lacks. */
export const SUBMISSION_PROBLEM_CODES = [
  'WRONG_STATE',
  'DEADLINE_PASSED',
  'MISSING',
  'NOT_A_CALL_FIELD',
  'DURATION_OVER_TRACK',
  'SIDES_MISMATCH',
  'COUNTRY_NOT_ELIGIBLE',
  'BUDGET_NOT_ALLOWED',
  'BUDGET_YEARS_OVER_DURATION',
  'BUDGET_OVER_CAP',
  'EARLY_CAREER_MEMBER_MISSING',
  'DOCUMENT_MISSING',
  'DOCUMENT_OVER_PAGES',
  'DOCUMENT_INFECTED',
  'ANSWER_MISSING',
  'ANSWER_INVALID',
  'ANSWER_UNKNOWN',
] as const;
export type SubmissionProblemCode = (typeof SUBMISSION_PROBLEM_CODES)[number];

export interface BudgetCap extends Money {
  readonly cap: 'track' | 'agency';
}

/** One reason a submission would be refused, said once, at the field it is about. */
export interface SubmissionProblem extends FieldError {
  readonly code: SubmissionProblemCode;
  /** The side concerned, for a problem of one side. */
  readonly agencyId?: string;
  /** A budget over its caps: every cap it exceeds. */
  readonly caps?: readonly BudgetCap[];
}

/**
 * Everything that stops a submission now, in one list: the application's state and each passed
 * deadline first, then every problem of the proposal against the call. Submit refuses with exactly
 * this list, and checking a draft answers it.
 */
export function submissionProblems(
  sides: readonly SideState[],
  application: ApplicationContent,
  terms: CallTerms,
  now: Date,
): SubmissionProblem[] {
  return [...submissionBlockers(sides, now), ...checkSubmission(application, terms)];
}

/**
 * Everything a submission must satisfy, all at once, by field, each problem once: a complete
 * proposal, one side per participating agency, budgets within the track's and the agency's caps
 * (none in twinning, which names the side's funded project instead), the duration within the
 * track's, an early-career member where the track asks for one, and partner institutions in
 * eligible countries.
 */
export function checkSubmission(application: ApplicationContent, terms: CallTerms): SubmissionProblem[] {
  const problems: SubmissionProblem[] = [];
  const fail = (code: SubmissionProblemCode, field: string, message: string, about: Partial<SubmissionProblem> = {}): void => {
    problems.push({ code, field, message: `${field} ${message}`, ...about });
  };
  if (application.title.trim() === '') fail('MISSING', 'title', 'is required');
  if (application.abstract.trim() === '') fail('MISSING', 'abstract', 'is required');
  if (application.fieldCode === null) fail('MISSING', 'fieldCode', 'is required');
  else if (!terms.fields.includes(application.fieldCode))
    fail('NOT_A_CALL_FIELD', 'fieldCode', 'must be one of the call’s research fields');
  if (application.durationMonths === null) fail('MISSING', 'durationMonths', 'is required');
  else if (application.durationMonths > terms.track.maxDurationMonths) {
    fail('DURATION_OVER_TRACK', 'durationMonths', `must not exceed the track's ${terms.track.maxDurationMonths} months`);
  }

  const expected = new Set(terms.agencies.map((a) => a.agencyId));
  const present = new Set(application.sides.map((s) => s.agencyId));
  if (expected.size !== present.size || [...expected].some((id) => !present.has(id))) {
    fail('SIDES_MISMATCH', 'sides', 'must have exactly one side per participating agency');
  }
  const years = application.durationMonths === null ? null : Math.ceil(application.durationMonths / 12);
  application.sides.forEach((side, i) => {
    const agency = terms.agencies.find((a) => a.agencyId === side.agencyId);
    const at = `sides[${i}]`;
    const ofSide = { agencyId: side.agencyId };
    if (!side.hasPi) fail('MISSING', `${at}.pi`, 'is required: a user, or a name and e-mail', ofSide);
    if (side.institutionId === null) fail('MISSING', `${at}.institutionId`, 'is required', ofSide);
    else if (
      agency?.role === 'partner' &&
      terms.eligibleCountries.length > 0 &&
      (side.institutionCountry === null || !terms.eligibleCountries.includes(side.institutionCountry))
    ) {
      fail(
        'COUNTRY_NOT_ELIGIBLE',
        `${at}.institutionId`,
        `must be in an eligible partner country (${terms.eligibleCountries.join(', ')})`,
        ofSide,
      );
    }
    if (terms.mode === 'twinning') {
      if (!side.existingGrantNumber?.trim())
        fail('MISSING', `${at}.existingGrantNumber`, "is required in twinning: the grant number of the side's funded project", ofSide);
      if (side.budgetPerYear.length > 0)
        fail('BUDGET_NOT_ALLOWED', `${at}.budgetPerYear`, 'must be empty: twinning carries no budget', ofSide);
      return;
    }
    if (side.budgetPerYear.length === 0 || side.budgetCurrency === null) {
      fail('MISSING', `${at}.budgetPerYear`, 'is required, with its currency', ofSide);
      return;
    }
    if (years !== null && side.budgetPerYear.length > years)
      fail('BUDGET_YEARS_OVER_DURATION', `${at}.budgetPerYear`, `must not have more years than the project (${years})`, ofSide);
    const total = side.budgetPerYear.reduce((sum, amount) => sum + amount, 0);
    const caps: BudgetCap[] = [];
    for (const [cap, limit] of [
      ['track', terms.track.maxBudget],
      ['agency', agency?.budgetCap ?? null],
    ] as const) {
      if (limit !== null && limit.currency === side.budgetCurrency && total > limit.amount)
        caps.push({ cap, amount: limit.amount, currency: limit.currency });
    }
    if (caps.length > 0) {
      const over = caps.map((c) => `the ${c.cap} cap of ${c.amount} ${c.currency}`).join(' and ');
      fail('BUDGET_OVER_CAP', `${at}.budgetPerYear`, `totals ${total} ${side.budgetCurrency}, over ${over}`, { ...ofSide, caps });
    }
  });
  if (terms.track.earlyCareerRequired && !application.members.some((m) => m.earlyCareer)) {
    fail('EARLY_CAREER_MEMBER_MISSING', 'members', 'must include an early-career researcher on this track');
  }
  return problems;
}
