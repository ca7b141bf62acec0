/** Countries, names and words the synthetic data sets are made of. */

export interface Country {
  readonly code: string;
  readonly nameEn: string;
  readonly nameJa: string;
  readonly timeZone: string;
  readonly currency: string;
  /** Digits after the decimal point of the currency (ISO 4217), for amounts in minor units. */
  readonly minorDigits: number;
  /** About how many units of the currency a US dollar buys, to keep budgets in proportion. */
  readonly perDollar: number;
  /** Share of the foreign institutions, researchers and reviewers. */
  readonly weight: number;
}

const country = (
  code: string,
  nameEn: string,
  nameJa: string,
  timeZone: string,
  currency: string,
  minorDigits: number,
  perDollar: number,
  weight: number,
): Country => ({ code, nameEn, nameJa, timeZone, currency, minorDigits, perDollar, weight });

export const JAPAN = country('JP', 'Japan', '日本', 'Asia/Tokyo', 'JPY', 0, 150, 0);

/** Partner countries of Japanese joint calls, with their usual share of partner institutions. */
export const PARTNER_COUNTRIES: readonly Country[] = [
  country('US', 'United States', '米国', 'America/New_York', 'USD', 2, 1, 18),
  country('DE', 'Germany', 'ドイツ', 'Europe/Berlin', 'EUR', 2, 0.9, 8),
  country('GB', 'United Kingdom', '英国', 'Europe/London', 'GBP', 2, 0.8, 8),
  country('FR', 'France', 'フランス', 'Europe/Paris', 'EUR', 2, 0.9, 7),
  country('KR', 'Republic of Korea', '韓国', 'Asia/Seoul', 'KRW', 0, 1350, 5),
  country('CN', 'China', '中国', 'Asia/Shanghai', 'CNY', 2, 7.2, 5),
  country('CA', 'Canada', 'カナダ', 'America/Toronto', 'CAD', 2, 1.35, 4),
  country('AU', 'Australia', 'オーストラリア', 'Australia/Sydney', 'AUD', 2, 1.5, 4),
  country('IT', 'Italy', 'イタリア', 'Europe/Rome', 'EUR', 2, 0.9, 3),
  country('ES', 'Spain', 'スペイン', 'Europe/Madrid', 'EUR', 2, 0.9, 3),
  country('NL', 'Netherlands', 'オランダ', 'Europe/Amsterdam', 'EUR', 2, 0.9, 3),
  country('SE', 'Sweden', 'スウェーデン', 'Europe/Stockholm', 'SEK', 2, 10.5, 2),
  country('CH', 'Switzerland', 'スイス', 'Europe/Zurich', 'CHF', 2, 0.88, 2),
  country('FI', 'Finland', 'フィンランド', 'Europe/Helsinki', 'EUR', 2, 0.9, 2),
  country('TW', 'Taiwan', '台湾', 'Asia/Taipei', 'TWD', 2, 32, 3),
  country('SG', 'Singapore', 'シンガポール', 'Asia/Singapore', 'SGD', 2, 1.35, 2),
  country('TH', 'Thailand', 'タイ', 'Asia/Bangkok', 'THB', 2, 36, 3),
  country('ID', 'Indonesia', 'インドネシア', 'Asia/Jakarta', 'IDR', 2, 15_800, 3),
  country('VN', 'Viet Nam', 'ベトナム', 'Asia/Ho_Chi_Minh', 'VND', 0, 25_000, 2),
  country('MY', 'Malaysia', 'マレーシア', 'Asia/Kuala_Lumpur', 'MYR', 2, 4.7, 2),
  country('PH', 'Philippines', 'フィリピン', 'Asia/Manila', 'PHP', 2, 56, 2),
  country('IN', 'India', 'インド', 'Asia/Kolkata', 'INR', 2, 83, 3),
  country('NZ', 'New Zealand', 'ニュージーランド', 'Pacific/Auckland', 'NZD', 2, 1.65, 1),
  country('BR', 'Brazil', 'ブラジル', 'America/Sao_Paulo', 'BRL', 2, 5.2, 2),
  country('MX', 'Mexico', 'メキシコ', 'America/Mexico_City', 'MXN', 2, 17, 1),
  country('ZA', 'South Africa', '南アフリカ', 'Africa/Johannesburg', 'ZAR', 2, 18.5, 1),
  country('IL', 'Israel', 'イスラエル', 'Asia/Jerusalem', 'ILS', 2, 3.7, 1),
];

export const INSTITUTION_KINDS = [
  { en: 'University', ja: '大学', weight: 6 },
  { en: 'Institute of Technology', ja: '工業大学', weight: 2 },
  { en: 'Medical University', ja: '医科大学', weight: 1 },
  { en: 'National Laboratory', ja: '国立研究所', weight: 1 },
] as const;

export const JAPANESE_FAMILY_NAMES = [
  'Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato',
  'Yoshida', 'Yamada', 'Sasaki', 'Yamaguchi', 'Matsumoto', 'Inoue', 'Kimura', 'Hayashi', 'Shimizu', 'Yamazaki',
  'Mori', 'Abe', 'Ikeda', 'Hashimoto', 'Ishikawa', 'Ogawa', 'Okada', 'Goto', 'Hasegawa', 'Murakami',
]; // prettier-ignore

export const JAPANESE_GIVEN_NAMES = [
  'Haruto', 'Yui', 'Sota', 'Himari', 'Ren', 'Aoi', 'Yuto', 'Sakura', 'Kaito', 'Rin',
  'Takeshi', 'Yumi', 'Kenji', 'Mei', 'Daisuke', 'Haruka', 'Shota', 'Akira', 'Naoko', 'Hiroshi',
  'Keiko', 'Satoshi', 'Emi', 'Kazuki', 'Ayaka', 'Ryo', 'Misaki', 'Tomoya', 'Nanami', 'Yusuke',
]; // prettier-ignore

export const FAMILY_NAMES = [
  'Smith', 'Johnson', 'Garcia', 'Müller', 'Schmidt', 'Martin', 'Bernard', 'Rossi', 'Kim', 'Lee',
  'Park', 'Wang', 'Li', 'Zhang', 'Chen', 'Nguyen', 'Tran', 'Singh', 'Kumar', 'Santos',
  'Silva', 'Johansson', 'Virtanen', 'de Vries', 'Jansen', 'Cohen', 'Levi', 'Wongsakul', 'Santoso', 'Reyes',
]; // prettier-ignore

export const GIVEN_NAMES = [
  'Emily', 'James', 'Olivia', 'Lucas', 'Sophie', 'Thomas', 'Anna', 'Marco', 'Jiwoo', 'Minjun',
  'Wei', 'Xin', 'Lan', 'Anh', 'Priya', 'Arjun', 'Maria', 'João', 'Elin', 'Mikko',
  'Noah', 'Lea', 'Daniel', 'Sara', 'Somchai', 'Dewi', 'Paolo', 'Claire', 'David', 'Ingrid',
]; // prettier-ignore

/** Research themes by field code, for titles and keywords; unknown fields fall back to GENERAL. */
export const THEMES: Readonly<Record<string, readonly string[]>> = {
  bio: ['synthetic gene circuits', 'plant immunity', 'protein design', 'microbiome engineering'],
  ai_information: ['trustworthy machine learning', 'multilingual language models', 'edge inference', 'causal discovery'],
  materials: ['high-entropy alloys', 'two-dimensional materials', 'self-healing polymers', 'perovskite films'],
  semiconductors: ['wide-bandgap power devices', 'chiplet integration', 'spintronic memory', 'extreme ultraviolet resists'],
  energy: ['solid-state batteries', 'green hydrogen catalysis', 'grid-scale storage', 'fusion plasma control'],
  quantum: ['quantum error correction', 'quantum sensing', 'photonic qubits', 'quantum networks'],
  communications: ['6G radio access', 'satellite-terrestrial networks', 'optical interconnects', 'network slicing'],
  health_medicine: ['antimicrobial resistance', 'regenerative medicine', 'cancer immunotherapy', 'digital pathology'],
  environment: ['microplastics', 'biodiversity monitoring', 'urban heat islands', 'soil carbon'],
  disaster_prevention: ['earthquake early warning', 'tsunami inundation modelling', 'landslide prediction', 'flood resilience'],
  infectious_diseases: ['zoonotic spillover', 'vaccine platforms', 'dengue transmission', 'pathogen genomics'],
  agriculture_food: ['drought-tolerant rice', 'precision agriculture', 'alternative proteins', 'food loss reduction'],
  water: ['groundwater depletion', 'water purification membranes', 'river basin management', 'desalination'],
  climate: ['monsoon variability', 'climate attribution', 'carbon capture', 'permafrost thaw'],
  ocean: ['ocean acidification', 'deep-sea ecosystems', 'marine heatwaves', 'coastal erosion'],
  space: ['small satellite constellations', 'lunar regolith', 'space weather', 'exoplanet atmospheres'],
  ageing: ['healthy longevity', 'dementia care robotics', 'frailty biomarkers', 'ageing societies'],
  mathematics: ['random matrices', 'optimal transport', 'algebraic geometry', 'numerical analysis'],
  physics: ['topological matter', 'neutrino oscillations', 'ultrafast lasers', 'gravitational waves'],
  chemistry: ['photocatalysis', 'supramolecular assembly', 'flow chemistry', 'electrochemical synthesis'],
  engineering: ['soft robotics', 'digital twins', 'additive manufacturing', 'resilient infrastructure'],
  humanities_social: ['migration and labour', 'digital humanities', 'science diplomacy', 'demographic change'],
};
export const GENERAL_THEMES = ['interdisciplinary methods', 'open research data', 'science and society', 'research infrastructure'];

export const APPROACHES = [
  'A joint framework for',
  'Towards scalable',
  'Understanding',
  'Data-driven approaches to',
  'New experimental platforms for',
  'Bridging theory and practice in',
  'Co-designing solutions for',
  'Long-term observation of',
];

export const SETTINGS = [
  'in Asia and the Pacific',
  'across borders',
  'in ageing societies',
  'for a net-zero economy',
  'at scale',
  'in the field',
];

export const CRITERIA = [
  { ja: '研究の卓越性', en: 'Scientific excellence' },
  { ja: '国際共同研究の相乗効果', en: 'Synergy of the international partnership' },
  { ja: '若手研究者の交流・頭脳循環', en: 'Exchange of young researchers and brain circulation' },
  { ja: '実施体制の妥当性', en: 'Feasibility of the plan and team' },
  { ja: '社会的・経済的インパクト', en: 'Societal and economic impact' },
  { ja: '研究計画の独創性', en: 'Originality of the research plan' },
];

export const REVIEW_COMMENTS = [
  'A strong team with a convincing plan for exchanges between the partners.',
  'The objectives are clear; the work plan for the second year needs more detail.',
  'Excellent preliminary results; the budget of the partner side is high for the planned work.',
  'The partnership adds little beyond what each side could do alone.',
  'Ambitious and original; the risks are acknowledged and mitigated.',
  'Solid but incremental; the early-career training plan is a clear strength.',
];

export const RETURN_COMMENTS = [
  'Please attach the export-control screening sheet for the partner institution.',
  'The budget of the second year exceeds the internal limit; please revise it.',
  'The co-investigator affiliations do not match the researcher database; please correct them.',
  'Please add the disclosure of other funding for the principal investigator.',
];

export const INELIGIBILITY_REASONS = [
  'The partner principal investigator does not hold a position eligible under the partner agency rules.',
  'The proposal exceeds the page limit of the call.',
  'The requested duration does not match the project plan.',
  'A required letter of commitment is missing.',
];

export const ELIGIBILITY_REASON = 'Meets the eligibility requirements of the call.';
