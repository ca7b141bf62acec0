import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccessService, type Principal } from '#identity';
import { type AppConfig, Clock, InjectConfig, NotFoundError, wholeSeconds } from '#platform';
import { CallPermission } from '../calls/calls-access.repository.js';
import { type CalendarEntries, CallsRepository } from '../calls/calls.repository.js';
import { type DeadlineEvent, deadlinesCalendar } from './deadlines-calendar.js';

@Injectable()
export class CalendarService {
  constructor(
    private readonly calls: CallsRepository,
    private readonly access: AccessService,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async forCall(principal: Principal, callId: string): Promise<string> {
    await this.access.require(principal, CallPermission.read, callId, 'call');
    const events = this.events(await this.calls.calendarEntries([callId], principal));
    return deadlinesCalendar(`jointcall: ${events[0]?.titleEn ?? 'call'}`, events, this.clock.now());
  }

  /**
   * The personal feed behind a calendar URL; an unknown or rotated token reads as not found (on the
   * primary, so a rotated token stops at once). The feed itself may lag a little.
   */
  async feed(token: string): Promise<string> {
    const userId = await this.calls.userByCalendarToken(hash(token));
    if (!userId) throw new NotFoundError('calendar');
    return deadlinesCalendar('jointcall deadlines', this.events(await this.calls.watchedCalendarEntries(userId)), this.clock.now());
  }

  /** A new secret feed URL; the previous one stops working. */
  async rotate(principal: Principal): Promise<{ url: string; token: string }> {
    const token = randomBytes(24).toString('base64url');
    await this.calls.setCalendarToken(principal.id, hash(token), wholeSeconds(this.clock.now()));
    return { token, url: `${this.config.publicUrl}/calendar/${token}.ics` };
  }

  /** One event per agency deadline of the calls (read in two queries however many calls there are). */
  private events({ callIds, heads, agencies }: CalendarEntries): DeadlineEvent[] {
    return callIds.flatMap((callId) => {
      const head = heads.get(callId);
      if (!head) return [];
      return (agencies.get(callId) ?? []).map((agency) => ({
        callId,
        agencyId: agency.agencyId,
        agencyShortName: agency.shortName,
        titleEn: head.titleEn,
        titleJa: head.titleJa,
        deadline: agency.deadline,
        sequence: agency.deadlineSequence,
        url: `${this.config.publicUrl}/calls/${callId}`,
        cancelled: head.cancelledAt !== null,
      }));
    });
  }
}

function hash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
