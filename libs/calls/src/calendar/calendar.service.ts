import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccessService, type Principal } from '#identity';
import { type AppConfig, Clock, InjectConfig, NotFoundError } from '#platform';
import { CallPermission } from '../calls/calls-access.repository.js';
import { CallsRepository } from '../calls/calls.repository.js';
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
    const events = await this.events([callId]);
    return deadlinesCalendar(`jointcall: ${events[0]?.titleEn ?? 'call'}`, events, this.clock.now());
  }

  /** The personal feed behind a calendar URL; an unknown or rotated token reads as not found. */
  async feed(token: string): Promise<string> {
    const userId = await this.calls.userByCalendarToken(hash(token));
    if (!userId) throw new NotFoundError('calendar');
    return deadlinesCalendar('jointcall deadlines', await this.events(await this.calls.calendarCallIds(userId)), this.clock.now());
  }

  /** A new secret feed URL; the previous one stops working. */
  async rotate(principal: Principal): Promise<{ url: string; token: string }> {
    const token = randomBytes(24).toString('base64url');
    await this.calls.setCalendarToken(principal.id, hash(token), this.clock.now());
    return { token, url: `${this.config.publicUrl}/calendar/${token}.ics` };
  }

  private async events(callIds: readonly string[]): Promise<DeadlineEvent[]> {
    const events: DeadlineEvent[] = [];
    for (const callId of callIds) {
      const call = await this.calls.load(callId);
      if (!call) continue;
      for (const agency of call.agencies) {
        events.push({
          callId,
          agencyId: agency.agencyId,
          agencyShortName: agency.shortName,
          titleEn: call.titleEn,
          titleJa: call.titleJa,
          deadline: agency.deadline,
          sequence: agency.deadlineSequence,
          url: `${this.config.publicUrl}/calls/${callId}`,
          cancelled: call.cancelledAt !== null,
        });
      }
    }
    return events;
  }
}

function hash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
