import { Injectable } from '@nestjs/common';
import type { Principal } from '#identity';
import { type AppConfig, Clock, decodeCursor, DEFAULT_PAGE_SIZE, InjectConfig, NotFoundError, toPage } from '#platform';
import type {
  ListNotificationsQueryDto,
  MarkedReadDto,
  NotificationDto,
  NotificationPageDto,
  NotificationPreferencesDto,
  UpdateNotificationPreferencesDto,
} from './dto/notification.dto.js';
import { NOTICE_KINDS, type NoticeKind } from './notice.js';
import { type Reader, renderNotice } from './notice-texts.js';
import { type NotificationRow, NotificationsRepository } from './notifications.repository.js';

/** In-app notices and e-mail choices; each user reaches only their own. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async list(principal: Principal, query: ListNotificationsQueryDto): Promise<NotificationPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
    const [rows, unreadCount, reader] = await Promise.all([
      this.notifications.list(principal.id, {
        limit: limit + 1,
        unreadOnly: query.unread ?? false,
        ...(after ? { after: { createdAt: String(after[0]), id: String(after[1]) } } : {}),
      }),
      this.notifications.unreadCount(principal.id),
      this.notifications.reader(principal.id),
    ]);
    const page = toPage(
      rows,
      limit,
      (n) => [n.createdAt.toISOString(), n.id],
      (n) => this.toDto(n, reader),
    );
    return { items: [...page.items], nextCursor: page.nextCursor, unreadCount };
  }

  async markRead(principal: Principal, id: string): Promise<NotificationDto> {
    const row = await this.notifications.markRead(principal.id, id, this.clock.now());
    if (!row) throw new NotFoundError('notification');
    return this.toDto(row, await this.notifications.reader(principal.id));
  }

  async markAllRead(principal: Principal): Promise<MarkedReadDto> {
    const marked = await this.notifications.markAllRead(principal.id, this.clock.now());
    return { marked, unreadCount: await this.notifications.unreadCount(principal.id) };
  }

  async preferences(principal: Principal): Promise<NotificationPreferencesDto> {
    const chosen = await this.notifications.preferences(principal.id);
    return {
      email: Object.fromEntries(NOTICE_KINDS.map((kind) => [kind, chosen.get(kind) ?? true])) as Record<NoticeKind, boolean>,
    };
  }

  async updatePreferences(principal: Principal, dto: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    const changes = new Map(Object.entries(dto.email).filter((entry): entry is [string, boolean] => typeof entry[1] === 'boolean'));
    await this.notifications.setPreferences(principal.id, changes, this.clock.now());
    return this.preferences(principal);
  }

  private toDto(row: NotificationRow, reader: Reader): NotificationDto {
    const text = renderNotice(row, reader, this.config.publicUrl);
    return {
      id: row.id,
      kind: row.kind,
      title: text.title,
      body: text.body,
      link: text.link,
      subject: { type: row.subjectType, id: row.subjectId },
      createdAt: row.createdAt.toISOString(),
      readAt: row.readAt?.toISOString() ?? null,
    };
  }
}
