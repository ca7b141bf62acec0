import { describe, expect, it } from 'vitest';
import { type CallDraft, validateCall, validateCallChange } from './call-validation.js';

const JST = 'jst';
const NSF = 'nsf';
const fields = new Set(['quantum', 'ai_information']);
const valid: CallDraft = {
  mode: 'joint_call',
  programAgencyId: JST,
  agencies: [
    { agencyId: JST, role: 'lead', deadline: new Date('2027-03-31T08:00:00Z'), budgetCap: { amount: 500_000_000, currency: 'JPY' } },
    { agencyId: NSF, role: 'partner', deadline: new Date('2027-04-15T21:00:00Z'), budgetCap: { amount: 150_000_000, currency: 'USD' } },
  ],
  announcedAt: new Date('2026-12-01T00:00:00Z'),
  opensAt: new Date('2027-01-15T00:00:00Z'),
  reviewStartsAt: new Date('2027-05-01T00:00:00Z'),
  decisionAt: new Date('2027-09-01T00:00:00Z'),
  projectStartOn: '2027-10-01',
  tracks: [{ code: 'top', maxBudget: { amount: 500_000_000, currency: 'JPY' }, maxDurationMonths: 60 }],
  fields: ['quantum'],
  eligibleCountries: ['US'],
  criteria: [{ scaleMin: 1, scaleMax: 5, weight: 1, threshold: 3 }],
};

describe('validateCall', () => {
  it('accepts a sound joint call', () => {
    expect(validateCall(valid, fields)).toEqual([]);
  });

  it('names every problem at once: deadline before opening, budget in twinning, unknown country', () => {
    const errors = validateCall(
      {
        ...valid,
        mode: 'twinning',
        agencies: [
          { ...valid.agencies[0]!, deadline: new Date('2027-01-01T00:00:00Z'), budgetCap: null },
          { ...valid.agencies[1]!, budgetCap: { amount: 1, currency: 'USD' } },
        ],
        tracks: [{ code: 'link', maxBudget: null, maxDurationMonths: 36 }],
        eligibleCountries: ['US', 'XX'],
      },
      fields,
    );
    expect(errors.map((e) => e.field)).toEqual(['agencies[0].deadline', 'agencies[1].budgetCap', 'eligibleCountries[1]']);
  });

  it('requires one lead owning the program and at least one partner', () => {
    expect(validateCall({ ...valid, agencies: [valid.agencies[0]!] }, fields).map((e) => e.message)).toEqual([
      'agencies must have at least one partner agency',
    ]);
    const ledByPartner = validateCall(
      {
        ...valid,
        agencies: [
          { ...valid.agencies[0]!, role: 'partner' },
          { ...valid.agencies[1]!, role: 'lead' },
        ],
      },
      fields,
    );
    expect(ledByPartner.map((e) => e.message)).toEqual(['agencies must be led by the agency that owns the program']);
  });

  it('keeps the timeline in order', () => {
    const errors = validateCall(
      {
        ...valid,
        announcedAt: new Date('2027-02-01T00:00:00Z'),
        reviewStartsAt: new Date('2027-04-01T00:00:00Z'),
        decisionAt: new Date('2027-03-01T00:00:00Z'),
        projectStartOn: '2027-02-01',
      },
      fields,
    );
    expect(errors.map((e) => e.field)).toEqual(['announcedAt', 'reviewStartsAt', 'decisionAt', 'projectStartOn']);
  });

  it('checks tracks, fields, money and criteria', () => {
    const errors = validateCall(
      {
        ...valid,
        agencies: [valid.agencies[0]!, { ...valid.agencies[1]!, budgetCap: { amount: 0, currency: 'usd' } }],
        tracks: [
          { code: 'a', maxBudget: null, maxDurationMonths: 0 },
          { code: 'a', maxBudget: null, maxDurationMonths: 12 },
        ],
        fields: ['alchemy'],
        criteria: [{ scaleMin: 5, scaleMax: 1, weight: 0, threshold: 9 }],
      },
      fields,
    );
    expect(errors.map((e) => e.field)).toEqual([
      'agencies[1].budgetCap.amount',
      'agencies[1].budgetCap.currency',
      'tracks[0].maxDurationMonths',
      'tracks[1].code',
      'fields[0]',
      'criteria[0].scaleMax',
      'criteria[0].weight',
      'criteria[0].threshold',
    ]);
  });

  it('reports a date it could not read under its field', () => {
    const errors = validateCall({ ...valid, opensAt: 'does not exist in Europe/Paris' }, fields);
    expect(errors).toEqual([{ field: 'opensAt', message: 'opensAt does not exist in Europe/Paris' }]);
  });

  describe('a change', () => {
    // A call whose stored timeline already breaks a rule: announced after it opened.
    const flawed: CallDraft = { ...valid, announcedAt: new Date('2027-02-01T00:00:00Z') };

    it('is judged on the problems it brings, not on those the call already had', () => {
      const partnerMovesItsDeadline: CallDraft = {
        ...flawed,
        agencies: [valid.agencies[0]!, { ...valid.agencies[1]!, deadline: new Date('2027-04-20T21:00:00Z') }],
      };
      expect(validateCallChange(flawed, partnerMovesItsDeadline, fields)).toEqual([]);
      expect(validateCallChange(flawed, { ...flawed, reviewStartsAt: new Date('2027-04-01T00:00:00Z') }, fields)).toEqual([
        { field: 'reviewStartsAt', message: 'reviewStartsAt must not be before the last deadline' },
      ]);
    });

    it('that moves the opening after the announcement is refused under the field it makes wrong', () => {
      expect(validateCallChange(valid, { ...valid, opensAt: new Date('2026-11-01T00:00:00Z') }, fields)).toEqual([
        { field: 'announcedAt', message: 'announcedAt must not be after the call opens' },
      ]);
    });
  });
});
