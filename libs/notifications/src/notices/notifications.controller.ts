import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal } from '#identity';
import { Authenticated } from '#platform';
import {
  ListNotificationsQueryDto,
  MarkedReadDto,
  NotificationDto,
  NotificationPageDto,
  NotificationPreferencesDto,
  UpdateNotificationPreferencesDto,
} from './dto/notification.dto.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ operationId: 'listNotifications', summary: 'Your notices, newest first, with the number not read yet.' })
  @ApiOkResponse({ type: NotificationPageDto })
  listNotifications(@CurrentUser() user: Principal, @Query() query: ListNotificationsQueryDto): Promise<NotificationPageDto> {
    return this.notifications.list(user, query);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ operationId: 'markNotificationRead', summary: 'Marks one of your notices read; marking it again changes nothing.' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such notice of yours' })
  markNotificationRead(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<NotificationDto> {
    return this.notifications.markRead(user, id);
  }

  @Post('read-all')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ operationId: 'markAllNotificationsRead', summary: 'Marks all your notices read.' })
  @ApiOkResponse({ type: MarkedReadDto })
  markAllNotificationsRead(@CurrentUser() user: Principal): Promise<MarkedReadDto> {
    return this.notifications.markAllRead(user);
  }

  @Get('preferences')
  @Authenticated()
  @ApiOperation({ operationId: 'getNotificationPreferences', summary: 'Which kinds of notice also come to you by e-mail.' })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  getNotificationPreferences(@CurrentUser() user: Principal): Promise<NotificationPreferencesDto> {
    return this.notifications.preferences(user);
  }

  @Patch('preferences')
  @Authenticated()
  @ApiOperation({
    operationId: 'updateNotificationPreferences',
    summary: 'Turns e-mail on or off per kind of notice; kinds not given stay.',
  })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  updateNotificationPreferences(
    @CurrentUser() user: Principal,
    @Body() body: UpdateNotificationPreferencesDto,
  ): Promise<NotificationPreferencesDto> {
    return this.notifications.updatePreferences(user, body);
  }
}
