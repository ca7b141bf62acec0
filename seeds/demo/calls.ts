/**
 * Programs and calls of the demo, from the policy papers behind the product: ASPIRE's 2023 round
 * (JST's seven fields with its TOP and next-generation tracks, AMED's types A and B), CREST's joint
 * call with ANR (April 2018, AI and quantum), a SICORP bilateral call, e-ASIA JRP (multilateral), a
 * co-funding and a twinning call. The papers give budgets, durations and fields, not dates: the
 * dates of past rounds are illustrative, and the current calls are placed around the month of
 * seeding so the demo always shows an announced, an open and a closed call.
 */
export interface ProgramSeed {
  readonly key: string;
  readonly agency: string;
  readonly code: string;
  readonly nameJa: string;
  readonly nameEn: string;
  readonly descriptionEn: string;
}

export const programSeeds: readonly ProgramSeed[] = [
  {
    key: 'JST-ASPIRE',
    agency: 'JST',
    code: 'ASPIRE',
    nameJa: '先端国際共同研究推進事業',
    nameEn: 'Adopting Sustainable Partnerships for Innovative Research Ecosystem',
    descriptionEn:
      'Joint research with top researchers of advanced countries in seven advanced fields, with exchange of young researchers.',
  },
  {
    key: 'AMED-ASPIRE',
    agency: 'AMED',
    code: 'ASPIRE',
    nameJa: '先端国際共同研究推進プログラム',
    nameEn: 'ASPIRE (health and medicine)',
    descriptionEn: 'International joint research in health and medicine.',
  },
  {
    key: 'JST-SICORP',
    agency: 'JST',
    code: 'SICORP',
    nameJa: '戦略的国際共同研究プログラム',
    nameEn: 'Strategic International Collaborative Research Program',
    descriptionEn: 'Joint calls with partner agencies abroad, bilateral and multilateral.',
  },
  {
    key: 'JST-EXPERT-J',
    agency: 'JST',
    code: 'EXPERT-J',
    nameJa: 'グローバル卓越人材招へい研究大学強化事業',
    nameEn: 'EXPERT-J (hosting outstanding researchers from abroad)',
    descriptionEn: 'Part of the J-RISE Initiative (2025): universities invite outstanding researchers and graduate students from abroad.',
  },
  {
    key: 'JST-CREST',
    agency: 'JST',
    code: 'CREST',
    nameJa: '戦略的創造研究推進事業 CREST',
    nameEn: 'CREST (Core Research for Evolutional Science and Technology)',
    descriptionEn: 'A domestic program that runs some calls jointly with agencies abroad.',
  },
  {
    key: 'JST-EASIA',
    agency: 'JST',
    code: 'e-ASIA JRP',
    nameJa: 'e-ASIA共同研究プログラム',
    nameEn: 'e-ASIA Joint Research Program',
    descriptionEn: 'Multilateral joint research in East Asia: environment, disaster prevention, infectious diseases.',
  },
  {
    key: 'JST-NEXUS',
    agency: 'JST',
    code: 'NEXUS',
    nameJa: '日ASEAN科学技術・イノベーション協働連携事業',
    nameEn: 'Japan-ASEAN Science, Technology and Innovation Platform',
    descriptionEn: 'Projects of several tens of millions to 100 million yen a year for about five years with ASEAN partners.',
  },
];

export interface CallSeed {
  readonly key: string;
  readonly program: string;
  readonly titleJa: string;
  readonly titleEn: string;
  readonly summaryEn: string;
  readonly mode: 'joint_call' | 'co_funding' | 'twinning';
  readonly agencies: readonly {
    agency: string;
    role: 'lead' | 'partner';
    deadline: string;
    budgetCap: { amount: number; currency: string } | null;
  }[];
  readonly tracks: readonly {
    code: string;
    nameJa: string;
    nameEn: string;
    maxBudget: { amount: number; currency: string } | null;
    maxDurationMonths: number;
    earlyCareerRequired: boolean;
  }[];
  readonly fields: readonly string[];
  readonly eligibleCountries: readonly string[];
  readonly announcedAt: string;
  readonly opensAt: string;
  readonly reviewStartsAt: string | null;
  readonly decisionAt: string | null;
  readonly projectStartOn: string | null;
}

const CRITERIA = [
  { key: 'excellence', nameJa: '研究の卓越性', nameEn: 'Scientific excellence', weight: 0.4, threshold: 3 },
  { key: 'synergy', nameJa: '国際共同研究の相乗効果', nameEn: 'Synergy of the international partnership', weight: 0.3, threshold: 3 },
  {
    key: 'circulation',
    nameJa: '若手研究者の交流・頭脳循環',
    nameEn: 'Exchange of young researchers and brain circulation',
    weight: 0.2,
    threshold: null,
  },
  { key: 'feasibility', nameJa: '実施体制の妥当性', nameEn: 'Feasibility of the plan and team', weight: 0.1, threshold: null },
] as const;

export const criterionSeeds = CRITERIA;

const ASPIRE_COUNTRIES = ['US', 'GB', 'DE', 'FR', 'CA', 'AU', 'FI', 'IT', 'DK', 'AT', 'NL', 'CH', 'SE', 'BE', 'ES', 'KR', 'CZ', 'NO'];
const JPY = (millions: number) => ({ amount: millions * 1_000_000, currency: 'JPY' });

/** Calls whose dates follow the month of seeding: `anchor` is its first day (UTC). */
export function callSeeds(anchor: Date): CallSeed[] {
  const day = (offset: number, time = '03:00:00Z') => {
    const date = new Date(anchor.getTime() + offset * 86_400_000);
    return `${date.toISOString().slice(0, 10)}T${time}`;
  };
  return [
    {
      // One round, as the ministry reports it: JST's seven fields and AMED's health and medicine,
      // each project funded on one side by the agency of its field (seeds/aspire/rounds.ts).
      key: 'ASPIRE-2023',
      program: 'JST-ASPIRE',
      titleJa: '先端国際共同研究推進事業/プログラム (ASPIRE) 2023年度公募',
      titleEn: 'ASPIRE 2023 round (JST and AMED)',
      summaryEn:
        'JST: seven advanced fields; TOP researchers / TOP team up to JPY 500M over 5 years, next generation up to JPY 90M over 3 years. ' +
        'AMED: health and medicine; type A up to JPY 500M, type B up to JPY 150M, over up to 5 years.',
      mode: 'joint_call',
      agencies: [
        { agency: 'JST', role: 'lead', deadline: '2023-06-20T03:00:00Z', budgetCap: JPY(500) },
        { agency: 'AMED', role: 'partner', deadline: '2023-06-27T03:00:00Z', budgetCap: JPY(500) },
      ],
      tracks: [
        {
          code: 'top',
          nameJa: 'TOP研究者・TOPチーム',
          nameEn: 'TOP researchers / TOP team',
          maxBudget: JPY(500),
          maxDurationMonths: 60,
          earlyCareerRequired: false,
        },
        {
          code: 'next-generation',
          nameJa: '次世代',
          nameEn: 'Next generation',
          maxBudget: JPY(90),
          maxDurationMonths: 36,
          earlyCareerRequired: true,
        },
        {
          code: 'type-a',
          nameJa: 'Aタイプ (大規模な研究)',
          nameEn: 'Type A (large-scale research, AMED)',
          maxBudget: JPY(500),
          maxDurationMonths: 60,
          earlyCareerRequired: false,
        },
        {
          code: 'type-b',
          nameJa: 'Bタイプ (比較的新しいテーマの研究)',
          nameEn: 'Type B (comparatively new themes, AMED)',
          maxBudget: JPY(150),
          maxDurationMonths: 60,
          earlyCareerRequired: false,
        },
      ],
      fields: ['bio', 'ai_information', 'materials', 'semiconductors', 'energy', 'quantum', 'communications', 'health_medicine'],
      eligibleCountries: [...ASPIRE_COUNTRIES, 'EU'],
      announcedAt: '2023-03-20T01:00:00Z',
      opensAt: '2023-04-10T01:00:00Z',
      reviewStartsAt: '2023-07-01T00:00:00Z',
      decisionAt: '2023-12-15T01:00:00Z',
      projectStartOn: '2024-01-01',
    },
    {
      // Universities apply to host researchers from abroad; 13 applied, 11 were selected (MEXT, 2025).
      key: 'EXPERT-J-2025',
      program: 'JST-EXPERT-J',
      titleJa: 'グローバル卓越人材招へい研究大学強化事業 (EXPERT-J) 2025年度公募',
      titleEn: 'EXPERT-J 2025: universities hosting outstanding researchers from abroad',
      summaryEn:
        'Emergency support from the university fund, JPY 3.3 billion over three years, for universities inviting researchers and graduate students from abroad.',
      mode: 'joint_call',
      agencies: [{ agency: 'JST', role: 'lead', deadline: '2025-08-18T08:00:00Z', budgetCap: null }],
      tracks: [
        { code: 'university', nameJa: '大学', nameEn: 'University', maxBudget: null, maxDurationMonths: 36, earlyCareerRequired: false },
      ],
      fields: [],
      eligibleCountries: [],
      announcedAt: '2025-07-18T01:00:00Z',
      opensAt: '2025-07-18T01:00:00Z',
      reviewStartsAt: '2025-08-19T00:00:00Z',
      decisionAt: '2025-09-30T01:00:00Z',
      projectStartOn: '2025-10-01',
    },
    {
      key: 'CREST-ANR-2018',
      program: 'JST-CREST',
      titleJa: 'CREST 日仏国際共同研究 (AI・量子技術) 2018年度公募',
      titleEn: 'CREST-ANR Japan-France joint call on AI and quantum technology (2018)',
      summaryEn: 'Joint call of JST CREST and the French ANR in two research areas, April 2018.',
      mode: 'joint_call',
      agencies: [
        { agency: 'JST', role: 'lead', deadline: '2018-06-05T03:00:00Z', budgetCap: JPY(150) },
        { agency: 'ANR', role: 'partner', deadline: '2018-06-05T11:00:00Z', budgetCap: { amount: 60_000_000, currency: 'EUR' } },
      ],
      tracks: [
        { code: 'standard', nameJa: '一般', nameEn: 'Standard', maxBudget: JPY(150), maxDurationMonths: 42, earlyCareerRequired: false },
      ],
      fields: ['ai_information', 'quantum'],
      eligibleCountries: ['FR'],
      announcedAt: '2018-03-20T01:00:00Z',
      opensAt: '2018-04-10T01:00:00Z',
      reviewStartsAt: '2018-06-15T00:00:00Z',
      decisionAt: '2018-10-01T01:00:00Z',
      projectStartOn: '2018-10-01',
    },
    {
      key: 'SICORP-US-CURRENT',
      program: 'JST-SICORP',
      titleJa: 'SICORP 日米共同研究公募 (AI・半導体)',
      titleEn: 'SICORP Japan-US joint call: AI and semiconductors',
      summaryEn: 'Bilateral joint call of JST and NSF; each agency funds its own side.',
      mode: 'joint_call',
      agencies: [
        { agency: 'JST', role: 'lead', deadline: day(45), budgetCap: JPY(45) },
        { agency: 'NSF', role: 'partner', deadline: day(50, '21:00:00Z'), budgetCap: { amount: 90_000_000, currency: 'USD' } },
      ],
      tracks: [
        { code: 'standard', nameJa: '一般', nameEn: 'Standard', maxBudget: JPY(45), maxDurationMonths: 36, earlyCareerRequired: false },
        {
          code: 'early_career',
          nameJa: '若手研究者参画型',
          nameEn: 'Early-career team',
          maxBudget: JPY(30),
          maxDurationMonths: 36,
          earlyCareerRequired: true,
        },
      ],
      fields: ['ai_information', 'semiconductors'],
      eligibleCountries: ['US'],
      announcedAt: day(-60),
      opensAt: day(-30),
      reviewStartsAt: day(70),
      decisionAt: day(160),
      projectStartOn: day(190).slice(0, 10),
    },
    {
      key: 'SICORP-US-REVIEW',
      program: 'JST-SICORP',
      titleJa: 'SICORP 日米共同研究公募 (前回: AI・半導体) 審査中',
      titleEn: 'SICORP Japan-US joint call, previous round: in review',
      summaryEn: 'The previous round of the Japan-US call; its proposals are being reviewed.',
      mode: 'joint_call',
      agencies: [
        { agency: 'JST', role: 'lead', deadline: day(-60), budgetCap: JPY(45) },
        { agency: 'NSF', role: 'partner', deadline: day(-55, '21:00:00Z'), budgetCap: { amount: 90_000_000, currency: 'USD' } },
      ],
      tracks: [
        { code: 'standard', nameJa: '一般', nameEn: 'Standard', maxBudget: JPY(45), maxDurationMonths: 36, earlyCareerRequired: false },
      ],
      fields: ['ai_information', 'semiconductors'],
      eligibleCountries: ['US'],
      announcedAt: day(-200),
      opensAt: day(-150),
      reviewStartsAt: day(-30),
      decisionAt: day(60),
      projectStartOn: day(90).slice(0, 10),
    },
    {
      key: 'EASIA-NEXT',
      program: 'JST-EASIA',
      titleJa: 'e-ASIA 共同研究プログラム 次期公募 (環境・防災・感染症)',
      titleEn: 'e-ASIA JRP next call: environment, disaster prevention, infectious diseases',
      summaryEn: 'Multilateral call: projects need partners in at least three member countries. Announced ahead so teams can form.',
      mode: 'joint_call',
      agencies: [
        { agency: 'JST', role: 'lead', deadline: day(120), budgetCap: JPY(30) },
        { agency: 'NSTDA', role: 'partner', deadline: day(120, '10:00:00Z'), budgetCap: { amount: 300_000_000, currency: 'THB' } },
        { agency: 'BRIN', role: 'partner', deadline: day(120, '10:00:00Z'), budgetCap: null },
      ],
      tracks: [
        { code: 'standard', nameJa: '一般', nameEn: 'Standard', maxBudget: JPY(30), maxDurationMonths: 36, earlyCareerRequired: false },
      ],
      fields: ['environment', 'disaster_prevention', 'infectious_diseases'],
      eligibleCountries: ['TH', 'ID', 'VN', 'PH', 'MY'],
      announcedAt: day(-10),
      opensAt: day(60),
      reviewStartsAt: day(135),
      decisionAt: day(240),
      projectStartOn: day(270).slice(0, 10),
    },
    {
      key: 'COFUND-DFG-CURRENT',
      program: 'JST-SICORP',
      titleJa: 'SICORP 日独共同支援 (半導体材料)',
      titleEn: 'SICORP Japan-Germany co-funding: semiconductor materials',
      summaryEn: 'JST selects; DFG confirms which selected projects it co-funds.',
      mode: 'co_funding',
      agencies: [
        { agency: 'JST', role: 'lead', deadline: day(-30), budgetCap: JPY(60) },
        { agency: 'DFG', role: 'partner', deadline: day(-30, '14:00:00Z'), budgetCap: { amount: 45_000_000, currency: 'EUR' } },
      ],
      tracks: [
        { code: 'standard', nameJa: '一般', nameEn: 'Standard', maxBudget: JPY(60), maxDurationMonths: 36, earlyCareerRequired: false },
      ],
      fields: ['semiconductors', 'materials'],
      eligibleCountries: ['DE'],
      announcedAt: day(-150),
      opensAt: day(-120),
      reviewStartsAt: day(40),
      decisionAt: day(120),
      projectStartOn: day(150).slice(0, 10),
    },
    {
      key: 'TWIN-UKRI-CURRENT',
      program: 'JST-SICORP',
      titleJa: '日英連携支援 (量子通信)',
      titleEn: 'Japan-UK twinning: quantum communications',
      summaryEn: 'Links projects each side already funds; no new money, the outcome is linked or not.',
      mode: 'twinning',
      agencies: [
        { agency: 'JST', role: 'lead', deadline: day(75), budgetCap: null },
        { agency: 'UKRI', role: 'partner', deadline: day(75, '15:00:00Z'), budgetCap: null },
      ],
      tracks: [{ code: 'link', nameJa: '連携', nameEn: 'Link', maxBudget: null, maxDurationMonths: 24, earlyCareerRequired: false }],
      fields: ['quantum', 'communications'],
      eligibleCountries: ['GB'],
      announcedAt: day(-20),
      opensAt: day(-5),
      reviewStartsAt: day(90),
      decisionAt: day(120),
      projectStartOn: null,
    },
  ];
}
