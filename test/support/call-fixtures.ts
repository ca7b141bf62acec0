import type supertest from 'supertest';
import type { DataSource } from 'typeorm';
import { expect } from 'vitest';
import { seedId } from '../../seeds/seed-id.js';

export const org = (key: string): string => seedId('organisation', key);

/** A JST-led call with NSF as partner: JST's side needs the office's approval, NSF's does not. */
export const JST_LEAD_NSF_PARTNER = [
  { agencyId: org('JST'), role: 'lead', deadline: '2027-03-31T12:00', budgetCap: { amount: 500_000_000, currency: 'JPY' } },
  {
    agencyId: org('NSF'),
    role: 'partner',
    deadline: '2027-04-15T17:00',
    budgetCap: { amount: 1_500_000_00, currency: 'USD' },
    institutionApprovalRequired: false,
  },
];

/** ASPIRE's next-generation track: up to JPY 90M over three years, early-career members required. */
export const NEXT_GENERATION_TRACK = {
  code: 'next-generation',
  nameJa: '次世代',
  nameEn: 'Next generation',
  maxBudget: { amount: 90_000_000, currency: 'JPY' },
  maxDurationMonths: 36,
  earlyCareerRequired: true,
};

/**
 * A call of the demo SICORP program, created through the API by a JST officer and published: its id
 * and its tracks' ids by code.
 */
export async function publishedCall(
  http: supertest.Agent,
  dataSource: DataSource,
  officerToken: string,
  overrides: Record<string, unknown> = {},
): Promise<{ callId: string; trackIds: Record<string, string> }> {
  const [program] = await dataSource.query<{ id: string }[]>(`SELECT id FROM programs WHERE code = 'SICORP'`);
  const call = await http.post('/calls').auth(officerToken, { type: 'bearer' }).send(jointCallBody(program!.id, overrides));
  expect(call.status, call.text).toBe(201);
  const callId = call.body.id as string;
  expect((await http.post(`/calls/${callId}/publish`).auth(officerToken, { type: 'bearer' })).status).toBe(200);
  const tracks = call.body.tracks as { id: string; code: string }[];
  return { callId, trackIds: Object.fromEntries(tracks.map((track) => [track.code, track.id])) };
}

/** A valid createCall body for a JST program with NSF as partner; override what the test is about. */
export function jointCallBody(programId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    programId,
    titleJa: '日米量子共同研究 2027',
    titleEn: 'Japan-US quantum joint call 2027',
    summaryEn: 'Joint projects in quantum science.',
    mode: 'joint_call',
    agencies: [
      { agencyId: org('JST'), role: 'lead', deadline: '2027-03-31T12:00', budgetCap: { amount: 500_000_000, currency: 'JPY' } },
      { agencyId: org('NSF'), role: 'partner', deadline: '2027-04-15T17:00', budgetCap: { amount: 150_000_000, currency: 'USD' } },
    ],
    tracks: [
      {
        code: 'top',
        nameJa: 'TOP研究者',
        nameEn: 'TOP researchers',
        maxBudget: { amount: 500_000_000, currency: 'JPY' },
        maxDurationMonths: 60,
      },
    ],
    fields: ['quantum'],
    eligibleCountries: ['US'],
    criteria: [{ nameJa: '科学的卓越性', nameEn: 'Scientific excellence', scaleMin: 1, scaleMax: 5, weight: 1, threshold: 3 }],
    announcedAt: '2026-12-01T09:00',
    opensAt: '2027-01-15T10:00',
    reviewStartsAt: '2027-05-01T09:00',
    decisionAt: '2027-09-01T09:00',
    projectStartOn: '2027-10-01',
    ...overrides,
  };
}

/** The JST side's budget of completeDraft: JPY 30M a year for three years. */
export const DRAFT_JST_BUDGET = [30_000_000, 30_000_000, 30_000_000];

/**
 * A draft ready to submit, made through the API by its PI (pi.utokyo) in a call led by JST with NSF
 * as partner: both sides' budgets, MIT's PI on the NSF side, an early-career co-investigator.
 * Answers its id and version.
 */
export async function completeDraft(
  http: supertest.Agent,
  dataSource: DataSource,
  piToken: string,
  draft: { callId: string; trackId: string; title?: string },
): Promise<{ id: string; version: number }> {
  const bearer = { type: 'bearer' } as const;
  const created = await http
    .post('/applications')
    .auth(piToken, bearer)
    .send({
      callId: draft.callId,
      trackId: draft.trackId,
      title: draft.title ?? '量子センシングの日米共同研究',
      abstract: 'Quantum sensing across the Pacific.',
      fieldCode: 'quantum',
      durationMonths: 36,
    });
  expect(created.status, created.text).toBe(201);
  const id = created.body.id as string;
  const [mit] = await dataSource.query<{ id: string }[]>(`SELECT id FROM users WHERE email = 'pi.mit@example.org'`);
  // Each step is conditional on the version the previous one answered, as a client's would be.
  const steps = [
    () => http.patch(`/applications/${id}/sides/${org('JST')}`).send({ budgetPerYear: DRAFT_JST_BUDGET, budgetCurrency: 'JPY' }),
    () =>
      http.patch(`/applications/${id}/sides/${org('NSF')}`).send({
        piUserId: mit!.id,
        institutionId: org('MIT'),
        budgetPerYear: [400_000_00, 400_000_00, 400_000_00],
        budgetCurrency: 'USD',
      }),
    () =>
      http
        .post(`/applications/${id}/members`)
        .send({ name: 'Yui Tanaka', role: 'co_investigator', earlyCareer: true, institutionId: org('UTOKYO'), country: 'JP' }),
  ];
  let version = created.body.version as number;
  for (const step of steps) {
    const response = await step().auth(piToken, bearer).set('if-match', `"${version}"`);
    expect(response.status, response.text).toBeLessThan(300);
    version = response.body.version as number;
  }
  return { id, version };
}
