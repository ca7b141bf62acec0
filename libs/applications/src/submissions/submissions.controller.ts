import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal } from '#identity';
import { Authenticated, ValidationFailedError } from '#platform';
import { CompareSubmissionsQueryDto, SubmissionComparisonDto, SubmissionDto, SubmissionHeadDto } from './dto/submission.dto.js';
import { SubmissionsService } from './submissions.service.js';

const uuid = new ParseUUIDPipe();
const WHO = 'The team reads every submission; offices, officers and accepted, unconflicted reviewers read the latest.';

@ApiTags('applications')
@Controller('applications/:id/submissions')
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ operationId: 'listApplicationSubmissions', summary: `The frozen submissions, oldest first. ${WHO}` })
  @ApiOkResponse({ type: [SubmissionHeadDto] })
  @ApiNotFoundResponse({ description: 'NOT_FOUND, also for applications you may not see' })
  list(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<SubmissionHeadDto[]> {
    return this.submissions.list(user, id);
  }

  @Get('compare')
  @Authenticated()
  @ApiOperation({ operationId: 'compareApplicationSubmissions', summary: 'What changed between two submissions: fields and documents.' })
  @ApiOkResponse({ type: SubmissionComparisonDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: either submission is not one you may read' })
  compare(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Query() query: CompareSubmissionsQueryDto,
  ): Promise<SubmissionComparisonDto> {
    return this.submissions.compare(user, id, query.from, query.to);
  }

  @Get(':number')
  @Authenticated()
  @ApiOperation({
    operationId: 'getApplicationSubmission',
    summary: `One frozen submission: the proposal as submitted and its documents with their SHA-256. ${WHO}`,
  })
  @ApiParam({
    name: 'number',
    description: 'The submission number, or `latest`',
    schema: { type: 'string', pattern: '^(latest|[1-9][0-9]{0,8})$' },
  })
  @ApiOkResponse({ type: SubmissionDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such submission, or not one you may read' })
  get(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Param('number') number: string): Promise<SubmissionDto> {
    if (!/^(latest|[1-9][0-9]{0,8})$/.test(number)) {
      throw new ValidationFailedError([{ field: 'number', message: 'number must be a submission number or latest' }]);
    }
    return this.submissions.get(user, id, number === 'latest' ? undefined : Number(number));
  }
}
