import { Controller, Get, Header, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal } from '#identity';
import { Authenticated, RateLimited } from '#platform';
import { AgencyDashboardDto, CallStatisticsDto, InstitutionDashboardDto } from './dto/statistics.dto.js';
import { StatisticsService } from './statistics.service.js';

@ApiTags('reporting')
@Controller()
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get('calls/:id/statistics')
  @Authenticated('program_officer', 'institution_admin')
  @ApiOperation({
    operationId: 'getCallStatistics',
    summary:
      "How a call went: applications, eligible, funded, adoption rate; by track, field, lead institution and partner country. Officers of its agencies see the call; an office sees its institution's part.",
  })
  @ApiOkResponse({ type: CallStatisticsDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such call, or not one of your agency’s (offices: not visible)' })
  getCallStatistics(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<CallStatisticsDto> {
    return this.statistics.callStatistics(user, id);
  }

  @Get('calls/:id/statistics.csv')
  @Authenticated('program_officer', 'institution_admin')
  @RateLimited('exports')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="call-statistics.csv"')
  @ApiOperation({ operationId: 'exportCallStatisticsCsv', summary: 'The same statistics as one CSV table (UTF-8 with BOM, RFC 4180).' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  exportCallStatisticsCsv(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<string> {
    return this.statistics.callStatisticsCsv(user, id);
  }

  @Get('dashboards/agency')
  @Authenticated('program_officer')
  @ApiOperation({ operationId: 'getAgencyDashboard', summary: 'Your agency across its calls: what reached it, what it funded.' })
  @ApiOkResponse({ type: AgencyDashboardDto })
  getAgencyDashboard(@CurrentUser() user: Principal): Promise<AgencyDashboardDto> {
    return this.statistics.agencyDashboard(user);
  }

  @Get('dashboards/institution')
  @Authenticated('institution_admin')
  @ApiOperation({
    operationId: 'getInstitutionDashboard',
    summary: "Your institution's applications by status, its success rate, and the agency and internal deadlines ahead.",
  })
  @ApiOkResponse({ type: InstitutionDashboardDto })
  getInstitutionDashboard(@CurrentUser() user: Principal): Promise<InstitutionDashboardDto> {
    return this.statistics.institutionDashboard(user);
  }
}
