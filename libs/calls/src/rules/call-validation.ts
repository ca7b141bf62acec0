import { isISO31661Alpha2, isISO4217CurrencyCode } from 'class-validator';
import type { FieldError } from '#platform';
import type { AgencyRole, CooperationMode } from '../calls/call.entity.js';

export interface Money {
  readonly amount: number;
  readonly currency: string;
}

/** A call as its rules see it, with every date already read as an instant (or a parse error). */
export interface CallDraft {
  readonly mode: CooperationMode;
  /** The agency that owns the program. */
  readonly programAgencyId: string;
  readonly agencies: readonly {
    readonly agencyId: string;
    readonly role: AgencyRole;
    readonly deadline: Date | string;
    readonly budgetCap: Money | null;
  }[];
  readonly announcedAt: Date | string | null;
  readonly opensAt: Date | string;
  readonly reviewStartsAt: Date | string | null;
  readonly decisionAt: Date | string | null;
  /** YYYY-MM-DD. */
  readonly projectStartOn: string | null;
  readonly tracks: readonly { readonly code: string; readonly maxBudget: Money | null; readonly maxDurationMonths: number }[];
  readonly fields: readonly string[];
  readonly eligibleCountries: readonly string[];
  readonly criteria: readonly {
    readonly scaleMin: number;
    readonly scaleMax: number;
    readonly weight: number;
    readonly threshold: number | null;
  }[];
}

export const MAX_DURATION_MONTHS = 120;

/**
 * Every problem of a call at once, by field: dates in order, each deadline after opening, one lead
 * agency that owns the program and at least one partner, no money in twinning, known fields and
 * countries, sound tracks and criteria. A string where a date belongs is the error reading it.
 */
export function validateCall(call: CallDraft, knownFields: ReadonlySet<string>): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string): void => {
    errors.push({ field, message: `${field} ${message}` });
  };
  const date = (field: string, value: Date | string | null): Date | null => {
    if (typeof value === 'string') {
      fail(field, value);
      return null;
    }
    return value;
  };

  const opensAt = date('opensAt', call.opensAt);
  const announcedAt = date('announcedAt', call.announcedAt);
  const reviewStartsAt = date('reviewStartsAt', call.reviewStartsAt);
  const decisionAt = date('decisionAt', call.decisionAt);
  if (announcedAt && opensAt && announcedAt > opensAt) fail('announcedAt', 'must not be after the call opens');

  const leads = call.agencies.filter((a) => a.role === 'lead');
  if (leads.length !== 1) fail('agencies', 'must have exactly one lead agency');
  else if (leads[0]?.agencyId !== call.programAgencyId) fail('agencies', 'must be led by the agency that owns the program');
  if (!call.agencies.some((a) => a.role === 'partner')) fail('agencies', 'must have at least one partner agency');
  const seen = new Set<string>();
  let lastDeadline: Date | null = null;
  for (const [i, agency] of call.agencies.entries()) {
    if (seen.has(agency.agencyId)) fail(`agencies[${i}].agencyId`, 'appears twice');
    seen.add(agency.agencyId);
    const deadline = date(`agencies[${i}].deadline`, agency.deadline);
    if (deadline && opensAt && deadline <= opensAt) fail(`agencies[${i}].deadline`, 'must be after the call opens');
    if (deadline && (!lastDeadline || deadline > lastDeadline)) lastDeadline = deadline;
    checkMoney(`agencies[${i}].budgetCap`, agency.budgetCap, call.mode, fail);
  }
  if (reviewStartsAt && lastDeadline && reviewStartsAt < lastDeadline) fail('reviewStartsAt', 'must not be before the last deadline');
  const decisionFloor = reviewStartsAt ?? lastDeadline;
  if (decisionAt && decisionFloor && decisionAt < decisionFloor)
    fail('decisionAt', 'must not be before the review starts or the last deadline');
  if (call.projectStartOn !== null) {
    const floor = decisionAt ?? lastDeadline;
    if (floor && call.projectStartOn < floor.toISOString().slice(0, 10)) fail('projectStartOn', 'must not be before the decision');
  }

  if (call.tracks.length === 0) fail('tracks', 'must have at least one track');
  const codes = new Set<string>();
  call.tracks.forEach((track, i) => {
    if (codes.has(track.code)) fail(`tracks[${i}].code`, 'appears twice');
    codes.add(track.code);
    if (!Number.isInteger(track.maxDurationMonths) || track.maxDurationMonths < 1 || track.maxDurationMonths > MAX_DURATION_MONTHS) {
      fail(`tracks[${i}].maxDurationMonths`, `must be a whole number of months from 1 to ${MAX_DURATION_MONTHS}`);
    }
    checkMoney(`tracks[${i}].maxBudget`, track.maxBudget, call.mode, fail);
  });

  if (call.fields.length === 0) fail('fields', 'must name at least one research field');
  call.fields.forEach((code, i) => {
    if (!knownFields.has(code)) fail(`fields[${i}]`, `"${code}" is not a research field of the vocabulary`);
  });
  call.eligibleCountries.forEach((country, i) => {
    if (!isISO31661Alpha2(country)) fail(`eligibleCountries[${i}]`, `"${country}" is not an ISO 3166-1 alpha-2 country code`);
  });

  call.criteria.forEach((criterion, i) => {
    if (!(criterion.scaleMin < criterion.scaleMax)) fail(`criteria[${i}].scaleMax`, 'must be greater than scaleMin');
    if (!(criterion.weight > 0)) fail(`criteria[${i}].weight`, 'must be greater than 0');
    if (criterion.threshold !== null && (criterion.threshold < criterion.scaleMin || criterion.threshold > criterion.scaleMax)) {
      fail(`criteria[${i}].threshold`, 'must lie within the scale');
    }
  });
  return errors;
}

/**
 * The problems a change brings: those of the changed call that the call did not have before. A
 * change is judged on what it changes, so a problem the stored call already had (a rule tightened
 * since it was written, a research field retired from the vocabulary) does not block an officer
 * who changes something else, and a problem is reported under the field it makes wrong even when
 * the change was made elsewhere (an opening moved before the announcement names announcedAt).
 */
export function validateCallChange(current: CallDraft, next: CallDraft, knownFields: ReadonlySet<string>): FieldError[] {
  const key = (error: FieldError) => `${error.field}\n${error.message}`;
  const existing = new Set(validateCall(current, knownFields).map(key));
  return validateCall(next, knownFields).filter((error) => !existing.has(key(error)));
}

function checkMoney(field: string, money: Money | null, mode: CooperationMode, fail: (field: string, message: string) => void): void {
  if (money === null) return;
  if (mode === 'twinning') {
    fail(field, 'must be empty: twinning links projects already funded and carries no budget');
    return;
  }
  if (!Number.isSafeInteger(money.amount) || money.amount <= 0) fail(`${field}.amount`, 'must be a positive whole number of minor units');
  if (!/^[A-Z]{3}$/.test(money.currency) || !isISO4217CurrencyCode(money.currency))
    fail(`${field}.currency`, `"${money.currency}" is not an ISO 4217 currency code`);
}
