import { describe, expect, it } from 'vitest';
import type { SideState } from './application-state.js';
import { type ApplicationContent, type CallTerms, checkSubmission, submissionProblems } from './submission-checks.js';

const terms: CallTerms = {
  mode: 'joint_call',
  agencies: [
    { agencyId: 'JST', role: 'lead', budgetCap: { amount: 500_000_000, currency: 'JPY' } },
    { agencyId: 'NSF', role: 'partner', budgetCap: { amount: 1_500_000, currency: 'USD' } },
  ],
  track: { maxBudget: { amount: 90_000_000, currency: 'JPY' }, maxDurationMonths: 36, earlyCareerRequired: true },
  fields: ['quantum'],
  eligibleCountries: ['US'],
};
const complete: ApplicationContent = {
  title: 'Quantum sensing',
  abstract: 'We propose…',
  fieldCode: 'quantum',
  durationMonths: 36,
  sides: [
    {
      agencyId: 'JST',
      hasPi: true,
      institutionId: 'utokyo',
      institutionCountry: 'JP',
      budgetPerYear: [30_000_000, 30_000_000, 30_000_000],
      budgetCurrency: 'JPY',
      existingGrantNumber: null,
    },
    {
      agencyId: 'NSF',
      hasPi: true,
      institutionId: 'mit',
      institutionCountry: 'US',
      budgetPerYear: [400_000],
      budgetCurrency: 'USD',
      existingGrantNumber: null,
    },
  ],
  members: [{ earlyCareer: true }],
};

describe('submission checks', () => {
  it('accepts a complete proposal within every cap', () => {
    expect(checkSubmission(complete, terms)).toEqual([]);
  });

  it('reports a budget over the track cap, a missing early-career member and an ineligible partner country together', () => {
    const errors = checkSubmission(
      {
        ...complete,
        sides: [
          { ...complete.sides[0]!, budgetPerYear: [40_000_000, 40_000_000, 40_000_000] },
          { ...complete.sides[1]!, institutionCountry: 'CN' },
        ],
        members: [{ earlyCareer: false }],
      },
      terms,
    );
    expect(errors.map((e) => e.field)).toEqual(['sides[0].budgetPerYear', 'sides[1].institutionId', 'members']);
    expect(errors[0]!.message).toBe('sides[0].budgetPerYear totals 120000000 JPY, over the track cap of 90000000 JPY');
  });

  it('says a budget over both the track and the agency cap once, with both caps', () => {
    const errors = checkSubmission(
      { ...complete, sides: [{ ...complete.sides[0]!, budgetPerYear: [200_000_000, 200_000_000, 200_000_000] }, complete.sides[1]!] },
      terms,
    );
    expect(errors).toEqual([
      {
        code: 'BUDGET_OVER_CAP',
        field: 'sides[0].budgetPerYear',
        agencyId: 'JST',
        message: 'sides[0].budgetPerYear totals 600000000 JPY, over the track cap of 90000000 JPY and the agency cap of 500000000 JPY',
        caps: [
          { cap: 'track', amount: 90_000_000, currency: 'JPY' },
          { cap: 'agency', amount: 500_000_000, currency: 'JPY' },
        ],
      },
    ]);
  });

  it('gives every problem a stable code, and no field the same problem twice', () => {
    const errors = checkSubmission(
      {
        ...complete,
        fieldCode: 'biology',
        durationMonths: 48,
        sides: [
          { ...complete.sides[0]!, budgetPerYear: [200_000_000, 200_000_000, 200_000_000, 200_000_000, 200_000_000] },
          { ...complete.sides[1]!, hasPi: false, institutionCountry: 'CN' },
        ],
        members: [],
      },
      terms,
    );
    expect(errors.map((e) => `${e.code} ${e.field}`)).toEqual([
      'NOT_A_CALL_FIELD fieldCode',
      'DURATION_OVER_TRACK durationMonths',
      'BUDGET_YEARS_OVER_DURATION sides[0].budgetPerYear',
      'BUDGET_OVER_CAP sides[0].budgetPerYear',
      'MISSING sides[1].pi',
      'COUNTRY_NOT_ELIGIBLE sides[1].institutionId',
      'EARLY_CAREER_MEMBER_MISSING members',
    ]);
  });

  it('answers, before the content, what stops any submission now: the state and each passed deadline', () => {
    const side = (agencyId: string, deadline: string): SideState => ({
      agencyId,
      agencyName: agencyId,
      timeZone: 'UTC',
      institutionId: 'utokyo',
      status: 'draft',
      approvalRequired: true,
      deadline: new Date(deadline),
      integrityChecksRecorded: false,
    });
    const sides = [side('JST', '2027-03-31T03:00:00Z'), side('NSF', '2027-04-15T21:00:00Z')];
    const late = { ...complete, members: [] };
    expect(submissionProblems(sides, late, terms, new Date('2027-04-01T00:00:00Z')).map((p) => `${p.code} ${p.field}`)).toEqual([
      'DEADLINE_PASSED sides[0].deadline',
      'EARLY_CAREER_MEMBER_MISSING members',
    ]);
    expect(submissionProblems(sides, complete, terms, new Date('2027-03-01T00:00:00Z'))).toEqual([]);
    const submitted = sides.map((s) => ({ ...s, status: 'submitted' as const }));
    expect(submissionProblems(submitted, complete, terms, new Date('2027-03-01T00:00:00Z'))).toEqual([
      { code: 'WRONG_STATE', field: 'status', message: 'Only a draft or returned application can be submitted.' },
    ]);
  });

  it('lists everything a draft still lacks', () => {
    const errors = checkSubmission(
      {
        title: '',
        abstract: '',
        fieldCode: null,
        durationMonths: null,
        sides: [
          {
            agencyId: 'JST',
            hasPi: false,
            institutionId: null,
            institutionCountry: null,
            budgetPerYear: [],
            budgetCurrency: null,
            existingGrantNumber: null,
          },
        ],
        members: [],
      },
      terms,
    );
    expect(errors.map((e) => e.field)).toEqual([
      'title',
      'abstract',
      'fieldCode',
      'durationMonths',
      'sides',
      'sides[0].pi',
      'sides[0].institutionId',
      'sides[0].budgetPerYear',
      'members',
    ]);
  });

  it('asks twinning sides for their funded project instead of a budget', () => {
    const twinning: CallTerms = { ...terms, mode: 'twinning', track: { ...terms.track, maxBudget: null, earlyCareerRequired: false } };
    const errors = checkSubmission(complete, twinning);
    expect(errors.map((e) => e.field)).toEqual([
      'sides[0].existingGrantNumber',
      'sides[0].budgetPerYear',
      'sides[1].existingGrantNumber',
      'sides[1].budgetPerYear',
    ]);
  });

  it('checks the duration against the track and the budget years against the duration', () => {
    const errors = checkSubmission({ ...complete, durationMonths: 48 }, terms);
    expect(errors.map((e) => e.field)).toEqual(['durationMonths']);
    const tooManyYears = checkSubmission({ ...complete, durationMonths: 24 }, terms);
    expect(tooManyYears.map((e) => e.field)).toEqual(['sides[0].budgetPerYear']);
  });
});
