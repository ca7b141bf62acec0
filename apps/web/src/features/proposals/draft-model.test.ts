import { describe, expect, it } from 'vitest';
import {
  draftOf,
  fieldsPatch,
  parseKeywords,
  rebaseDraft,
  sidePatch,
  withSavedFields,
  type DraftFields,
  type DraftSide,
} from './draft-model';
import type { Application } from './proposal-queries';

const fields: DraftFields = { title: 'Quantum', abstract: '', fieldCode: '', keywords: '', durationMonths: '' };
const side: DraftSide = { agencyId: 'a', institutionId: 'i', budgetCurrency: 'JPY', budgetPerYear: ['100'] };

describe('draft model', () => {
  it('sends only what changed', () => {
    expect(fieldsPatch(fields, fields)).toBeUndefined();
    expect(fieldsPatch({ ...fields, abstract: '量子', durationMonths: '36' }, fields)).toEqual({ abstract: '量子', durationMonths: 36 });
    expect(fieldsPatch({ ...fields, fieldCode: 'AI' }, { ...fields, fieldCode: '' })).toEqual({ fieldCode: 'AI' });
    expect(fieldsPatch({ ...fields, fieldCode: '' }, { ...fields, fieldCode: 'AI' })).toEqual({ fieldCode: null });
  });

  it('keeps a title the user emptied, and a half-typed duration, out of the patch', () => {
    expect(fieldsPatch({ ...fields, title: ' ' }, fields)).toBeUndefined();
    expect(fieldsPatch({ ...fields, durationMonths: '3.5' }, fields)).toBeUndefined();
  });

  it('takes a minimal save answer in: the fields as sent, at the new version, the rest as it was', () => {
    const application = {
      id: 'p',
      version: 4,
      title: 'Quantum',
      abstract: 'old',
      fieldCode: null,
      keywords: [],
      durationMonths: null,
      sides: [],
      members: [],
    } as unknown as Application;
    const patch = fieldsPatch({ ...fields, abstract: 'new', keywords: 'AI, 量子', durationMonths: '24' }, fields)!;
    const saved = withSavedFields(application, patch, 5);
    expect(saved).toMatchObject({
      version: 5,
      title: 'Quantum',
      abstract: 'new',
      keywords: ['AI', '量子'],
      durationMonths: 24,
      fieldCode: null,
    });
    expect(draftOf(saved).fields).toEqual({ title: 'Quantum', abstract: 'new', fieldCode: '', keywords: 'AI, 量子', durationMonths: '24' });
    expect(application.version).toBe(4);
  });

  it('splits keywords on Latin and Japanese commas', () => {
    expect(parseKeywords('AI, 量子、 materials，, ')).toEqual(['AI', '量子', 'materials']);
  });

  it('turns typed budgets into minor units of the currency', () => {
    expect(sidePatch({ ...side, budgetPerYear: ['100', '2,000'] }, side)).toEqual({ budgetPerYear: [100, 2000] });
    expect(sidePatch({ ...side, budgetCurrency: 'USD', budgetPerYear: ['12.5'] }, side)).toEqual({
      budgetCurrency: 'USD',
      budgetPerYear: [1250],
    });
    expect(sidePatch({ ...side, budgetPerYear: ['abc'] }, side)).toBeUndefined();
    expect(sidePatch(side, side)).toBeUndefined();
  });

  it('takes what another control wrote, and keeps what the user typed meanwhile', () => {
    const before = { fields, sides: [side, { ...side, agencyId: 'b', institutionId: '' }] };
    const after = { fields, sides: [side, { ...side, agencyId: 'b', institutionId: 'mit' }] };
    const typing = {
      fields: { ...fields, abstract: 'typed' },
      sides: [side, { ...side, agencyId: 'b', institutionId: '', budgetCurrency: 'USD' }],
    };
    expect(rebaseDraft(typing, before, after)).toEqual({
      fields: { ...fields, abstract: 'typed' },
      sides: [side, { ...side, agencyId: 'b', institutionId: 'mit', budgetCurrency: 'USD' }],
    });
  });
});
