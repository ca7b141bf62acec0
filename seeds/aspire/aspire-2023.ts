/**
 * The ASPIRE round's published results (MEXT, "International strategy", October 2025: 469
 * applications, 106 funded), and a deterministic plan of projects that reproduces every published
 * table: funded projects by field, by lead institution, and partner institutions by country (a
 * project with two US partner institutions counts two for the US). Statistics are computed from
 * the rows this plan produces, never stored.
 */
export const ASPIRE_2023 = {
  applications: 469,
  funded: 106,
  fundedByField: {
    bio: 13,
    ai_information: 15,
    materials: 14,
    semiconductors: 10,
    energy: 11,
    quantum: 15,
    communications: 10,
    health_medicine: 18,
  },
  /** The main lead institutions named in the table; the other 29 funded projects are led elsewhere. */
  fundedByLeadInstitution: { UTOKYO: 27, OSAKA: 11, KYOTO: 7, KYUSHU: 7, SCIENCE_TOKYO: 7, RIKEN: 7, TOHOKU: 5, KEIO: 3, NAGOYA: 3 },
  /** Partner institutions of funded projects, counted per project and institution (203 in all). */
  fundedPartnerInstitutionsByCountry: {
    US: 51,
    GB: 35,
    DE: 27,
    FR: 14,
    CA: 12,
    AU: 11,
    FI: 8,
    IT: 6,
    DK: 6,
    AT: 5,
    NL: 5,
    CH: 5,
    SE: 5,
    BE: 4,
    ES: 3,
    KR: 3,
    EU: 1,
    CZ: 1,
    NO: 1,
  },
} as const;

export const OTHER_LEAD = 'OTHER';

export interface PlannedProject {
  readonly index: number;
  readonly field: keyof typeof ASPIRE_2023.fundedByField;
  readonly funded: boolean;
  /** Key of the lead institution, or OTHER. */
  readonly leadInstitution: string;
  /** Countries of the partner institutions, one entry per institution. */
  readonly partnerCountries: readonly string[];
}

const expand = <K extends string>(counts: Readonly<Record<K, number>>): K[] =>
  (Object.entries(counts) as [K, number][]).flatMap(([key, n]) => Array.from({ length: n }, () => key));

/** The same 469 projects every time: 106 funded matching the tables, 363 not funded spread evenly. */
export function planAspireRound(): PlannedProject[] {
  const fields = expand(ASPIRE_2023.fundedByField);
  const named = expand(ASPIRE_2023.fundedByLeadInstitution);
  const leads = [...named, ...Array.from({ length: ASPIRE_2023.funded - named.length }, () => OTHER_LEAD)];
  const partners = expand(ASPIRE_2023.fundedPartnerInstitutionsByCountry);
  const partnersOf = (project: number): string[] => {
    // Every funded project has one partner institution; the first 97 have a second one (203 = 106 + 97).
    const second = partners.length - ASPIRE_2023.funded;
    return project < second ? [partners[project * 2]!, partners[project * 2 + 1]!] : [partners[second * 2 + (project - second)]!];
  };
  const funded = fields.map((field, i) => ({ index: i, field, funded: true, leadInstitution: leads[i]!, partnerCountries: partnersOf(i) }));
  const fieldKeys = Object.keys(ASPIRE_2023.fundedByField) as (keyof typeof ASPIRE_2023.fundedByField)[];
  const leadKeys = [...Object.keys(ASPIRE_2023.fundedByLeadInstitution), OTHER_LEAD];
  const countries = Object.keys(ASPIRE_2023.fundedPartnerInstitutionsByCountry);
  const notFunded = Array.from({ length: ASPIRE_2023.applications - ASPIRE_2023.funded }, (_, n) => ({
    index: ASPIRE_2023.funded + n,
    field: fieldKeys[n % fieldKeys.length]!,
    funded: false,
    leadInstitution: leadKeys[n % leadKeys.length]!,
    partnerCountries: [countries[n % countries.length]!],
  }));
  return [...funded, ...notFunded];
}
