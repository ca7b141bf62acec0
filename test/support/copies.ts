import type { DataSource } from 'typeorm';

/**
 * Rows whose copy of a value kept for the office's and the statistics' index ranges differs from
 * the original: the office row's status (from its application) and the decision's institution
 * (from its side). The copies of call_id are checked by their foreign keys. Every count must be 0.
 */
export async function copiesOutOfStep(dataSource: DataSource): Promise<{ officeStatus: number; decisionInstitution: number }> {
  const [row] = await dataSource.query<{ office_status: number; decision_institution: number }[]>(
    `SELECT (SELECT count(*)::int FROM application_institutions k JOIN applications a ON a.id = k.application_id
              WHERE k.status <> a.status) AS office_status,
            (SELECT count(*)::int FROM side_decisions d JOIN application_sides s ON s.application_id = d.application_id AND s.agency_id = d.agency_id
              WHERE d.institution_id IS DISTINCT FROM s.institution_id) AS decision_institution`,
  );
  return { officeStatus: row!.office_status, decisionInstitution: row!.decision_institution };
}
