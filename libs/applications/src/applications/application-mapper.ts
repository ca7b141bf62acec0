import { inZone } from '#calls';
import type { ApplicationDto } from './dto/application.dto.js';
import type { ApplicationRecord } from './applications.repository.js';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export function toApplicationDto(a: ApplicationRecord, institutionDeadline: Date | null): ApplicationDto {
  return {
    id: a.id,
    call: { id: a.callId, title: { ja: a.callTitleJa, en: a.callTitleEn } },
    trackId: a.trackId,
    piUserId: a.piUserId,
    title: a.title,
    abstract: a.abstract,
    fieldCode: a.fieldCode,
    keywords: a.keywords,
    durationMonths: a.durationMonths,
    status: a.status,
    sides: a.sides.map((s) => ({
      agency: { id: s.agencyId, shortName: s.agencyShortName },
      role: s.role,
      status: s.status,
      approvalRequired: s.approvalRequired,
      deadline: { utc: s.deadline.toISOString(), local: inZone(s.deadline, s.timeZone), timeZone: s.timeZone },
      pi: { userId: s.piUserId, name: s.piName, email: s.piEmail, orcid: s.piOrcid },
      institution:
        s.institutionId === null ? null : { id: s.institutionId, shortName: s.institutionShortName, country: s.institutionCountry },
      budgetPerYear: s.budgetPerYear,
      budgetCurrency: s.budgetCurrency,
      existingGrantNumber: s.existingGrantNumber,
      integrityChecks: { exportControlCheckedAt: iso(s.exportControlCheckedAt), disclosuresReceivedAt: iso(s.disclosuresReceivedAt) },
      receiptNumber: s.receiptNumber,
      submittedAt: iso(s.submittedAt),
    })),
    members: a.members.map((m) => ({ ...m })),
    institutionDeadline: iso(institutionDeadline),
    version: a.version,
  };
}
