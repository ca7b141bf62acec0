import { inZone } from '#calls';
import type { AllowedAction } from '../rules/application-state.js';
import type { ApplicationDto, ApplicationSummaryDto } from './dto/application.dto.js';
import type { ApplicationRecord, ApplicationSummaryRow } from './applications.repository.js';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export function toApplicationDto(a: ApplicationRecord, institutionDeadline: Date | null, allowedActions: AllowedAction[]): ApplicationDto {
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
      pi: { userId: s.piUserId, name: s.piName ?? s.piUserName, email: s.piEmail ?? s.piUserEmail, orcid: s.piOrcid },
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
    receipts: a.receipts.map((r) => ({
      kind: r.kind,
      number: r.number,
      agency: { id: r.agencyId, shortName: r.agencyShortName },
      issuedAt: r.issuedAt.toISOString(),
      submissionNumber: r.submissionNumber,
    })),
    institutionDeadline: iso(institutionDeadline),
    allowedActions,
    version: a.version,
  };
}

/** A list line; `now` decides which deadline is next. */
export function toApplicationSummaryDto(row: ApplicationSummaryRow, now: Date): ApplicationSummaryDto {
  const ahead = row.sides.map((s) => s.deadline.getTime()).filter((t) => t > now.getTime());
  return {
    id: row.id,
    call: { id: row.callId, title: { ja: row.callTitleJa, en: row.callTitleEn } },
    title: row.title,
    status: row.status,
    piUserId: row.piUserId,
    createdAt: row.createdAt,
    nextDeadline: ahead.length > 0 ? new Date(Math.min(...ahead)).toISOString() : null,
    institutionDeadline: iso(row.institutionDeadline),
    sides: row.sides.map((s) => ({
      agency: { id: s.agencyId, shortName: s.agencyShortName },
      status: s.status,
      deadline: { utc: s.deadline.toISOString(), timeZone: s.timeZone },
      receiptNumber: s.receiptNumber,
      institution:
        s.institutionId === null ? null : { id: s.institutionId, shortName: s.institutionShortName, country: s.institutionCountry },
    })),
  };
}
