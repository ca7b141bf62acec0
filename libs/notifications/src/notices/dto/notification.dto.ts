import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { PageQueryDto } from '#platform';
import { NOTICE_KINDS, type NoticeKind, SUBJECT_TYPES, type SubjectType } from '../notice.js';

export class ListNotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only notices not read yet.', default: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

/** The object a notice is about. */
export class NotificationSubjectDto {
  @ApiProperty({ enum: SUBJECT_TYPES }) type: SubjectType;
  @ApiProperty({ format: 'uuid', example: '7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b' }) id: string;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTICE_KINDS }) kind: NoticeKind;
  @ApiProperty({ description: "In the reader's language." }) title: string;
  @ApiProperty() body: string;
  @ApiProperty({ description: 'Where the object is.' }) link: string;
  @ApiProperty({ type: NotificationSubjectDto }) subject: NotificationSubjectDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
  @ApiProperty({ description: 'Notices not read yet, in all.' }) unreadCount: number;
}

/** Per kind of notice: whether it also comes by e-mail (in-app notices always come). */
export class EmailChoicesDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() approval_requested?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() application_returned?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() application_approved?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() application_submitted?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() review_assigned?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() deadline_reminder?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() approval_reminder?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() review_reminder?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() decision_published?: boolean;
}

export class UpdateNotificationPreferencesDto {
  @ApiProperty({ type: EmailChoicesDto, description: 'Only the kinds given change.' })
  @IsObject()
  @ValidateNested()
  @Type(() => EmailChoicesDto)
  email: EmailChoicesDto;
}

export class NotificationPreferencesDto {
  @ApiProperty({ type: EmailChoicesDto, description: 'Every kind, with the choice in force (e-mail unless turned off).' })
  email: Record<NoticeKind, boolean>;
}

export class MarkedReadDto {
  @ApiProperty({ description: 'How many notices were marked read.' }) marked: number;
  @ApiProperty() unreadCount: number;
}
