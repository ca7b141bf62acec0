import type { ZonedInstantDto } from '#platform';
import { inZone } from '../rules/zoned-time.js';
import type { CallAction } from '../rules/call-actions.js';
import type { CallStatus } from '../rules/call-status.js';
import { resultsReleasedAt } from '../rules/call-timeline.js';
import type { AgencyEntry, CallHead, CallRecord } from './calls.repository.js';
import type { CallAgencyDto, CallDto, CallSummaryDto } from './dto/call-output.dto.js';

export function zoned(instant: Date, timeZone: string, viewerTimeZone: string): ZonedInstantDto {
  return {
    utc: instant.toISOString().replace('.000Z', 'Z'),
    timeZone,
    local: inZone(instant, timeZone),
    viewerTimeZone,
    viewer: inZone(instant, viewerTimeZone),
  };
}

export function toAgencyDto(entry: AgencyEntry, viewerTimeZone: string): CallAgencyDto {
  return {
    agency: { id: entry.agencyId, shortName: entry.shortName, name: { ja: entry.nameJa, en: entry.nameEn }, country: entry.country },
    role: entry.role,
    deadline: zoned(entry.deadline, entry.timeZone, viewerTimeZone),
    budgetCap: entry.budgetCap,
    institutionApprovalRequired: entry.institutionApprovalRequired,
    reviewOnceFinal: entry.reviewOnceFinal,
    eligibilityNotes: { ja: entry.eligibilityNotesJa, en: entry.eligibilityNotesEn },
  };
}

/** What the caller may do with a call, and the agency whose entry is theirs. */
export interface CallViewer {
  readonly allowedActions: CallAction[];
  readonly ownAgencyId: string | null;
}

export function toCallDto(
  call: CallRecord,
  status: CallStatus,
  now: Date,
  viewerTimeZone: string,
  watching: boolean,
  viewer: CallViewer,
): CallDto {
  const lead = call.agencies.find((a) => a.role === 'lead');
  const leadZone = lead?.timeZone ?? 'UTC';
  const at = (instant: Date | null) => (instant === null ? null : zoned(instant, leadZone, viewerTimeZone));
  const next = call.agencies.filter((a) => a.deadline > now).sort((a, b) => a.deadline.getTime() - b.deadline.getTime())[0];
  return {
    id: call.id,
    program: { id: call.programId, code: call.programCode, name: { ja: call.programNameJa, en: call.programNameEn } },
    title: { ja: call.titleJa, en: call.titleEn },
    summary: { ja: call.summaryJa, en: call.summaryEn },
    mode: call.mode,
    status,
    nextDeadline: next ? zoned(next.deadline, next.timeZone, viewerTimeZone) : null,
    agencies: call.agencies.map((a) => toAgencyDto(a, viewerTimeZone)),
    fields: call.fields.map((f) => f.code),
    fieldDetails: call.fields.map((f) => ({ code: f.code, name: { ja: f.nameJa, en: f.nameEn } })),
    eligibleCountries: [...call.eligibleCountries],
    timeline: {
      announcedAt: at(call.announcedAt),
      opensAt: zoned(call.opensAt, leadZone, viewerTimeZone),
      reviewStartsAt: at(call.reviewStartsAt),
      decisionAt: at(call.decisionAt),
      resultsReleasedAt: at(resultsReleasedAt(call, now)),
      projectStartOn: call.projectStartOn,
    },
    tracks: call.tracks.map((t) => ({
      id: t.id ?? '',
      code: t.code,
      name: { ja: t.nameJa, en: t.nameEn },
      maxBudget: t.maxBudget,
      maxDurationMonths: t.maxDurationMonths,
      earlyCareerRequired: t.earlyCareerRequired,
    })),
    criteria: call.criteria.map((c) => ({
      id: c.id ?? '',
      name: { ja: c.nameJa, en: c.nameEn },
      description: { ja: c.descriptionJa, en: c.descriptionEn },
      scaleMin: c.scaleMin,
      scaleMax: c.scaleMax,
      weight: c.weight,
      threshold: c.threshold,
    })),
    watching,
    publishedAt: call.publishedAt?.toISOString() ?? null,
    cancellationReason: call.cancellationReason,
    allowedActions: viewer.allowedActions,
    ownAgencyId: viewer.ownAgencyId,
    version: call.version,
  };
}

export function toCallSummaryDto(
  head: CallHead,
  agencies: readonly AgencyEntry[],
  fields: readonly string[],
  status: CallStatus,
  nextDeadline: Date | null,
  viewerTimeZone: string,
): CallSummaryDto {
  const next = nextDeadline === null ? undefined : agencies.find((a) => a.deadline.getTime() === nextDeadline.getTime());
  return {
    id: head.id,
    program: { id: head.programId, code: head.programCode, name: { ja: head.programNameJa, en: head.programNameEn } },
    title: { ja: head.titleJa, en: head.titleEn },
    mode: head.mode,
    status,
    nextDeadline: nextDeadline === null ? null : zoned(nextDeadline, next?.timeZone ?? 'UTC', viewerTimeZone),
    agencies: agencies.map((a) => toAgencyDto(a, viewerTimeZone)),
    fields: [...fields],
    eligibleCountries: head.eligibleCountries,
  };
}
