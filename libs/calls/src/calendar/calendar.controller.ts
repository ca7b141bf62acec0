import { Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal } from '#identity';
import { Authenticated, Public } from '#platform';
import { CalendarService } from './calendar.service.js';

class CalendarTokenDto {
  @ApiProperty({ description: 'Subscribe to this URL in a calendar app; keep it secret' }) url: string;
  @ApiProperty() token: string;
}

const ICS = 'text/calendar; charset=utf-8';

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('calls/:id/calendar.ics')
  @Authenticated()
  @Header('content-type', ICS)
  @ApiOperation({ operationId: 'getCallCalendar', summary: "The call's deadlines as iCalendar, one event per agency." })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'text/calendar' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  callCalendar(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<string> {
    return this.calendar.forCall(user, id);
  }

  @Get('calendar/:token.ics')
  @Public()
  @Header('content-type', ICS)
  @ApiOperation({
    operationId: 'getMyCalendar',
    summary:
      'Your feed of deadlines of the calls you watch. Calendar apps cannot send headers: the secret token in the URL is the credential.',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'text/calendar' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: unknown or rotated token' })
  feed(@Param('token') token: string): Promise<string> {
    return this.calendar.feed(token);
  }

  @Post('me/calendar-token')
  @HttpCode(201)
  @Authenticated()
  @ApiOperation({ operationId: 'rotateCalendarToken', summary: 'A new secret calendar-feed URL; the previous URL stops working.' })
  @ApiCreatedResponse({ type: CalendarTokenDto })
  rotate(@CurrentUser() user: Principal): Promise<CalendarTokenDto> {
    return this.calendar.rotate(user);
  }
}
