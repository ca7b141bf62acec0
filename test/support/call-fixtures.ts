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
