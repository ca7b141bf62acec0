import { Injectable } from '@nestjs/common';
import { callStatusSql } from '#calls';
import { LaggingReads, type Reader } from '#platform';

/**
 * The applications of a call that reached an agency (drafts, returns, pending approvals and
 * withdrawals are not counted), optionally only those touching one institution ($2), with each
 * one's overall outcome by the call's mode (the rule of applicationOutcome, in SQL: 'yes' for any
 * funded outcome, co-funded and funded by the lead alone included, 'no', or 'pending') and whether
 * every side passed eligibility. Every table is read by its call_id index range, so the cost
 * follows the size of the call, not of the whole system (docs/performance.md).
 */
const COUNTED = `
  apps AS (
    SELECT a.id, a.track_id, a.field_code
      FROM applications a
     WHERE a.call_id = $1
       AND a.status IN ('submitted', 'eligible', 'ineligible', 'under_review', 'decided')
       AND ($2::uuid IS NULL OR EXISTS (
             SELECT 1 FROM application_institutions k WHERE k.application_id = a.id AND k.institution_id = $2))
  ),
  per_app AS (
    SELECT s.application_id,
           CASE
             -- co-funding: the lead selects; funded (with co-funders or by the lead alone) once every partner has answered
             WHEN c.mode = 'co_funding' AND bool_or(ca.role = 'lead' AND d.decision = 'no') THEN 'no'
             WHEN c.mode = 'co_funding' AND NOT coalesce(bool_or(ca.role = 'lead' AND d.decision = 'yes'), false) THEN 'pending'
             WHEN c.mode = 'co_funding' AND bool_or(d.decision IS NULL) THEN 'pending'
             WHEN c.mode = 'co_funding' THEN 'yes'
             -- joint call and twinning: every side
             WHEN bool_or(d.decision = 'no') THEN 'no'
             WHEN bool_or(d.decision IS NULL) THEN 'pending'
             ELSE 'yes'
           END AS outcome,
           bool_or(s.status IN ('eligible', 'under_review', 'decided')) AND NOT bool_or(s.status = 'ineligible') AS eligible
      FROM apps
      JOIN application_sides s ON s.application_id = apps.id AND s.call_id = $1
      JOIN calls c ON c.id = $1
      JOIN call_agencies ca ON ca.call_id = $1 AND ca.agency_id = s.agency_id
      LEFT JOIN side_decisions d ON d.application_id = s.application_id AND d.agency_id = s.agency_id AND d.call_id = $1
     GROUP BY s.application_id, c.mode
  )`;

export interface CountRow {
  readonly dimension: 'total' | 'track' | 'field' | 'lead_institution';
  readonly key: string | null;
  readonly labelEn: string | null;
  readonly labelJa: string | null;
  readonly applications: number;
  readonly eligible: number;
  readonly funded: number;
  readonly notFunded: number;
  readonly pending: number;
}

export interface CountryRow {
  readonly country: string;
  readonly partnerInstitutions: number;
  readonly fundedPartnerInstitutions: number;
  readonly applications: number;
  readonly fundedApplications: number;
}

export interface AgencyCallRow {
  readonly callId: string;
  readonly titleEn: string;
  readonly titleJa: string;
  readonly mode: string;
  readonly role: string;
  readonly status: string;
  readonly deadline: Date;
  readonly received: number;
  readonly awaitingInstitution: number;
  readonly eligible: number;
  readonly underReview: number;
  readonly funded: number;
  readonly notFunded: number;
}

export interface UpcomingDeadlineRow {
  readonly callId: string;
  readonly titleEn: string;
  readonly titleJa: string;
  readonly agency: string;
  readonly deadline: Date;
  readonly timeZone: string;
  readonly internalDeadline: Date | null;
  readonly applications: number;
  readonly awaitingApproval: number;
}

/**
 * Reporting reads: each answer is one or two queries, whatever the number of applications. All of
 * them may lag a little: they run on a replica when one is configured, unless the reader wrote since.
 */
@Injectable()
export class StatisticsRepository {
  constructor(private readonly laggingReads: LaggingReads) {}

  private query<T>(reader: Reader, sql: string, parameters: unknown[]): Promise<T> {
    return this.laggingReads.run(reader, (manager) => manager.query<T>(sql, parameters));
  }

  /** Totals and the breakdowns by track, field and lead institution (the PI's), in one grouping-sets query. */
  async counts(callId: string, institutionId: string | null, reader: Reader): Promise<CountRow[]> {
    const rows = await this.query<CountQueryRow[]>(
      reader,
      `WITH ${COUNTED},
       lead AS (
         SELECT DISTINCT ON (m.application_id) m.application_id, m.institution_id
           FROM application_members m JOIN apps ON apps.id = m.application_id
          WHERE m.call_id = $1 AND m.role = 'pi'
          ORDER BY m.application_id, m.id
       ),
       grouped AS (
         SELECT CASE WHEN GROUPING(apps.track_id) = 0 THEN 'track'
                     WHEN GROUPING(apps.field_code) = 0 THEN 'field'
                     WHEN GROUPING(lead.institution_id) = 0 THEN 'lead_institution'
                     ELSE 'total' END AS dimension,
                apps.track_id, apps.field_code, lead.institution_id,
                count(*)::int AS applications,
                count(*) FILTER (WHERE p.eligible)::int AS eligible,
                count(*) FILTER (WHERE p.outcome = 'yes')::int AS funded,
                count(*) FILTER (WHERE p.outcome = 'no')::int AS not_funded,
                count(*) FILTER (WHERE p.outcome = 'pending')::int AS pending
           FROM apps
           JOIN per_app p ON p.application_id = apps.id
           LEFT JOIN lead ON lead.application_id = apps.id
          GROUP BY GROUPING SETS ((), (apps.track_id), (apps.field_code), (lead.institution_id))
       )
       SELECT g.*, COALESCE(t.code, g.field_code, o.short_name) AS key_label,
              COALESCE(t.name_en, f.name_en, o.name_en) AS label_en, COALESCE(t.name_ja, f.name_ja, o.name_ja) AS label_ja
         FROM grouped g
         LEFT JOIN call_tracks t ON g.dimension = 'track' AND t.id = g.track_id
         LEFT JOIN research_fields f ON g.dimension = 'field' AND f.code = g.field_code
         LEFT JOIN organisations o ON g.dimension = 'lead_institution' AND o.id = g.institution_id
        ORDER BY g.dimension, g.funded DESC, g.applications DESC, key_label NULLS LAST`,
      [callId, institutionId],
    );
    return rows.map(toCountRow);
  }

  /**
   * Partner institutions by country: the distinct institutions of partner PIs per application (a
   * partner PI with no institution on record counts as one), so a project with two US partner
   * institutions counts two for the US.
   */
  async partnerCountries(callId: string, institutionId: string | null, reader: Reader): Promise<CountryRow[]> {
    const rows = await this.query<CountryQueryRow[]>(
      reader,
      `WITH ${COUNTED},
       partners AS (
         SELECT DISTINCT m.application_id, COALESCE(m.institution_id, m.id) AS institution, m.country, p.outcome
           FROM application_members m
           JOIN per_app p ON p.application_id = m.application_id
          WHERE m.call_id = $1 AND m.role = 'partner_pi' AND m.country IS NOT NULL
       )
       SELECT country,
              count(*)::int AS partner_institutions,
              count(*) FILTER (WHERE outcome = 'yes')::int AS funded_partner_institutions,
              count(DISTINCT application_id)::int AS applications,
              count(DISTINCT application_id) FILTER (WHERE outcome = 'yes')::int AS funded_applications
         FROM partners
        GROUP BY country
        ORDER BY funded_partner_institutions DESC, partner_institutions DESC, country`,
      [callId, institutionId],
    );
    return rows.map(toCountryRow);
  }

  /** Each call the agency takes part in, with what reached its side and what it decided. */
  async agencyCalls(agencyId: string, now: Date, reader: Reader): Promise<AgencyCallRow[]> {
    const rows = await this.query<AgencyCallQueryRow[]>(
      reader,
      `SELECT c.id, c.title_en, c.title_ja, c.mode, ca.role, ca.deadline, ${callStatusSql('c', '$2::timestamptz')} AS status,
              count(*) FILTER (WHERE s.status IN ('submitted', 'eligible', 'ineligible', 'under_review', 'decided'))::int AS received,
              count(*) FILTER (WHERE s.status = 'pending_institution')::int AS awaiting_institution,
              count(*) FILTER (WHERE s.status IN ('eligible', 'under_review', 'decided'))::int AS eligible,
              count(*) FILTER (WHERE s.status = 'under_review')::int AS under_review,
              count(*) FILTER (WHERE d.decision = 'yes')::int AS funded,
              count(*) FILTER (WHERE d.decision = 'no')::int AS not_funded
         FROM call_agencies ca
         JOIN calls c ON c.id = ca.call_id
         LEFT JOIN application_sides s ON s.call_id = c.id AND s.agency_id = ca.agency_id
         LEFT JOIN side_decisions d ON d.application_id = s.application_id AND d.agency_id = s.agency_id
        WHERE ca.agency_id = $1
        GROUP BY c.id, ca.role, ca.deadline
        ORDER BY ca.deadline DESC, c.id`,
      [agencyId, now],
    );
    return rows.map(toAgencyCallRow);
  }

  /** An institution's applications by status (every application touching it): one index range, read from the index alone. */
  async institutionStatuses(institutionId: string, reader: Reader): Promise<{ status: string; count: number }[]> {
    return this.query(
      reader,
      `SELECT status, count(*)::int AS count FROM application_institutions WHERE institution_id = $1 GROUP BY status ORDER BY status`,
      [institutionId],
    );
  }

  /** Decisions on the sides led from the institution. */
  async institutionDecisions(institutionId: string, reader: Reader): Promise<{ funded: number; notFunded: number }> {
    const [row] = await this.query<{ funded: number; not_funded: number }[]>(
      reader,
      `SELECT count(*) FILTER (WHERE decision = 'yes')::int AS funded, count(*) FILTER (WHERE decision = 'no')::int AS not_funded
         FROM side_decisions WHERE institution_id = $1`,
      [institutionId],
    );
    return { funded: row?.funded ?? 0, notFunded: row?.not_funded ?? 0 };
  }

  /** Agency deadlines still ahead in published calls, with the office's own deadline and its applications there. */
  async upcomingDeadlines(institutionId: string, now: Date, limit: number, reader: Reader): Promise<UpcomingDeadlineRow[]> {
    const rows = await this.query<UpcomingDeadlineQueryRow[]>(
      reader,
      `SELECT c.id, c.title_en, c.title_ja, ag.short_name, ca.deadline, ca.time_zone, idl.deadline AS internal_deadline,
              mine.applications, mine.awaiting_approval
         FROM call_agencies ca
         JOIN calls c ON c.id = ca.call_id AND c.published_at IS NOT NULL AND c.cancelled_at IS NULL
         JOIN organisations ag ON ag.id = ca.agency_id
         LEFT JOIN institution_deadlines idl ON idl.call_id = c.id AND idl.institution_id = $1
         CROSS JOIN LATERAL (
           SELECT count(*) FILTER (WHERE s.status <> 'withdrawn')::int AS applications,
                  count(*) FILTER (WHERE s.status = 'pending_institution')::int AS awaiting_approval
             FROM application_sides s
            WHERE s.call_id = c.id AND s.agency_id = ca.agency_id AND s.institution_id = $1
         ) mine
        WHERE ca.deadline > $2
        ORDER BY ca.deadline, c.id
        LIMIT $3`,
      [institutionId, now, limit],
    );
    return rows.map(toUpcomingDeadlineRow);
  }
}

/** A row of the grouping-sets query of counts: the group's columns, its counts and its labels. */
interface CountQueryRow {
  readonly dimension: CountRow['dimension'];
  readonly track_id: string | null;
  readonly field_code: string | null;
  readonly institution_id: string | null;
  readonly applications: number;
  readonly eligible: number;
  readonly funded: number;
  readonly not_funded: number;
  readonly pending: number;
  readonly key_label: string | null;
  readonly label_en: string | null;
  readonly label_ja: string | null;
}

function toCountRow(row: CountQueryRow): CountRow {
  return {
    dimension: row.dimension,
    key: row.dimension === 'track' ? row.track_id : row.dimension === 'field' ? row.field_code : row.institution_id,
    labelEn: row.label_en,
    labelJa: row.label_ja,
    applications: row.applications,
    eligible: row.eligible,
    funded: row.funded,
    notFunded: row.not_funded,
    pending: row.pending,
  };
}

interface CountryQueryRow {
  readonly country: string;
  readonly partner_institutions: number;
  readonly funded_partner_institutions: number;
  readonly applications: number;
  readonly funded_applications: number;
}

function toCountryRow(row: CountryQueryRow): CountryRow {
  return {
    country: row.country.trim(),
    partnerInstitutions: row.partner_institutions,
    fundedPartnerInstitutions: row.funded_partner_institutions,
    applications: row.applications,
    fundedApplications: row.funded_applications,
  };
}

interface AgencyCallQueryRow {
  readonly id: string;
  readonly title_en: string;
  readonly title_ja: string;
  readonly mode: string;
  readonly role: string;
  readonly deadline: Date;
  readonly status: string;
  readonly received: number;
  readonly awaiting_institution: number;
  readonly eligible: number;
  readonly under_review: number;
  readonly funded: number;
  readonly not_funded: number;
}

function toAgencyCallRow(row: AgencyCallQueryRow): AgencyCallRow {
  return {
    callId: row.id,
    titleEn: row.title_en,
    titleJa: row.title_ja,
    mode: row.mode,
    role: row.role,
    status: row.status,
    deadline: row.deadline,
    received: row.received,
    awaitingInstitution: row.awaiting_institution,
    eligible: row.eligible,
    underReview: row.under_review,
    funded: row.funded,
    notFunded: row.not_funded,
  };
}

interface UpcomingDeadlineQueryRow {
  readonly id: string;
  readonly title_en: string;
  readonly title_ja: string;
  readonly short_name: string;
  readonly deadline: Date;
  readonly time_zone: string;
  readonly internal_deadline: Date | null;
  readonly applications: number;
  readonly awaiting_approval: number;
}

function toUpcomingDeadlineRow(row: UpcomingDeadlineQueryRow): UpcomingDeadlineRow {
  return {
    callId: row.id,
    titleEn: row.title_en,
    titleJa: row.title_ja,
    agency: row.short_name,
    deadline: row.deadline,
    timeZone: row.time_zone,
    internalDeadline: row.internal_deadline,
    applications: row.applications,
    awaitingApproval: row.awaiting_approval,
  };
}
