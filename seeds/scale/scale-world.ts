import { DateTime } from 'luxon';
import { organisationSeeds } from '../demo/organisations.js';
import { seedId } from '../seed-id.js';
import { apportion, cumulative, hash32, Random, scaleId, zipf } from './random.js';
import { type Country, CRITERIA, INSTITUTION_KINDS, JAPAN, PARTNER_COUNTRIES } from './vocabulary.js';
import { FAMILY_NAMES, GIVEN_NAMES, JAPANESE_FAMILY_NAMES, JAPANESE_GIVEN_NAMES } from './vocabulary.js';

/** The kind byte of each synthetic id (see scaleId). */
export const KIND = {
  institution: 0x01,
  agency: 0x02,
  researcher: 0x10,
  reviewer: 0x11,
  office: 0x12,
  officer: 0x13,
  program: 0x20,
  call: 0x21,
  track: 0x22,
  criterion: 0x23,
  application: 0x30,
  member: 0x31,
  assignment: 0x32,
} as const;

export const SCALE_EMAIL_DOMAIN = 'scale.example.org';

/** The n-th researcher (from 1): researcher.00001@scale.example.org. */
export function researcherEmail(n: number): string {
  return `researcher.${String(n).padStart(5, '0')}@${SCALE_EMAIL_DOMAIN}`;
}

/** The n-th reviewer (from 1): reviewer.0001@scale.example.org. */
export function reviewerEmail(n: number): string {
  return `reviewer.${String(n).padStart(4, '0')}@${SCALE_EMAIL_DOMAIN}`;
}

/** The research office (institution admin) of the n-th institution (from 1): office.0001@scale.example.org. */
export function officeEmail(n: number): string {
  return `office.${String(n).padStart(4, '0')}@${SCALE_EMAIL_DOMAIN}`;
}

/**
 * Program officer k (1 or 2) of the n-th agency (from 1): officer.3.1@scale.example.org. Agencies
 * 1-9 are the demo's real ones in their seed order (JST, AMED, JSPS, NSF, ANR, DFG, UKRI, NSTDA,
 * BRIN); the synthetic ones follow.
 */
export function officerEmail(agency: number, k: number): string {
  return `officer.${agency}.${k}@${SCALE_EMAIL_DOMAIN}`;
}

export interface WorldOptions {
  readonly seed: number;
  /** Seconds since the epoch. */
  readonly now: number;
  readonly applications: number;
  readonly institutions: number;
  readonly agencies: number;
  readonly researchers: number;
  readonly reviewers: number;
  readonly calls: number;
  /** Research field codes, in their vocabulary order. */
  readonly fields: readonly string[];
}

export interface Institution {
  readonly index: number;
  readonly id: string;
  readonly country: Country;
  readonly shortName: string;
  readonly nameEn: string;
  readonly nameJa: string;
}

export interface User {
  readonly index: number;
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly orcid: string | null;
  readonly roles: string;
  readonly organisationId: string;
  readonly language: 'en' | 'ja';
}

export interface Researcher extends User {
  readonly institution: Institution;
}

export interface Agency {
  /** From 1, as in officerEmail. */
  readonly number: number;
  readonly id: string;
  readonly country: Country;
  readonly shortName: string;
  readonly nameEn: string;
  readonly nameJa: string;
  readonly synthetic: boolean;
  readonly officers: readonly User[];
  readonly programs: ProgramPlan[];
}

export interface ProgramPlan {
  readonly id: string;
  readonly agency: Agency;
  readonly code: string;
  readonly nameEn: string;
  readonly nameJa: string;
}

export interface Money {
  readonly amount: number;
  readonly currency: string;
}

export type Mode = 'joint_call' | 'co_funding' | 'twinning';
/** Where a call stands at `now`: open, closed (review not started), in review, decided. */
export type Phase = 'open' | 'closed' | 'in_review' | 'decided';

export interface CallAgencyPlan {
  readonly agency: Agency;
  readonly role: 'lead' | 'partner';
  /** Seconds since the epoch. */
  readonly deadline: number;
  readonly deadlineDate: Date;
  /** Japanese sides need their institution's approval (e-Rad's rule); partners abroad waive it. */
  readonly approvalRequired: boolean;
  readonly budgetCap: Money | null;
  /** Reviewers of this agency in the call's pool (indices into World.reviewers); empty when it does not review. */
  readonly pool: number[];
}

export interface TrackPlan {
  readonly id: string;
  readonly code: string;
  readonly nameEn: string;
  readonly nameJa: string;
  readonly maxBudget: Money | null;
  readonly maxDurationMonths: number;
  readonly earlyCareerRequired: boolean;
}

export interface CriterionPlan {
  readonly id: string;
  readonly nameEn: string;
  readonly nameJa: string;
  readonly scaleMin: number;
  readonly scaleMax: number;
  /** numeric(6,3), as text. */
  readonly weight: string;
  readonly threshold: number | null;
}

export interface CallPlan {
  readonly index: number;
  readonly id: string;
  readonly program: ProgramPlan;
  readonly mode: Mode;
  readonly phase: Phase;
  readonly titleEn: string;
  readonly titleJa: string;
  readonly summaryEn: string;
  readonly agencies: readonly CallAgencyPlan[];
  readonly tracks: readonly TrackPlan[];
  readonly trackWeights: Float64Array;
  readonly fields: readonly string[];
  readonly criteria: readonly CriterionPlan[];
  readonly eligibleCountries: readonly string[];
  readonly announcedAt: number;
  readonly opensAt: number;
  readonly reviewStartsAt: number;
  readonly decisionAt: number;
  readonly projectStartOn: string;
  readonly firstDeadline: number;
  readonly lastDeadline: number;
  /** How many applications it receives. */
  readonly applications: number;
}

export interface World {
  readonly institutions: readonly Institution[];
  readonly agencies: readonly Agency[];
  readonly researchers: readonly Researcher[];
  readonly reviewers: readonly Researcher[];
  readonly offices: readonly User[];
  readonly programs: readonly ProgramPlan[];
  readonly calls: readonly CallPlan[];
  /** Researchers of each country: indices [start, end) into `researchers`. */
  readonly researchersIn: ReadonlyMap<string, readonly [number, number]>;
}

export const DAY = 86_400;
/** Of institution sizes within a country: the biggest Japanese university has about 7% of Japan's researchers. */
const ZIPF_EXPONENT = 0.75;
const HOUR = 3_600;
const COUNTRIES = new Map([JAPAN, ...PARTNER_COUNTRIES].map((c) => [c.code, c]));
const HEALTH_FIELDS = ['health_medicine', 'infectious_diseases', 'ageing', 'bio'];

/** Institutions, people, agencies, programs and calls: everything but the applications. */
export function planWorld(options: WorldOptions): World {
  const institutions = planInstitutions(options);
  const researchers = planPeople(options, institutions, options.researchers, 0.55, KIND.researcher, researcherEmail, 1);
  const reviewers = planPeople(options, institutions, options.reviewers, 0.5, KIND.reviewer, reviewerEmail, 0);
  const offices = institutions.map((institution, i) => {
    const random = new Random(hash32(options.seed, KIND.office, i));
    return user(KIND.office, i, officeEmail(i + 1), personName(random, institution.country), null, '{institution_admin}', institution);
  });
  const agencies = planAgencies(options);
  const programs = agencies.flatMap((a) => a.programs);
  const researchersIn = new Map<string, [number, number]>();
  researchers.forEach((r, i) => {
    const range = researchersIn.get(r.institution.country.code);
    if (range) range[1] = i + 1;
    else researchersIn.set(r.institution.country.code, [i, i + 1]);
  });
  const calls = planCalls(options, agencies, reviewers.length);
  return { institutions, agencies, researchers, reviewers, offices, programs, calls, researchersIn };
}

function user(
  kind: number,
  index: number,
  email: string,
  name: string,
  orcid: string | null,
  roles: string,
  organisation: { id: string; country: Country },
): User {
  return {
    index,
    id: scaleId(kind, index),
    email,
    name,
    orcid,
    roles,
    organisationId: organisation.id,
    language: organisation.country.code === 'JP' ? 'ja' : 'en',
  };
}

function personName(random: Random, country: Country): string {
  return country.code === 'JP'
    ? `${random.pick(JAPANESE_GIVEN_NAMES)} ${random.pick(JAPANESE_FAMILY_NAMES)}`
    : `${random.pick(GIVEN_NAMES)} ${random.pick(FAMILY_NAMES)}`;
}

/** Half in Japan, the rest over the partner countries by their weight; numbered by country, biggest first. */
function planInstitutions(options: WorldOptions): Institution[] {
  const japanese = Math.round(options.institutions / 2);
  const perCountry = [
    japanese,
    ...apportion(
      options.institutions - japanese,
      PARTNER_COUNTRIES.map((c) => c.weight),
      1,
    ),
  ];
  const kinds = cumulative(INSTITUTION_KINDS.map((k) => k.weight));
  const institutions: Institution[] = [];
  [JAPAN, ...PARTNER_COUNTRIES].forEach((country, c) => {
    for (let rank = 1; rank <= perCountry[c]!; rank++) {
      const index = institutions.length;
      const kind = INSTITUTION_KINDS[new Random(hash32(options.seed, KIND.institution, index)).weighted(kinds)]!;
      const code = `${country.code}-${String(rank).padStart(3, '0')}`;
      institutions.push({
        index,
        id: scaleId(KIND.institution, index),
        country,
        shortName: code,
        nameEn: `${kind.en} ${code}`,
        nameJa: `${kind.ja} ${code}`,
      });
    }
  });
  return institutions;
}

/**
 * People spread over the institutions: `japanShare` of them in Japan, the rest by country weight,
 * and within a country by a Zipf law on the institution's rank, so a few big universities hold
 * many of them. Numbered institution by institution.
 */
function planPeople(
  options: WorldOptions,
  institutions: readonly Institution[],
  total: number,
  japanShare: number,
  kind: number,
  email: (n: number) => string,
  floor: number,
): Researcher[] {
  const groups = [JAPAN, ...PARTNER_COUNTRIES].map((country) => institutions.filter((i) => i.country === country));
  const inJapan = Math.round(total * japanShare);
  const abroad = total - inJapan;
  const floors = groups.map((g) => g.length * floor);
  const foreignFloors = floors.slice(1).reduce((a, b) => a + b, 0);
  const perCountry = [
    inJapan,
    ...apportion(
      abroad - foreignFloors,
      PARTNER_COUNTRIES.map((c) => c.weight),
    ).map((n, c) => n + floors[c + 1]!),
  ];
  const people: Researcher[] = [];
  groups.forEach((group, c) => {
    const counts = apportion(perCountry[c]!, zipf(group.length, ZIPF_EXPONENT), floor);
    group.forEach((institution, i) => {
      for (let k = 0; k < counts[i]!; k++) {
        const index = people.length;
        const random = new Random(hash32(options.seed, kind, index));
        const name = personName(random, institution.country);
        const orcid = random.chance(0.4) ? orcidOf(kind === KIND.researcher ? index : 1_000_000 + index) : null;
        const roles = kind === KIND.researcher ? '{researcher}' : '{researcher,reviewer}';
        people.push({ ...user(kind, index, email(index + 1), name, orcid, roles, institution), institution });
      }
    });
  });
  return people;
}

/** A valid ORCID iD (ISO 7064 MOD 11-2 check character) in the 0009-0000 block, one per serial. */
export function orcidOf(serial: number): string {
  const digits = `00090000${String(serial).padStart(7, '0')}`;
  let total = 0;
  for (const digit of digits) total = (total + Number(digit)) * 2;
  const remainder = (12 - (total % 11)) % 11;
  const all = digits + (remainder === 10 ? 'X' : String(remainder));
  return `${all.slice(0, 4)}-${all.slice(4, 8)}-${all.slice(8, 12)}-${all.slice(12)}`;
}

const REAL_PROGRAMS: Readonly<Record<string, readonly { code: string; en: string; ja: string }[]>> = {
  JSPS: [
    { code: 'KAKENHI-INTL', en: 'KAKENHI Fund for the Promotion of Joint International Research', ja: '科研費 国際共同研究加速基金' },
    { code: 'BILATERAL', en: 'Bilateral Joint Research Projects', ja: '二国間交流事業 共同研究' },
  ],
  JST: [
    { code: 'JRP-INTL', en: 'International Joint Research Program', ja: '国際共同研究プログラム' },
    { code: 'JRP-MULTI', en: 'Multilateral Joint Research Program', ja: '多国間共同研究プログラム' },
  ],
  AMED: [
    { code: 'MED-INTL', en: 'International Collaborative Research Program for Medicine', ja: '医療分野国際共同研究プログラム' },
    { code: 'MED-LINK', en: 'Medical Research Partnership Program', ja: '医療研究パートナーシッププログラム' },
  ],
};

/** The demo's real agencies first, then synthetic ones (a few Japanese, the rest abroad) up to the total. */
function planAgencies(options: WorldOptions): Agency[] {
  const real = organisationSeeds.filter((o) => o.kind === 'funding_agency');
  const synthetic = options.agencies - real.length;
  const japanese = Math.max(1, Math.round(synthetic * 0.08));
  const seen = new Map<string, number>();
  const specs = [
    ...real.map((o) => ({
      id: seedId('organisation', o.key),
      country: COUNTRIES.get(o.country)!,
      shortName: o.shortName,
      synthetic: false,
    })),
    ...Array.from({ length: synthetic }, (_, k) => {
      const country = k < japanese ? JAPAN : PARTNER_COUNTRIES[(k - japanese) % PARTNER_COUNTRIES.length]!;
      const n = (seen.get(country.code) ?? 0) + 1;
      seen.set(country.code, n);
      return { id: scaleId(KIND.agency, k), country, shortName: `${country.code}-RA${n}`, synthetic: true };
    }),
  ];
  let programIndex = 0;
  return specs.map((spec, i) => {
    const seed = real.find((o) => seedId('organisation', o.key) === spec.id);
    const officers = [1, 2].map((k) => {
      const random = new Random(hash32(options.seed, KIND.officer, i * 2 + k));
      return user(KIND.officer, i * 2 + k - 1, officerEmail(i + 1, k), personName(random, spec.country), null, '{program_officer}', spec);
    });
    const agency: Agency = {
      number: i + 1,
      ...spec,
      nameEn: seed?.nameEn ?? `${spec.country.nameEn} Research Agency ${spec.shortName.slice(5)}`,
      nameJa: seed?.nameJa ?? `${spec.country.nameJa}研究機構 ${spec.shortName.slice(5)}`,
      officers,
      programs: [],
    };
    const programs = REAL_PROGRAMS[spec.shortName] ?? [
      { code: 'JRP', en: `${spec.shortName} Joint Research Program`, ja: `${spec.shortName} 共同研究プログラム` },
      { code: 'IPP', en: `${spec.shortName} International Partnership Program`, ja: `${spec.shortName} 国際パートナーシッププログラム` },
    ];
    for (const p of programs) {
      agency.programs.push({ id: scaleId(KIND.program, programIndex++), agency, code: p.code, nameEn: p.en, nameJa: p.ja });
    }
    return agency;
  });
}

const byShortName = (agencies: readonly Agency[], shortName: string): Agency => agencies.find((a) => a.shortName === shortName)!;

/**
 * The calls: three very large ones (a KAKENHI-like open call with 18% of the applications, its
 * previous round in review with 14%, a JST co-funding call decided with 12%) and many small ones
 * sharing the rest by a Zipf law. About a third are open; the others are closed, in review or decided.
 */
function planCalls(options: WorldOptions, agencies: readonly Agency[], reviewers: number): CallPlan[] {
  const small = options.calls - 3;
  const smallWeights = zipf(small + 5, 1).slice(5);
  const smallTotal = smallWeights.reduce((a, b) => a + b, 0);
  const shares = [0.18, 0.14, 0.12, ...smallWeights.map((w) => (0.56 * w) / smallTotal)];
  const counts = apportion(options.applications, shares, options.applications >= options.calls * 4 ? 1 : 0);

  const world = new Random(hash32(options.seed, KIND.call));
  const openSmall = Math.max(0, Math.round(options.calls / 3) - 1);
  const rest = small - openSmall;
  const closed = Math.round(rest * 0.25);
  const inReview = Math.round(rest * 0.3);
  const phases: Phase[] = [
    ...Array<Phase>(openSmall).fill('open'),
    ...Array<Phase>(closed).fill('closed'),
    ...Array<Phase>(inReview).fill('in_review'),
    ...Array<Phase>(rest - closed - inReview).fill('decided'),
  ];
  const order = world.sample(phases.length, phases.length);
  const smallPhases = order.map((i) => phases[i]!);
  // The open calls cover every cooperation mode: the large one is a joint call, the first small ones co-funding and twinning.
  const openModes = new Map<number, Mode>();
  smallPhases.forEach((phase, i) => {
    if (phase === 'open' && openModes.size < 2) openModes.set(i + 3, openModes.size === 0 ? 'co_funding' : 'twinning');
  });

  const japanese = agencies.filter((a) => a.country.code === 'JP');
  const foreign = agencies.filter((a) => a.country.code !== 'JP');
  const leadWeights = cumulative(japanese.map((a) => ({ JST: 3, JSPS: 2, AMED: 1.5 })[a.shortName] ?? 1));
  const foreignWeights = cumulative(foreign.map((a) => (a.synthetic ? 1 : 3)));
  const jsps = byShortName(agencies, 'JSPS');
  const jst = byShortName(agencies, 'JST');

  let trackIndex = 0;
  let criterionIndex = 0;
  return counts.map((count, index) => {
    const random = new Random(hash32(options.seed, KIND.call, index));
    let lead: Agency;
    let partners: Agency[];
    let mode: Mode;
    let phase: Phase;
    let program: ProgramPlan;
    if (index < 3) {
      lead = index === 2 ? jst : jsps;
      partners = [
        [byShortName(agencies, 'NSF'), byShortName(agencies, 'DFG')],
        [byShortName(agencies, 'UKRI'), byShortName(agencies, 'ANR')],
        [byShortName(agencies, 'DFG')],
      ][index]!;
      mode = index === 2 ? 'co_funding' : 'joint_call';
      phase = (['open', 'in_review', 'decided'] as const)[index]!;
      program = lead.programs[0]!;
    } else {
      const r = random.float();
      mode = openModes.get(index) ?? (r < 0.55 ? 'joint_call' : r < 0.8 ? 'co_funding' : 'twinning');
      phase = smallPhases[index - 3]!;
      const foreignLed = random.chance(0.15);
      lead = foreignLed ? foreign[random.weighted(foreignWeights)]! : japanese[random.weighted(leadWeights)]!;
      partners = [];
      // A call abroad takes Japanese applicants through a Japanese partner agency.
      if (foreignLed) partners.push(japanese[random.weighted(leadWeights)]!);
      const wanted = random.chance(0.4) ? 2 : 1;
      for (let tries = 0; partners.length < wanted && tries < 50; tries++) {
        const candidate = foreign[random.weighted(foreignWeights)]!;
        if ([lead, ...partners].some((a) => a === candidate || a.country === candidate.country)) continue;
        partners.push(candidate);
      }
      program = random.pick(lead.programs);
    }
    const timeline = planTimeline(options.now, phase, index === 0, [lead, ...partners], random);
    const big = index < 3;
    const eligible = new Set(partners.map((p) => p.country.code));
    if (!big && random.chance(0.25)) for (let k = random.int(1, 3); k > 0; k--) eligible.add(random.pick(PARTNER_COUNTRIES).code);
    const health = lead.shortName === 'AMED' ? HEALTH_FIELDS.filter((f) => options.fields.includes(f)) : [];
    const fields = big
      ? [...options.fields]
      : health.length > 0
        ? health
        : random.sample(options.fields.length, random.int(2, Math.min(5, options.fields.length))).map((i) => options.fields[i]!);
    const { tracks, weights } = planTracks(mode, lead, big, random, () => scaleId(KIND.track, trackIndex++));
    const leadCap = tracks.reduce<Money | null>(
      (cap, t) => (t.maxBudget && (!cap || t.maxBudget.amount > cap.amount) ? t.maxBudget : cap),
      null,
    );
    const maxYears = Math.ceil(Math.max(...tracks.map((t) => t.maxDurationMonths)) / 12);
    const reviewing = mode === 'joint_call' ? [lead, ...partners] : [lead];
    // A stream of its own: pools grow with the applications, and the call's other terms stay the same whatever their number.
    const poolRandom = new Random(hash32(options.seed, KIND.call, index, KIND.reviewer));
    const pools = planPools(count, reviewing.length, mode === 'joint_call' ? 2.5 / reviewing.length : 2.5, reviewers, phase, poolRandom);
    const agencyPlans: CallAgencyPlan[] = [lead, ...partners].map((agency, i) => ({
      agency,
      role: i === 0 ? 'lead' : 'partner',
      deadline: timeline.deadlines[i]!,
      deadlineDate: new Date(timeline.deadlines[i]! * 1000),
      approvalRequired: agency.country.code === 'JP',
      budgetCap:
        mode === 'twinning'
          ? null
          : i === 0
            ? leadCap
            : money(random.int(10, 25) * 10_000 * maxYears, agency.country, agency.country.currency),
      pool: pools[reviewing.indexOf(agency)] ?? [],
    }));
    const year = new Date(timeline.opensAt * 1000).getUTCFullYear();
    const names = partners.map((p) => p.shortName);
    return {
      index,
      id: scaleId(KIND.call, index),
      program,
      mode,
      phase,
      titleEn: `${program.nameEn}: ${year} call with ${names.join(' and ')}`,
      titleJa: `${program.nameJa} ${year}年度公募（${names.join('・')}）`,
      summaryEn: {
        joint_call: 'Joint call: each participating agency funds its own side; a project goes ahead when every side is funded.',
        co_funding: 'Co-funding: the lead agency selects, the partner agencies confirm that they co-fund the selected projects.',
        twinning: 'Twinning: links projects that each side has already funded; no new budget.',
      }[mode],
      agencies: agencyPlans,
      tracks,
      trackWeights: weights,
      fields,
      criteria: planCriteria(random, () => scaleId(KIND.criterion, criterionIndex++)),
      eligibleCountries: [...eligible].sort(),
      ...timeline,
      applications: count,
    };
  });
}

/** An amount of about `dollars` in the currency of `country`, in whole thousands, as minor units. */
export function money(dollars: number, country: Country, currency: string): Money {
  const thousands = Math.max(1, Math.round((dollars * country.perDollar) / 1000));
  return { amount: thousands * 1000 * 10 ** country.minorDigits, currency };
}

type TrackSpec = [code: string, en: string, ja: string, perYearDollars: number, months: number, earlyCareer: boolean, weight: number];

function planTracks(
  mode: Mode,
  lead: Agency,
  big: boolean,
  random: Random,
  id: () => string,
): { tracks: TrackPlan[]; weights: Float64Array } {
  const budget = (perYear: number, months: number): Money | null =>
    mode === 'twinning' ? null : money(perYear * Math.ceil(months / 12), lead.country, lead.country.currency);
  const specs: TrackSpec[] = big
    ? [
        ['type-a', 'Type A (up to five years)', 'Aタイプ（最長5年）', 250_000, 60, false, 3],
        ['type-b', 'Type B (up to three years)', 'Bタイプ（最長3年）', 120_000, 36, false, 5],
        ['early-career', 'Early-career researchers', '若手研究者枠', 80_000, 36, true, 2],
      ]
    : [
        ['standard', 'Standard', '一般', random.int(10, 30) * 10_000, random.chance(0.5) ? 36 : 60, false, 3],
        ...(random.chance(0.35) ? [['next-generation', 'Next generation', '次世代', 60_000, 36, true, 1] as TrackSpec] : []),
      ];
  return {
    tracks: specs.map(([code, en, ja, perYear, months, early]) => ({
      id: id(),
      code,
      nameEn: en,
      nameJa: ja,
      maxBudget: budget(perYear, months),
      maxDurationMonths: months,
      earlyCareerRequired: early,
    })),
    weights: cumulative(specs.map((s) => s[6])),
  };
}

function planCriteria(random: Random, id: () => string): CriterionPlan[] {
  const picked = random.sample(CRITERIA.length, random.int(3, 5)).sort((a, b) => a - b);
  const tenPoint = random.chance(0.2);
  const raw = picked.map(() => random.int(1, 5));
  const sum = raw.reduce((a, b) => a + b, 0);
  return picked.map((c, i) => ({
    id: id(),
    nameEn: CRITERIA[c]!.en,
    nameJa: CRITERIA[c]!.ja,
    scaleMin: 1,
    scaleMax: tenPoint ? 10 : 5,
    weight: (raw[i]! / sum).toFixed(3),
    threshold: i === 0 || random.chance(0.3) ? (tenPoint ? 6 : 3) : null,
  }));
}

/** Reviewer pools (disjoint, drawn from every reviewer) of the reviewing agencies of a call past its deadline. */
function planPools(applications: number, agencies: number, perSide: number, reviewers: number, phase: Phase, random: Random): number[][] {
  if (phase === 'open') return [];
  const size = Math.max(6, Math.min(1500, Math.floor(reviewers / (agencies + 1)), Math.ceil((applications * perSide) / 8)));
  const drawn = random.sample(reviewers, size * agencies);
  return Array.from({ length: agencies }, (_, i) => drawn.slice(i * size, (i + 1) * size));
}

/** A deadline `days` after `now` at `hour` o'clock in the zone, in seconds. */
function deadlineAt(now: number, days: number, zone: string, hour: number): number {
  return DateTime.fromSeconds(now + days * DAY, { zone })
    .set({ hour, minute: 0, second: 0, millisecond: 0 })
    .toSeconds();
}

/** 01:00 UTC of the day `days` after `now`, in seconds. */
function dayStart(now: number, days: number): number {
  return Math.floor((now + days * DAY) / DAY) * DAY + HOUR;
}

function planTimeline(now: number, phase: Phase, kakenhi: boolean, agencies: readonly Agency[], random: Random) {
  // Open: every deadline 3 to 30 days ahead. Past: the lead's deadline some days ago, partners' up to a week earlier.
  const leadDay =
    phase === 'open'
      ? kakenhi
        ? 4
        : random.int(4, 29)
      : -{ closed: random.int(4, 20), in_review: random.int(41, 120), decided: random.int(151, 700) }[phase];
  const deadlines = agencies.map((agency, i) => {
    const day = i === 0 ? leadDay : phase === 'open' ? Math.min(29, Math.max(4, leadDay + random.int(-3, 7))) : leadDay - random.int(0, 7);
    return deadlineAt(now, day, agency.country.timeZone, agency.country.code === 'JP' ? 12 : 17);
  });
  const firstDeadline = Math.min(...deadlines);
  const lastDeadline = Math.max(...deadlines);
  const opensAt = phase === 'open' ? dayStart(now, -random.int(20, 75)) : dayStart(firstDeadline, -random.int(45, 90));
  const reviewStartsAt = dayStart(lastDeadline, phase === 'open' ? 14 : phase === 'closed' ? 30 : 21);
  const decisionAt = dayStart(reviewStartsAt, phase === 'in_review' ? 200 : phase === 'decided' ? 100 : 120);
  const start = new Date(decisionAt * 1000);
  const projectStartOn = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 2, 1)).toISOString().slice(0, 10);
  return { deadlines, firstDeadline, lastDeadline, opensAt, announcedAt: opensAt - 30 * DAY, reviewStartsAt, decisionAt, projectStartOn };
}
