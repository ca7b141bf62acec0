import { Injectable } from '@nestjs/common';
import { type CallDto, CallPermission, CallsRepository, CallsService, callStatus } from '#calls';
import { AccessService, type Principal } from '#identity';
import { Notifier } from '#notifications';
import { AuditLog, Clock, DomainError, NotFoundError, RuleViolationError, VersionMismatchError, wholeSeconds } from '#platform';
import { releaseRefusal } from '../rules/results-release.js';
import { decisionNotice } from '../rules/review-notices.js';
import { ReviewsRepository } from '../reviews/reviews.repository.js';

/** The release of a call's results to its applicants, by the lead agency (the decision date releases them too). */
@Injectable()
export class ResultsReleaseService {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly calls: CallsRepository,
    private readonly callViews: CallsService,
    private readonly access: AccessService,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  /**
   * Under the call's lock, so no decision changes meanwhile: the rule allows it, the call records it,
   * the log has it, and every decision's notice to its application's team is written, all in one
   * transaction. The scheduled sweep finds those notices marked and does not send them again.
   */
  async release(principal: Principal, callId: string, expectedVersion: number | undefined, requestId: string): Promise<CallDto> {
    await this.access.require(principal, CallPermission.read, callId, 'call');
    if (!(await this.access.allowed(principal, CallPermission.lead, [callId])).has(callId)) {
      throw new DomainError('forbidden', 'LEAD_AGENCY_ONLY', "Only the lead agency's program officers release the call's results.");
    }
    await this.reviews.transaction(async (manager) => {
      const call = await this.calls.load(callId, manager, true);
      if (!call) throw new NotFoundError('call');
      const now = this.clock.now();
      const progress = await this.reviews.releaseProgress(manager, callId);
      const refusal = releaseRefusal({ status: callStatus(call, now), reviewStartsAt: call.reviewStartsAt }, progress);
      if (refusal) throw new RuleViolationError(refusal.code, refusal.message);
      if (!(await this.calls.setResultsReleased(manager, callId, wholeSeconds(now), expectedVersion))) {
        throw new VersionMismatchError(call.version);
      }
      const decisions = await this.reviews.callDecisions(manager, callId);
      await this.notifier.notifyOnce(manager, decisions.map(decisionNotice));
      await this.audit.record(manager, {
        actorId: principal.id,
        action: 'call.results_released',
        objectType: 'call',
        objectId: callId,
        requestId,
        data: { decisions: decisions.length, applications: new Set(decisions.map((d) => d.applicationId)).size },
      });
    });
    return this.callViews.get(principal, callId);
  }
}
