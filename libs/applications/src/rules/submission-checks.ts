import type { FieldError } from '#platform';

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

/**
 * Everything a submission must satisfy, all at once, by field: a complete proposal, one side per
 * participating agency, budgets within the track's and the agency's caps (none in twinning, which
 * names the side's funded project instead), the duration within the track's, an early-career
 * member where the track asks for one, and partner institutions in eligible countries.
 */
export function checkSubmission(application: ApplicationContent, terms: CallTerms): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string): void => {
    errors.push({ field, message: `${field} ${message}` });
  };
  if (application.title.trim() === '') fail('title', 'is required');
  if (application.abstract.trim() === '') fail('abstract', 'is required');
  if (application.fieldCode === null) fail('fieldCode', 'is required');
  else if (!terms.fields.includes(application.fieldCode)) fail('fieldCode', 'must be one of the call’s research fields');
  if (application.durationMonths === null) fail('durationMonths', 'is required');
  else if (application.durationMonths > terms.track.maxDurationMonths) {
    fail('durationMonths', `must not exceed the track's ${terms.track.maxDurationMonths} months`);
  }

  const expected = new Set(terms.agencies.map((a) => a.agencyId));
  const present = new Set(application.sides.map((s) => s.agencyId));
  if (expected.size !== present.size || [...expected].some((id) => !present.has(id))) {
    fail('sides', 'must have exactly one side per participating agency');
  }
  const years = application.durationMonths === null ? null : Math.ceil(application.durationMonths / 12);
  application.sides.forEach((side, i) => {
    const agency = terms.agencies.find((a) => a.agencyId === side.agencyId);
    const at = `sides[${i}]`;
    if (!side.hasPi) fail(`${at}.pi`, 'is required: a user, or a name and e-mail');
    if (side.institutionId === null) fail(`${at}.institutionId`, 'is required');
    else if (
      agency?.role === 'partner' &&
      terms.eligibleCountries.length > 0 &&
      (side.institutionCountry === null || !terms.eligibleCountries.includes(side.institutionCountry))
    ) {
      fail(`${at}.institutionId`, `must be in an eligible partner country (${terms.eligibleCountries.join(', ')})`);
    }
    if (terms.mode === 'twinning') {
      if (!side.existingGrantNumber?.trim())
        fail(`${at}.existingGrantNumber`, "is required in twinning: the grant number of the side's funded project");
      if (side.budgetPerYear.length > 0) fail(`${at}.budgetPerYear`, 'must be empty: twinning carries no budget');
      return;
    }
    if (side.budgetPerYear.length === 0 || side.budgetCurrency === null) {
      fail(`${at}.budgetPerYear`, 'is required, with its currency');
      return;
    }
    if (years !== null && side.budgetPerYear.length > years)
      fail(`${at}.budgetPerYear`, `must not have more years than the project (${years})`);
    const total = side.budgetPerYear.reduce((sum, amount) => sum + amount, 0);
    for (const [name, cap] of [
      ['track', terms.track.maxBudget],
      ['agency', agency?.budgetCap ?? null],
    ] as const) {
      if (cap !== null && cap.currency === side.budgetCurrency && total > cap.amount) {
        fail(`${at}.budgetPerYear`, `totals ${total} ${cap.currency}, over the ${name} cap of ${cap.amount} ${cap.currency}`);
      }
    }
  });
  if (terms.track.earlyCareerRequired && !application.members.some((m) => m.earlyCareer)) {
    fail('members', 'must include an early-career researcher on this track');
  }
  return errors;
}
