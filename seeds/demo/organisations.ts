import type { OrganisationKind } from '#identity';

export interface OrganisationSeed {
  readonly key: string;
  readonly kind: OrganisationKind;
  readonly shortName: string;
  readonly nameJa: string;
  readonly nameEn: string;
  readonly country: string;
  readonly timeZone: string;
  readonly rorId: string | null;
  readonly funderId: string | null;
}

/**
 * Agencies and universities of the demo. ROR IDs from ROR's own records and Open Funder Registry
 * DOIs from Crossref-derived listings; AMED's identifiers could not be confirmed and stay empty.
 */
export const organisationSeeds: readonly OrganisationSeed[] = [
  {
    key: 'JST',
    kind: 'funding_agency',
    shortName: 'JST',
    nameJa: '科学技術振興機構',
    nameEn: 'Japan Science and Technology Agency',
    country: 'JP',
    timeZone: 'Asia/Tokyo',
    rorId: '00097mb19',
    funderId: '10.13039/501100002241',
  },
  {
    key: 'AMED',
    kind: 'funding_agency',
    shortName: 'AMED',
    nameJa: '日本医療研究開発機構',
    nameEn: 'Japan Agency for Medical Research and Development',
    country: 'JP',
    timeZone: 'Asia/Tokyo',
    rorId: null,
    funderId: null,
  },
  {
    key: 'JSPS',
    kind: 'funding_agency',
    shortName: 'JSPS',
    nameJa: '日本学術振興会',
    nameEn: 'Japan Society for the Promotion of Science',
    country: 'JP',
    timeZone: 'Asia/Tokyo',
    rorId: '00hhkn466',
    funderId: '10.13039/501100001691',
  },
  {
    key: 'NSF',
    kind: 'funding_agency',
    shortName: 'NSF',
    nameJa: '米国国立科学財団',
    nameEn: 'U.S. National Science Foundation',
    country: 'US',
    timeZone: 'America/New_York',
    rorId: '021nxhr62',
    funderId: '10.13039/100000001',
  },
  {
    key: 'ANR',
    kind: 'funding_agency',
    shortName: 'ANR',
    nameJa: 'フランス国立研究機構',
    nameEn: 'Agence Nationale de la Recherche',
    country: 'FR',
    timeZone: 'Europe/Paris',
    rorId: '00rbzpz17',
    funderId: '10.13039/501100001665',
  },
  {
    key: 'DFG',
    kind: 'funding_agency',
    shortName: 'DFG',
    nameJa: 'ドイツ研究振興協会',
    nameEn: 'Deutsche Forschungsgemeinschaft',
    country: 'DE',
    timeZone: 'Europe/Berlin',
    rorId: '018mejw64',
    funderId: '10.13039/501100001659',
  },
  {
    key: 'UKRI',
    kind: 'funding_agency',
    shortName: 'UKRI',
    nameJa: '英国研究・イノベーション機構',
    nameEn: 'UK Research and Innovation',
    country: 'GB',
    timeZone: 'Europe/London',
    rorId: '001aqnf71',
    funderId: '10.13039/100014013',
  },
  {
    key: 'UTOKYO',
    kind: 'institution',
    shortName: 'UTokyo',
    nameJa: '東京大学',
    nameEn: 'The University of Tokyo',
    country: 'JP',
    timeZone: 'Asia/Tokyo',
    rorId: '057zh3y96',
    funderId: null,
  },
  {
    key: 'OSAKA',
    kind: 'institution',
    shortName: 'Osaka U',
    nameJa: '大阪大学',
    nameEn: 'Osaka University',
    country: 'JP',
    timeZone: 'Asia/Tokyo',
    rorId: '035t8zc32',
    funderId: null,
  },
  {
    key: 'KYOTO',
    kind: 'institution',
    shortName: 'Kyoto U',
    nameJa: '京都大学',
    nameEn: 'Kyoto University',
    country: 'JP',
    timeZone: 'Asia/Tokyo',
    rorId: '02kpeqv85',
    funderId: null,
  },
  {
    key: 'TOHOKU',
    kind: 'institution',
    shortName: 'Tohoku U',
    nameJa: '東北大学',
    nameEn: 'Tohoku University',
    country: 'JP',
    timeZone: 'Asia/Tokyo',
    rorId: '01dq60k83',
    funderId: null,
  },
  {
    key: 'MIT',
    kind: 'institution',
    shortName: 'MIT',
    nameJa: 'マサチューセッツ工科大学',
    nameEn: 'Massachusetts Institute of Technology',
    country: 'US',
    timeZone: 'America/New_York',
    rorId: '042nb2s44',
    funderId: null,
  },
  {
    key: 'SORBONNE',
    kind: 'institution',
    shortName: 'Sorbonne U',
    nameJa: 'ソルボンヌ大学',
    nameEn: 'Sorbonne University',
    country: 'FR',
    timeZone: 'Europe/Paris',
    rorId: '02en5vm52',
    funderId: null,
  },
];
