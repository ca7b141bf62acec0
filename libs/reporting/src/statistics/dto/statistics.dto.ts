import { ApiProperty } from '@nestjs/swagger';
import { BilingualDto } from '#platform';

export class CountsDto {
  @ApiProperty({ description: 'Applications that reached an agency (not drafts, not withdrawn).' }) applications: number;
  @ApiProperty({ description: 'Applications every side of which passed eligibility.' }) eligible: number;
  @ApiProperty({ description: 'Funded (or linked, for twinning) by the rule of the call’s mode.' }) funded: number;
  @ApiProperty() notFunded: number;
  @ApiProperty({ description: 'Waiting for a decision.' }) pending: number;
  @ApiProperty({ description: 'funded / applications, 0 to 1 (0 without applications).' }) adoptionRate: number;
}

export class BreakdownRowDto extends CountsDto {
  @ApiProperty({ nullable: true, type: String, description: 'Track id, field code or institution id; null for none given.' })
  key: string | null;
  @ApiProperty({ type: BilingualDto, nullable: true }) label: BilingualDto | null;
}

export class CountryRowDto {
  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2 (EU for the European Union).' }) country: string;
  @ApiProperty({ description: 'Partner institutions, counted per application.' }) partnerInstitutions: number;
  @ApiProperty() fundedPartnerInstitutions: number;
  @ApiProperty() applications: number;
  @ApiProperty() fundedApplications: number;
}

export class StatisticsScopeDto {
  @ApiProperty({ enum: ['call', 'institution'] }) kind: 'call' | 'institution';
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) institutionId: string | null;
}

export class OutcomeNamesDto {
  @ApiProperty({ type: [String], example: ['co_funded', 'funded_by_lead'] }) funded: readonly string[];
  @ApiProperty({ type: [String], example: ['not_funded'] }) notFunded: readonly string[];
}

export class CallStatisticsDto extends CountsDto {
  @ApiProperty({ format: 'uuid' }) callId: string;
  @ApiProperty({ type: BilingualDto }) title: BilingualDto;
  @ApiProperty({ enum: ['joint_call', 'co_funding', 'twinning'] }) mode: string;
  @ApiProperty({ type: StatisticsScopeDto, description: 'The whole call, or an office’s own institution.' }) scope: StatisticsScopeDto;
  @ApiProperty({ type: OutcomeNamesDto, description: 'The outcomes (getApplicationOutcome) that funded and notFunded count in this mode.' })
  outcomeNames: OutcomeNamesDto;
  @ApiProperty({ type: [BreakdownRowDto] }) byTrack: BreakdownRowDto[];
  @ApiProperty({ type: [BreakdownRowDto] }) byField: BreakdownRowDto[];
  @ApiProperty({ type: [BreakdownRowDto], description: 'By the PI’s institution.' }) byLeadInstitution: BreakdownRowDto[];
  @ApiProperty({ type: [CountryRowDto] }) partnerCountries: CountryRowDto[];
}

export class AgencyCallDto {
  @ApiProperty({ format: 'uuid' }) callId: string;
  @ApiProperty({ type: BilingualDto }) title: BilingualDto;
  @ApiProperty() mode: string;
  @ApiProperty({ enum: ['lead', 'partner'] }) role: string;
  @ApiProperty() status: string;
  @ApiProperty({ format: 'date-time' }) deadline: string;
  @ApiProperty({ description: 'Sides that reached the agency.' }) received: number;
  @ApiProperty() awaitingInstitution: number;
  @ApiProperty() eligible: number;
  @ApiProperty() underReview: number;
  @ApiProperty() funded: number;
  @ApiProperty() notFunded: number;
}

export class AgencyDashboardDto {
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() calls: number;
  @ApiProperty() received: number;
  @ApiProperty() funded: number;
  @ApiProperty({ description: 'funded / decided sides.' }) successRate: number;
  @ApiProperty({ type: [AgencyCallDto] }) byCall: AgencyCallDto[];
}

export class UpcomingDeadlineDto {
  @ApiProperty({ format: 'uuid' }) callId: string;
  @ApiProperty({ type: BilingualDto }) title: BilingualDto;
  @ApiProperty() agency: string;
  @ApiProperty({ format: 'date-time' }) deadline: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'The office’s own deadline for the call.' })
  internalDeadline: string | null;
  @ApiProperty({ description: 'The institution’s sides for this agency.' }) applications: number;
  @ApiProperty() awaitingApproval: number;
}

export class InstitutionDashboardDto {
  @ApiProperty({ format: 'uuid' }) institutionId: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Applications touching the institution, by status.',
    example: { draft: 2, submitted: 5 },
  })
  byStatus: Record<string, number>;
  @ApiProperty() funded: number;
  @ApiProperty() notFunded: number;
  @ApiProperty({ description: 'funded / decided, over the sides led from the institution.' }) successRate: number;
  @ApiProperty({ type: [UpcomingDeadlineDto] }) upcomingDeadlines: UpcomingDeadlineDto[];
}
