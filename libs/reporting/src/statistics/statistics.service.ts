import { Injectable } from '@nestjs/common';
import { CallsRepository } from '#calls';
import { AccessService, officeInstitutionOf, officerAgencyOf, PERMISSIONS, type Principal } from '#identity';
import { MODE_OUTCOMES } from '#reviews';
import { Clock, DomainError, NotFoundError, toCsv } from '#platform';
import type { AgencyDashboardDto, BreakdownRowDto, CallStatisticsDto, CountsDto, InstitutionDashboardDto } from './dto/statistics.dto.js';
import { type CountRow, StatisticsRepository } from './statistics.repository.js';

/** Upcoming agency deadlines shown on an office's dashboard. */
const UPCOMING_DEADLINES = 20;

/**
 * How calls went, computed from the rows at each request (nothing stored): officers of a call's
 * agencies see the whole call, an institution's office the part touching its institution.
 */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly statistics: StatisticsRepository,
    private readonly calls: CallsRepository,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async callStatistics(principal: Principal, callId: string): Promise<CallStatisticsDto> {
    // Officers of the call's agencies see the whole call; an office sees its institution's part of a call it may read.
    let institutionId: string | null = null;
    if ((await this.access.allowed(principal, PERMISSIONS.calls.participate, [callId])).size === 0) {
      institutionId = officeInstitutionOf(principal);
      if (institutionId === null) throw new NotFoundError('call');
      await this.access.require(principal, PERMISSIONS.calls.read, callId, 'call');
    }
    const call = await this.calls.load(callId);
    if (!call) throw new NotFoundError('call');
    const [counts, countries] = await Promise.all([
      this.statistics.counts(callId, institutionId, principal),
      this.statistics.partnerCountries(callId, institutionId, principal),
    ]);
    const total = counts.find((c) => c.dimension === 'total');
    const breakdown = (dimension: CountRow['dimension']): BreakdownRowDto[] =>
      counts
        .filter((c) => c.dimension === dimension)
        .map((c) => ({
          key: c.key,
          label: c.labelEn === null ? null : { en: c.labelEn, ja: c.labelJa ?? c.labelEn },
          ...withRate(c),
        }));
    return {
      callId,
      title: { en: call.titleEn, ja: call.titleJa },
      mode: call.mode,
      scope: { kind: institutionId === null ? 'call' : 'institution', institutionId },
      outcomeNames: MODE_OUTCOMES[call.mode],
      ...withRate(total ?? { applications: 0, eligible: 0, funded: 0, notFunded: 0, pending: 0 }),
      byTrack: breakdown('track'),
      byField: breakdown('field'),
      byLeadInstitution: breakdown('lead_institution'),
      partnerCountries: countries,
    };
  }

  /** The statistics as one CSV table: a row per breakdown entry, then a row per partner country. */
  async callStatisticsCsv(principal: Principal, callId: string): Promise<string> {
    const s = await this.callStatistics(principal, callId);
    const row = (dimension: string, r: BreakdownRowDto | (CountsDto & { key: null; label: null })) => [
      dimension,
      r.key,
      r.label?.en,
      r.label?.ja,
      r.applications,
      r.eligible,
      r.funded,
      r.notFunded,
      r.pending,
      r.adoptionRate,
      null,
      null,
    ];
    return toCsv(
      [
        'dimension',
        'key',
        'label_en',
        'label_ja',
        'applications',
        'eligible',
        'funded',
        'not_funded',
        'pending',
        'adoption_rate',
        'partner_institutions',
        'funded_partner_institutions',
      ],
      [
        row('total', { ...s, key: null, label: null }),
        ...s.byTrack.map((r) => row('track', r)),
        ...s.byField.map((r) => row('field', r)),
        ...s.byLeadInstitution.map((r) => row('lead_institution', r)),
        ...s.partnerCountries.map((c) => [
          'partner_country',
          c.country,
          null,
          null,
          c.applications,
          null,
          c.fundedApplications,
          null,
          null,
          null,
          c.partnerInstitutions,
          c.fundedPartnerInstitutions,
        ]),
      ],
    );
  }

  async agencyDashboard(principal: Principal): Promise<AgencyDashboardDto> {
    const agencyId = officerAgencyOf(principal);
    if (agencyId === null)
      throw new DomainError('forbidden', 'NOT_AN_OFFICER', 'The agency dashboard is for program officers of an agency.');
    const calls = await this.statistics.agencyCalls(agencyId, this.clock.now(), principal);
    const sum = (pick: (c: (typeof calls)[number]) => number) => calls.reduce((n, c) => n + pick(c), 0);
    const funded = sum((c) => c.funded);
    const decided = funded + sum((c) => c.notFunded);
    return {
      agencyId,
      calls: calls.length,
      received: sum((c) => c.received),
      funded,
      successRate: rate(funded, decided),
      byCall: calls.map(({ titleEn, titleJa, deadline, ...c }) => ({
        ...c,
        title: { en: titleEn, ja: titleJa },
        deadline: deadline.toISOString(),
      })),
    };
  }

  async institutionDashboard(principal: Principal): Promise<InstitutionDashboardDto> {
    const institutionId = officeInstitutionOf(principal);
    if (institutionId === null) throw new DomainError('forbidden', 'NOT_AN_OFFICE', 'The institution dashboard is for research offices.');
    const [statuses, decisions, deadlines] = await Promise.all([
      this.statistics.institutionStatuses(institutionId, principal),
      this.statistics.institutionDecisions(institutionId, principal),
      this.statistics.upcomingDeadlines(institutionId, this.clock.now(), UPCOMING_DEADLINES, principal),
    ]);
    return {
      institutionId,
      byStatus: Object.fromEntries(statuses.map((s) => [s.status, s.count])),
      ...decisions,
      successRate: rate(decisions.funded, decisions.funded + decisions.notFunded),
      upcomingDeadlines: deadlines.map(({ titleEn, titleJa, deadline, internalDeadline, ...d }) => ({
        ...d,
        title: { en: titleEn, ja: titleJa },
        deadline: deadline.toISOString(),
        internalDeadline: internalDeadline?.toISOString() ?? null,
      })),
    };
  }
}

function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}

function withRate(c: Omit<CountsDto, 'adoptionRate'>): CountsDto {
  return {
    applications: c.applications,
    eligible: c.eligible,
    funded: c.funded,
    notFunded: c.notFunded,
    pending: c.pending,
    adoptionRate: rate(c.funded, c.applications),
  };
}
