import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, type Principal } from '#identity';
import { Authenticated, IfMatch, RateLimited } from '#platform';
import {
  AcceptAssignmentDto,
  AddCallReviewerDto,
  ApplicationOutcomeDto,
  AssignmentCreatedDto,
  AssignmentProgressDto,
  AssignReviewerDto,
  AutoAssignDto,
  AutoAssignReportDto,
  CallRankingDto,
  CallReviewerDto,
  DeclareConflictDto,
  DeclineAssignmentDto,
  EligibilityDto,
  EligibilityResultDto,
  RankingQueryDto,
  ReviewerCandidateDto,
  ReviewerCandidatesQueryDto,
  SaveReviewDto,
  SideDecisionDto,
} from './dto/review.dto.js';
import { ApplicationReviewDto, AssignedApplicationDto, ConflictDeclaredDto, MyAssignmentDto } from './dto/reviewer-views.dto.js';
import { ReviewsService } from './reviews.service.js';

const uuid = new ParseUUIDPipe();
/** The refusal every review step shares: the agency's review opens at its deadline (rules/review-timeline.ts). */
const NOT_YET = "DEADLINE_NOT_PASSED (the agency's review has not opened: agencyId, reviewOpensAt)";

@ApiTags('reviews')
@Controller()
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Post('applications/:id/sides/:agencyId/eligibility')
  @HttpCode(200)
  @Authenticated('program_officer')
  @ApiOperation({ operationId: 'recordEligibility', summary: "Your agency's side is eligible or not, with a reason." })
  @ApiOkResponse({ type: EligibilityResultDto })
  @ApiUnprocessableEntityResponse({ description: `${NOT_YET}, WRONG_STATE (not submitted, or already under review)` })
  recordEligibility(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('agencyId', uuid) agencyId: string,
    @Body() body: EligibilityDto,
  ) {
    return this.reviews.recordEligibility(user, id, agencyId, body.eligible, body.reason);
  }

  @Get('calls/:id/reviewers')
  @Authenticated('program_officer')
  @ApiOperation({ operationId: 'listCallReviewers', summary: "Your agency's reviewers in the call's pool, with their loads." })
  @ApiOkResponse({ type: [CallReviewerDto] })
  listCallReviewers(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.reviews.listCallReviewers(user, id);
  }

  @Post('calls/:id/reviewers')
  @Authenticated('program_officer')
  @ApiOperation({ operationId: 'addCallReviewer', summary: 'Add a user with the reviewer role to the pool, reviewing for your agency.' })
  @ApiOkResponse({ type: [CallReviewerDto] })
  addCallReviewer(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: AddCallReviewerDto) {
    return this.reviews.addCallReviewer(user, id, body.reviewerId);
  }

  @Get('calls/:id/reviewer-candidates')
  @Authenticated('program_officer')
  @ApiOperation({
    operationId: 'findReviewerCandidates',
    summary: "Users with the reviewer role, by name or e-mail, to add to the call's pool; says who is in a pool already.",
  })
  @ApiOkResponse({ type: [ReviewerCandidateDto] })
  reviewerCandidates(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Query() query: ReviewerCandidatesQueryDto) {
    return this.reviews.reviewerCandidates(user, id, query.q ?? '');
  }

  @Get('calls/:id/assignments')
  @Authenticated('program_officer')
  @ApiOperation({
    operationId: 'listCallAssignments',
    summary: "Your agency's assignments in the call: reviewer, review submitted or draft, due time, overdue, last reminder.",
  })
  @ApiOkResponse({ type: [AssignmentProgressDto] })
  @ApiNotFoundResponse({ description: 'NOT_FOUND (a call your agency does not take part in)' })
  callAssignments(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.reviews.callAssignments(user, id);
  }

  @Post('assignments/:id/remind')
  @HttpCode(200)
  @Authenticated('program_officer')
  @ApiOperation({
    operationId: 'remindReviewer',
    summary: 'Remind the reviewer of an open review, in-app and by e-mail; at most once an hour per assignment.',
  })
  @ApiOkResponse({ type: AssignmentProgressDto })
  @ApiNotFoundResponse({ description: "NOT_FOUND (also another agency's assignment)" })
  @ApiUnprocessableEntityResponse({ description: 'REVIEW_SUBMITTED, ASSIGNMENT_DECLINED' })
  @ApiTooManyRequestsResponse({ description: 'REMINDER_TOO_SOON (reminded within the hour; see Retry-After and lastRemindedAt)' })
  remind(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.reviews.remind(user, id);
  }

  @Post('applications/:id/conflicts')
  @Authenticated('reviewer')
  @ApiOperation({ operationId: 'declareConflict', summary: 'Declare a conflict of interest; any open assignment is declined.' })
  @ApiCreatedResponse({ type: ConflictDeclaredDto })
  declareConflict(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: DeclareConflictDto) {
    return this.reviews.declareConflict(user, id, body.reason);
  }

  @Post('applications/:id/assignments')
  @Authenticated('program_officer')
  @ApiOperation({ operationId: 'assignReviewer' })
  @ApiOkResponse({ type: AssignmentCreatedDto })
  @ApiUnprocessableEntityResponse({ description: `${NOT_YET}, NOT_ELIGIBLE, WRONG_STATE (decided or withdrawn), CONFLICT_OF_INTEREST` })
  assign(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: AssignReviewerDto) {
    return this.reviews.assign(user, id, body.reviewerId, body.dueAt);
  }

  @Delete('assignments/:id')
  @HttpCode(204)
  @Authenticated('program_officer')
  @ApiOperation({ operationId: 'unassignReviewer' })
  @ApiNoContentResponse()
  unassign(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<void> {
    return this.reviews.unassign(user, id);
  }

  @Post('calls/:id/auto-assign')
  @HttpCode(200)
  @Authenticated('program_officer')
  @RateLimited('autoAssign')
  @ApiOperation({
    operationId: 'autoAssignReviewers',
    summary: 'Assign every eligible application within the load cap, conflicts excluded; reports what it cannot cover.',
  })
  @ApiOkResponse({ type: AutoAssignReportDto })
  @ApiUnprocessableEntityResponse({ description: NOT_YET })
  autoAssign(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: AutoAssignDto) {
    return this.reviews.autoAssign(user, id, body);
  }

  @Get('me/assignments')
  @Authenticated('reviewer')
  @ApiOperation({ operationId: 'listMyAssignments', summary: 'Your assignments, except on applications you are conflicted with.' })
  @ApiOkResponse({ type: [MyAssignmentDto] })
  myAssignments(@CurrentUser() user: Principal) {
    return this.reviews.myAssignments(user);
  }

  @Post('assignments/:id/accept')
  @HttpCode(200)
  @Authenticated('reviewer')
  @ApiOperation({ operationId: 'acceptAssignment', summary: 'Accept, declaring no conflict of interest.' })
  @ApiOkResponse({ type: MyAssignmentDto })
  @ApiUnprocessableEntityResponse({
    description: `${NOT_YET}, WRONG_STATE (accepted or declined already, or the side is no longer under review)`,
  })
  accept(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: AcceptAssignmentDto) {
    return this.reviews.accept(user, id, body.noConflict);
  }

  @Post('assignments/:id/decline')
  @HttpCode(200)
  @Authenticated('reviewer')
  @ApiOperation({ operationId: 'declineAssignment' })
  @ApiOkResponse({ type: MyAssignmentDto })
  decline(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: DeclineAssignmentDto) {
    return this.reviews.decline(user, id, body.reason);
  }

  @Get('assignments/:id/application')
  @Authenticated('reviewer')
  @ApiOperation({ operationId: 'getAssignedApplication', summary: 'The application, once accepted and not conflicted, with your review.' })
  @ApiOkResponse({ type: AssignedApplicationDto, description: 'The application and your review' })
  assigned(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.reviews.assignedApplication(user, id);
  }

  @Put('assignments/:id/review')
  @Authenticated('reviewer')
  @ApiOperation({ operationId: 'saveReview', summary: 'Save scores (within each scale) and a comment; stays editable until submitted.' })
  @ApiOkResponse({ type: AssignedApplicationDto })
  @ApiUnprocessableEntityResponse({
    description: `${NOT_YET}, WRONG_STATE (not accepted, or the side is no longer under review), REVIEW_SUBMITTED`,
  })
  save(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: SaveReviewDto, @IfMatch() version: number | undefined) {
    return this.reviews.save(user, id, body, version);
  }

  @Post('assignments/:id/review/submit')
  @HttpCode(200)
  @Authenticated('reviewer')
  @ApiOperation({ operationId: 'submitReview', summary: 'Submit: every criterion scored; read-only afterwards.' })
  @ApiOkResponse({ type: AssignedApplicationDto })
  @ApiUnprocessableEntityResponse({
    description: `REVIEW_INCOMPLETE lists the criteria without a score; ${NOT_YET}, WRONG_STATE, REVIEW_SUBMITTED`,
  })
  submit(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.reviews.submit(user, id);
  }

  @Get('applications/:id/reviews')
  @Authenticated('program_officer', 'reviewer')
  @ApiOperation({
    operationId: 'listApplicationReviews',
    summary: "Officers: their agency's reviews. Reviewers: the others' after submitting their own, without identities.",
  })
  @ApiOkResponse({ type: [ApplicationReviewDto] })
  @ApiUnprocessableEntityResponse({ description: 'SUBMIT_YOUR_REVIEW_FIRST (reviewers)' })
  applicationReviews(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.reviews.applicationReviews(user, id);
  }

  @Get('calls/:id/ranking')
  @Authenticated('program_officer')
  @ApiOperation({ operationId: 'getCallRanking', summary: 'Weighted means, thresholds, ties by criterion order, missing reviews.' })
  @ApiOkResponse({ type: CallRankingDto })
  ranking(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Query() query: RankingQueryDto) {
    return this.reviews.ranking(user, id, query.trackId);
  }

  @Post('applications/:id/sides/:agencyId/decision')
  @HttpCode(200)
  @Authenticated('program_officer')
  @ApiOperation({
    operationId: 'recordSideDecision',
    summary: "Your agency's decision on its side; the outcome follows the cooperation mode.",
  })
  @ApiOkResponse({ type: ApplicationOutcomeDto })
  @ApiUnprocessableEntityResponse({
    description: `${NOT_YET}, REVIEW_NOT_STARTED (no reviewers yet; in co-funding and twinning a partner waits for the lead's review), WRONG_STATE`,
  })
  decide(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('agencyId', uuid) agencyId: string,
    @Body() body: SideDecisionDto,
  ) {
    return this.reviews.decide(user, id, agencyId, body);
  }

  @Get('applications/:id/outcome')
  @Authenticated()
  @ApiOperation({
    operationId: 'getApplicationOutcome',
    summary:
      "Each side's decision and the outcome; applicants see them once the call's results are released (releaseCallResults, or the decision date).",
  })
  @ApiOkResponse({ type: ApplicationOutcomeDto })
  outcome(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.reviews.outcome(user, id);
  }
}
