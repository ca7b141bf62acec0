import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CallDto } from '#calls';
import { CurrentUser, type Principal, RequestId } from '#identity';
import { Authenticated, IfMatch } from '#platform';
import { ResultsReleaseService } from './results-release.service.js';

@ApiTags('calls')
@Controller('calls')
export class ResultsReleaseController {
  constructor(private readonly results: ResultsReleaseService) {}

  @Post(':id/release-results')
  @HttpCode(200)
  @Authenticated('program_officer')
  @ApiOperation({
    operationId: 'releaseCallResults',
    summary:
      "The lead agency's officers tell the applicants every decision of the call at once, once its review has started and every side that reached an agency is decided. Without this the decision date releases them.",
  })
  @ApiOkResponse({ type: CallDto, description: 'The call, its timeline showing resultsReleasedAt' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND (also a draft of an agency you are not an officer of)' })
  @ApiForbiddenResponse({ description: 'LEAD_AGENCY_ONLY' })
  @ApiUnprocessableEntityResponse({
    description:
      'REVIEW_NOT_STARTED (a deadline or the review date is still ahead), DECISIONS_PENDING (the detail names the agencies and how many sides each has to decide), NOTHING_DECIDED, RESULTS_ALREADY_RELEASED (by an earlier release or the decision date), CALL_CANCELLED',
  })
  release(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch({ required: false }) expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CallDto> {
    return this.results.release(user, id, expectedVersion, requestId);
  }
}
