import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { hashPassword } from '#identity';
import { upsertRows } from '#platform';
import { organisationSeeds } from '../demo/organisations.js';
import { seedId } from '../seed-id.js';
import { OTHER_LEAD, planAspireRound } from './aspire-2023.js';

/**
 * Past rounds loaded as rows, so their statistics come out of the same queries as any call's:
 * ASPIRE 2023 (469 applications, 106 funded) and EXPERT-J 2025 (13 universities applied, 11 were
 * selected). People are synthetic and cannot sign in; institutions, fields, tracks, decisions and
 * partner countries follow the published tables. Written once; a later run changes nothing.
 */
export async function seedRounds(manager: EntityManager): Promise<number> {
  const projects = [...aspireProjects(), ...expertJProjects()];
  const existing = new Set(
    (await manager.query<{ id: string }[]>(`SELECT id FROM applications WHERE id = ANY($1::uuid[])`, [projects.map((p) => p.id)])).map(
      (r) => r.id,
    ),
  );
  const fresh = projects.filter((p) => !existing.has(p.id));
  if (fresh.length === 0) return 0;

  const users = new Map(fresh.map((p) => [p.piUserId, p.pi]));
  // Nobody knows this password, and the accounts are disabled: they only hold the past rounds.
  const unusable = await hashPassword(randomBytes(32).toString('base64url'));
  await upsertRows(
    manager,
    'users',
    ['id'],
    [...users].map(([id, pi]) => ({
      id,
      email: pi.email,
      name: pi.name,
      roles: '{researcher}',
      organisation_id: pi.organisationId,
      language: 'ja',
      password_hash: unusable,
      disabled_at: '2025-01-01T00:00:00Z',
    })),
    ['password_hash'],
  );
  const recorder = seedId('user', 'admin@example.org');
  await manager.query(
    `INSERT INTO applications (id, call_id, track_id, pi_user_id, title, abstract, field_code, keywords, duration_months, status, created_at)
     SELECT id, call_id, track_id, pi_user_id, title, '', field_code, '{}', 60, 'decided', created_at
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, call_id uuid, track_id uuid, pi_user_id uuid, title text, field_code text, created_at timestamptz)`,
    [JSON.stringify(fresh)],
  );
  await manager.query(
    `INSERT INTO application_sides (application_id, call_id, agency_id, status, pi_user_id, institution_id, budget_per_year, budget_currency,
                                    export_control_checked_at, disclosures_received_at, receipt_number, submitted_at)
     SELECT id, call_id, agency_id, 'decided', pi_user_id, institution_id, '{}', 'JPY', created_at, created_at, receipt_number, created_at
       FROM jsonb_to_recordset($1::jsonb)
         AS x(id uuid, call_id uuid, agency_id uuid, pi_user_id uuid, institution_id uuid, receipt_number text, created_at timestamptz)`,
    [JSON.stringify(fresh)],
  );
  await manager.query(
    `INSERT INTO application_receipts (number, application_id, agency_id, kind, issued_at)
     SELECT receipt_number, id, agency_id, 'received_by_agency', created_at
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, agency_id uuid, receipt_number text, created_at timestamptz)`,
    [JSON.stringify(fresh)],
  );
  await manager.query(
    `INSERT INTO side_decisions (application_id, call_id, agency_id, institution_id, decision, decided_by, decided_at)
     SELECT id, call_id, agency_id, institution_id, CASE WHEN funded THEN 'yes' ELSE 'no' END, $2, decided_at
       FROM jsonb_to_recordset($1::jsonb)
         AS x(id uuid, call_id uuid, agency_id uuid, institution_id uuid, funded boolean, decided_at timestamptz)`,
    [JSON.stringify(fresh), recorder],
  );
  await manager.query(
    `INSERT INTO application_members (application_id, call_id, user_id, name, role, institution_id, country)
     SELECT id, call_id, pi_user_id, pi->>'name', 'pi', institution_id, 'JP'
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, call_id uuid, pi_user_id uuid, pi jsonb, institution_id uuid)
     UNION ALL
     SELECT id, call_id, NULL, 'Partner investigator ' || n || ' (' || country || ')', 'partner_pi', NULL, country
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, call_id uuid, partner_countries text[]),
            unnest(partner_countries) WITH ORDINALITY AS c(country, n)`,
    [JSON.stringify(fresh)],
  );
  await manager.query(
    `INSERT INTO application_institutions (application_id, institution_id, call_id, status, created_at)
     SELECT id, institution_id, call_id, 'decided', created_at
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, institution_id uuid, call_id uuid, created_at timestamptz)
      WHERE institution_id IS NOT NULL`,
    [JSON.stringify(fresh)],
  );
  return fresh.length;
}

interface RoundProject {
  readonly id: string;
  readonly call_id: string;
  readonly track_id: string;
  readonly agency_id: string;
  readonly field_code: string | null;
  readonly title: string;
  readonly funded: boolean;
  readonly institution_id: string | null;
  readonly piUserId: string;
  readonly pi_user_id: string;
  readonly pi: { readonly email: string; readonly name: string; readonly organisationId: string | null };
  readonly partner_countries: readonly string[];
  readonly receipt_number: string;
  readonly created_at: string;
  readonly decided_at: string;
}

const FIELD_NAMES: Record<string, string> = {
  bio: 'Biotechnology',
  ai_information: 'AI and information',
  materials: 'Materials',
  semiconductors: 'Semiconductors',
  energy: 'Energy',
  quantum: 'Quantum',
  communications: 'Communications',
  health_medicine: 'Health and medicine',
};

function pi(round: string, key: string | null): RoundProject['pi'] & { id: string } {
  const organisation = key === null ? undefined : organisationSeeds.find((o) => o.key === key);
  const label = organisation?.shortName ?? 'other institution';
  const email = `${round.toLowerCase()}.${(key ?? 'other').toLowerCase().replace(/_/g, '-')}@example.org`;
  return {
    id: seedId('user', email),
    email,
    name: `${round} applicant (${label})`,
    organisationId: organisation ? seedId('organisation', organisation.key) : null,
  };
}

function aspireProjects(): RoundProject[] {
  const call = 'ASPIRE-2023';
  return planAspireRound().map((project) => {
    const health = project.field === 'health_medicine';
    const track = health ? (project.index % 2 === 0 ? 'type-a' : 'type-b') : project.index % 2 === 0 ? 'top' : 'next-generation';
    const lead = project.leadInstitution === OTHER_LEAD ? null : project.leadInstitution;
    const { id: piUserId, ...person } = pi('aspire2023', lead);
    return {
      id: seedId('application', `${call}/${project.index}`),
      call_id: seedId('call', call),
      track_id: seedId('track', `${call}/${track}`),
      agency_id: seedId('organisation', health ? 'AMED' : 'JST'),
      field_code: project.field,
      title: `ASPIRE 2023: ${FIELD_NAMES[project.field]} project ${project.index + 1}`,
      funded: project.funded,
      institution_id: person.organisationId,
      piUserId,
      pi_user_id: piUserId,
      pi: person,
      partner_countries: project.partnerCountries,
      receipt_number: `ASPIRE-2023-${String(project.index + 1).padStart(6, '0')}`,
      created_at: health ? '2023-06-27T00:00:00Z' : '2023-06-20T00:00:00Z',
      decided_at: '2023-12-15T01:00:00Z',
    };
  });
}

/** The eleven universities selected, as published; two more applied and are not named. */
const EXPERT_J_SELECTED = [
  'KYOTO',
  'UTOKYO',
  'NAGOYA',
  'TSUKUBA',
  'SCIENCE_TOKYO',
  'KYUSHU',
  'OIST',
  'KANAZAWA',
  'HIROSHIMA',
  'KOBE',
  'HOKKAIDO',
];

function expertJProjects(): RoundProject[] {
  const call = 'EXPERT-J-2025';
  const applicants: (string | null)[] = [...EXPERT_J_SELECTED, null, null];
  return applicants.map((key, index) => {
    const { id: piUserId, ...person } = pi('expertj2025', key === null ? `OTHER_${index - EXPERT_J_SELECTED.length + 1}` : key);
    const organisation = key === null ? undefined : organisationSeeds.find((o) => o.key === key);
    return {
      id: seedId('application', `${call}/${index}`),
      call_id: seedId('call', call),
      track_id: seedId('track', `${call}/university`),
      agency_id: seedId('organisation', 'JST'),
      field_code: null,
      title: `EXPERT-J 2025: ${organisation?.nameEn ?? 'a university not named in the results'}`,
      funded: key !== null,
      institution_id: key === null ? null : seedId('organisation', key),
      piUserId,
      pi_user_id: piUserId,
      pi: { ...person, organisationId: key === null ? null : person.organisationId },
      partner_countries: [],
      receipt_number: `EXPERT-J-2025-${String(index + 1).padStart(6, '0')}`,
      created_at: '2025-08-18T00:00:00Z',
      decided_at: '2025-09-30T01:00:00Z',
    };
  });
}
