import { describe, expect, it } from 'vitest';
import {
  anchorOf,
  type Call,
  type CallForm,
  createBody,
  emptyForm,
  formOf,
  instantFromLocal,
  localInZone,
  rebaseForm,
  splitList,
  updateBody,
} from './call-form';

const JST = { id: '11111111-1111-4111-8111-111111111111', shortName: 'JST', timeZone: 'Asia/Tokyo' };
const NSF = { id: '22222222-2222-4222-8222-222222222222', shortName: 'NSF', timeZone: 'America/New_York' };

const zoned = (utc: string, timeZone: string) => ({ utc, timeZone, local: '', viewer: '', viewerTimeZone: 'UTC' });

const call: Call = {
  id: '33333333-3333-4333-8333-333333333333',
  program: { id: 'p1', code: 'SICORP', name: { ja: '戦略的国際共同研究', en: 'SICORP' } },
  title: { ja: '日米共同公募', en: 'Japan-US joint call' },
  summary: { ja: '概要', en: 'Summary' },
  mode: 'joint_call',
  status: 'draft',
  nextDeadline: null,
  agencies: [
    {
      agency: { id: JST.id, shortName: 'JST', name: { ja: 'JST', en: 'JST' }, country: 'JP' },
      role: 'lead',
      deadline: zoned('2027-03-31T03:00:00Z', 'Asia/Tokyo'),
      budgetCap: { amount: 50_000_000, currency: 'JPY' },
      institutionApprovalRequired: true,
      reviewOnceFinal: false,
      eligibilityNotes: { ja: '', en: '' },
    },
    {
      agency: { id: NSF.id, shortName: 'NSF', name: { ja: 'NSF', en: 'NSF' }, country: 'US' },
      role: 'partner',
      deadline: zoned('2027-04-15T21:00:00Z', 'America/New_York'),
      budgetCap: { amount: 30_000_000, currency: 'USD' },
      institutionApprovalRequired: false,
      reviewOnceFinal: false,
      eligibilityNotes: { ja: '', en: 'US institutions only' },
    },
  ],
  fields: ['quantum', 'ai_information'],
  eligibleCountries: ['US'],
  timeline: {
    announcedAt: null,
    opensAt: zoned('2027-01-05T01:00:00Z', 'Asia/Tokyo'),
    reviewStartsAt: null,
    decisionAt: zoned('2027-07-31T03:00:00Z', 'Asia/Tokyo'),
    resultsReleasedAt: null,
    projectStartOn: '2027-10-01',
  },
  tracks: [
    {
      id: 't1',
      code: 'standard',
      name: { ja: '一般', en: 'Standard' },
      maxBudget: { amount: 90_000_000, currency: 'JPY' },
      maxDurationMonths: 36,
      earlyCareerRequired: false,
    },
  ],
  criteria: [
    {
      id: 'c1',
      name: { ja: '独創性', en: 'Originality' },
      description: { ja: '', en: '' },
      scaleMin: 1,
      scaleMax: 5,
      weight: 2,
      threshold: 3,
    },
  ],
  fieldDetails: [],
  watching: false,
  publishedAt: null,
  cancellationReason: null,
  allowedActions: ['edit_shared', 'edit_own_entry', 'publish', 'cancel'],
  ownAgencyId: JST.id,
  version: 4,
};

describe('deadlines typed in an agency’s zone', () => {
  it('reads a wall-clock time with the offset of that day: summer and winter in New York', () => {
    expect(instantFromLocal('2027-04-15T17:00', 'America/New_York')).toEqual({ utc: '2027-04-15T21:00:00Z' });
    expect(instantFromLocal('2027-01-15T17:00', 'America/New_York')).toEqual({ utc: '2027-01-15T22:00:00Z' });
    expect(instantFromLocal('2027-03-31T12:00', 'Asia/Tokyo')).toEqual({ utc: '2027-03-31T03:00:00Z' });
  });

  it('on either side of the March change, the same time is 23 hours apart', () => {
    const before = instantFromLocal('2027-03-13T17:00', 'America/New_York');
    const after = instantFromLocal('2027-03-14T17:00', 'America/New_York');
    expect(before).toEqual({ utc: '2027-03-13T22:00:00Z' });
    expect(after).toEqual({ utc: '2027-03-14T21:00:00Z' });
  });

  it('refuses a time the change skips, and text that is no date', () => {
    expect(instantFromLocal('2027-03-14T02:30', 'America/New_York')).toEqual({ error: 'skipped' });
    expect(instantFromLocal('2027-02-30T10:00', 'Asia/Tokyo')).toEqual({ error: 'invalid' });
    expect(instantFromLocal('31/03/2027 17:00', 'Asia/Tokyo')).toEqual({ error: 'invalid' });
  });

  it('reads a repeated hour (November) as its first occurrence, and shows it back as typed', () => {
    expect(instantFromLocal('2027-11-07T01:30', 'America/New_York')).toEqual({ utc: '2027-11-07T05:30:00Z' });
    expect(localInZone('2027-11-07T05:30:00Z', 'America/New_York')).toBe('2027-11-07T01:30');
  });

  it('shows an instant back in the zone it was typed in, whatever the viewer’s zone', () => {
    expect(localInZone('2027-04-15T21:00:00Z', 'America/New_York')).toBe('2027-04-15T17:00');
    expect(localInZone('2027-04-15T21:00:00Z', 'Asia/Tokyo')).toBe('2027-04-16T06:00');
  });
});

describe('the call form', () => {
  it('takes a call in: deadlines in their agencies’ zones, timeline in the lead’s, money in major units', () => {
    const form = formOf(call);
    expect(form.agencies.map((a) => [a.shortName, a.deadline, a.timeZone])).toEqual([
      ['JST', '2027-03-31T12:00', 'Asia/Tokyo'],
      ['NSF', '2027-04-15T17:00', 'America/New_York'],
    ]);
    expect(form.agencies[1]).toMatchObject({ budgetAmount: '300000', budgetCurrency: 'USD', notesEn: 'US institutions only' });
    expect(form.opensAt).toBe('2027-01-05T10:00');
    expect(form.announcedAt).toBe('');
    expect(form.tracks[0]).toMatchObject({ budgetAmount: '90000000', budgetCurrency: 'JPY', maxDurationMonths: '36' });
    expect(form.fields).toBe('quantum, ai_information');
  });

  it('gives back the same values it took in: nothing to save', () => {
    const form = formOf(call);
    expect(updateBody(form, form, call.allowedActions, JST.id)).toEqual({ body: undefined, problems: [] });
  });

  it('sends only what changed, and only what the caller may change', () => {
    const saved = formOf(call);
    const edited: CallForm = {
      ...saved,
      titleEn: 'Renamed',
      agencies: saved.agencies.map((a) => (a.agencyId === NSF.id ? { ...a, deadline: '2027-04-20T17:00' } : a)),
    };
    expect(updateBody(edited, saved, ['edit_own_entry'], NSF.id)).toEqual({
      body: {
        agencies: [
          {
            agencyId: NSF.id,
            deadline: '2027-04-20T21:00:00Z',
            timeZone: 'America/New_York',
            budgetCap: { amount: 30_000_000, currency: 'USD' },
            institutionApprovalRequired: false,
            reviewOnceFinal: false,
            eligibilityNotesJa: '',
            eligibilityNotesEn: 'US institutions only',
          },
        ],
      },
      problems: [],
    });
    // The lead's officer: the title, and no other agency's entry.
    expect(updateBody(edited, saved, call.allowedActions, JST.id)).toEqual({ body: { titleEn: 'Renamed' }, problems: [] });
  });

  it('builds a new call with every deadline as a UTC instant', () => {
    const form: CallForm = {
      ...emptyForm(JST),
      programId: 'p1',
      titleJa: '量子',
      titleEn: 'Quantum',
      agencies: [
        { ...emptyForm(JST).agencies[0]!, deadline: '2027-03-31T12:00', budgetAmount: '50,000,000', budgetCurrency: 'JPY' },
        { ...emptyForm(NSF).agencies[0]!, role: 'partner', deadline: '2027-04-15T17:00' },
      ],
      tracks: [{ ...emptyForm(JST).tracks[0]!, code: 'standard', nameJa: '一般', nameEn: 'Standard', maxDurationMonths: '36' }],
      fields: 'quantum、ai_information',
      eligibleCountries: 'us, fr',
      opensAt: '2027-01-05T10:00',
    };
    const built = createBody(form);
    expect(built.problems).toEqual([]);
    if (!('body' in built)) throw new Error('no body');
    expect(built.body.agencies.map((a) => [a.role, a.deadline, a.budgetCap])).toEqual([
      ['lead', '2027-03-31T03:00:00Z', { amount: 50_000_000, currency: 'JPY' }],
      ['partner', '2027-04-15T21:00:00Z', null],
    ]);
    expect(built.body).toMatchObject({
      opensAt: '2027-01-05T01:00:00Z',
      fields: ['quantum', 'ai_information'],
      eligibleCountries: ['US', 'FR'],
    });
  });

  it('lists what it cannot read before sending, by field, and twinning carries no money', () => {
    const base = formOf(call);
    const built = createBody({
      ...base,
      programId: '',
      opensAt: '2027-02-30T10:00',
      agencies: [base.agencies[0]!, { ...base.agencies[1]!, deadline: '', budgetAmount: 'lots' }],
    });
    expect(built.problems).toEqual([
      { field: 'programId', key: 'required' },
      { field: 'opensAt', key: 'dateInvalid' },
      { field: 'agencies[1].deadline', key: 'required' },
      { field: 'agencies[1].budgetCap.amount', key: 'numberInvalid' },
    ]);
    const twinning = createBody({ ...base, mode: 'twinning' });
    if (!('body' in twinning)) throw new Error('no body');
    expect(twinning.body.agencies.every((a) => a.budgetCap === null)).toBe(true);
    expect(twinning.body.tracks[0]?.maxBudget).toBeNull();
  });

  it('points each problem at its input', () => {
    expect(anchorOf('agencies[1].deadline')).toBe('call-agencies-1-deadline');
    expect(anchorOf('agencies[1].budgetCap')).toBe('call-agencies-1-budgetCap-amount');
    expect(anchorOf('tracks[0].maxBudget.currency')).toBe('call-tracks-0-maxBudget-currency');
    expect(anchorOf('fields[2]')).toBe('call-fields');
    expect(anchorOf('criteria')).toBe('call-criteria');
    expect(splitList(' us,fr  de ')).toEqual(['us', 'fr', 'de']);
  });
});

describe('after someone else saved', () => {
  it('keeps what the user changed and takes the rest from the newer version', () => {
    const base = formOf(call);
    const mine: CallForm = {
      ...base,
      summaryEn: 'My summary',
      agencies: base.agencies.map((a) => (a.agencyId === NSF.id ? { ...a, deadline: '2027-04-22T17:00' } : a)),
    };
    const theirs: CallForm = {
      ...base,
      titleEn: 'Their title',
      agencies: base.agencies.map((a) => (a.agencyId === JST.id ? { ...a, deadline: '2027-03-30T12:00' } : a)),
    };
    const merged = rebaseForm(mine, base, theirs);
    expect(merged.summaryEn).toBe('My summary');
    expect(merged.titleEn).toBe('Their title');
    expect(merged.agencies.map((a) => a.deadline)).toEqual(['2027-03-30T12:00', '2027-04-22T17:00']);
  });
});
