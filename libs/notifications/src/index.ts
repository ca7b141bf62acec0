export * from './notices/notice.js';
export * from './notices/notice-texts.js';
export * from './notices/notification.entity.js';
export * from './notices/notifier.js';
export * from './delivery/email-delivery.js';
export * from './invitations/invitation-mail.js';
export * from './schedule/scheduled-notices.js';

import { NoticeMark, Notification, NotificationPreference } from './notices/notification.entity.js';

/** Entities owned by the notifications feature. */
export const notificationEntities = [Notification, NotificationPreference, NoticeMark];
export * from './notifications.module.js';
// For wiring outside Nest (the benchmark's baseline server).
export { NotificationsRepository } from './notices/notifications.repository.js';
export * from './notices/once.js';
