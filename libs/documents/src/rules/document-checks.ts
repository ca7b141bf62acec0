import type { SubmissionProblem } from '#applications';

/** What the checks need of a requirement. */
export interface RequirementTerms {
  readonly id: string;
  readonly scope: 'proposal' | 'side';
  readonly labelEn: string;
  readonly maxPages: number | null;
  readonly required: boolean;
}

/** What the checks need of the version a document holds. */
export interface HeldVersion {
  readonly requirementId: string;
  /** null for a document of the whole proposal. */
  readonly agencyId: string | null;
  readonly pages: number | null;
  readonly scanStatus: 'pending' | 'clean' | 'infected' | 'not_scanned';
}

export const DOCUMENT_WARNING_CODES = ['PAGES_OVER_LIMIT', 'INFECTED'] as const;
export type DocumentWarningCode = (typeof DOCUMENT_WARNING_CODES)[number];

export interface DocumentWarning {
  readonly code: DocumentWarningCode;
  readonly message: string;
}

/** What a draft is warned about for one document; each of these refuses a submission. */
export function documentWarnings(requirement: RequirementTerms, version: Pick<HeldVersion, 'pages' | 'scanStatus'>): DocumentWarning[] {
  const warnings: DocumentWarning[] = [];
  if (requirement.maxPages !== null && version.pages !== null && version.pages > requirement.maxPages) {
    warnings.push({
      code: 'PAGES_OVER_LIMIT',
      message: `${requirement.labelEn} has ${version.pages} pages; the call allows ${requirement.maxPages}.`,
    });
  }
  if (version.scanStatus === 'infected') {
    warnings.push({ code: 'INFECTED', message: `${requirement.labelEn} holds malware and cannot be submitted; replace it.` });
  }
  return warnings;
}

/** The field a document's problem is reported at: `documents.<requirement>` or `documents.<requirement>.<agency>`. */
export function documentField(requirementId: string, agencyId: string | null): string {
  return agencyId === null ? `documents.${requirementId}` : `documents.${requirementId}.${agencyId}`;
}

/**
 * Every document problem that stops a submission: a required document missing (once for the
 * proposal, or once per side), a document over its page limit, an infected file.
 */
export function documentProblems(
  requirements: readonly RequirementTerms[],
  held: readonly HeldVersion[],
  sideAgencyIds: readonly string[],
): SubmissionProblem[] {
  const problems: SubmissionProblem[] = [];
  for (const requirement of requirements) {
    const places = requirement.scope === 'proposal' ? [null] : sideAgencyIds;
    for (const agencyId of places) {
      const version = held.find((v) => v.requirementId === requirement.id && v.agencyId === agencyId);
      const where = { field: documentField(requirement.id, agencyId), ...(agencyId === null ? {} : { agencyId }) };
      if (!version) {
        if (requirement.required) problems.push({ code: 'DOCUMENT_MISSING', message: `${requirement.labelEn} is required.`, ...where });
        continue;
      }
      for (const warning of documentWarnings(requirement, version)) {
        problems.push({
          code: warning.code === 'PAGES_OVER_LIMIT' ? 'DOCUMENT_OVER_PAGES' : 'DOCUMENT_INFECTED',
          message: warning.message,
          ...where,
        });
      }
    }
  }
  return problems;
}
